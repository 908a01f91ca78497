namespace Earshot.Tests.Channels.Feeds;

/// <summary>Feeds written after the RSS 2.0 and Atom 1.0 (RFC 4287) specifications, as review and blog sites publish them.</summary>
static class FeedFixtures
{
    public const string Rss = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
          <channel>
            <title>Acme Air reviews</title>
            <link>https://reviews.example.test/acme-air</link>
            <description>Latest reviews</description>
            <item>
              <title>Lost my bag, again</title>
              <link>https://reviews.example.test/r/1001</link>
              <guid isPermaLink="false">review-1001</guid>
              <dc:creator>jo_traveller</dc:creator>
              <pubDate>Fri, 20 Nov 2026 10:15:00 +0000</pubDate>
              <description><![CDATA[<p>Third time this year &amp; nobody answers.</p><p>Flight AC 123.</p>]]></description>
            </item>
            <item>
              <title>Great crew</title>
              <link>https://reviews.example.test/r/1002</link>
              <guid>https://reviews.example.test/r/1002</guid>
              <author>sam@example.test (Sam)</author>
              <pubDate>Fri, 20 Nov 2026 11:00:00 GMT</pubDate>
              <description>Friendly and on time.</description>
            </item>
          </channel>
        </rss>
        """;

    public const string RssWithNewItem = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0">
          <channel>
            <title>Acme Air reviews</title>
            <item>
              <title>Refund still missing</title>
              <guid isPermaLink="false">review-1003</guid>
              <pubDate>Sat, 21 Nov 2026 08:00:00 +0000</pubDate>
              <description>Waiting six weeks for my refund.</description>
            </item>
            <item>
              <title>Lost my bag, again</title>
              <guid isPermaLink="false">review-1001</guid>
              <description>Third time this year.</description>
            </item>
          </channel>
        </rss>
        """;

    public const string Atom = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <title>Travel blog</title>
          <id>urn:uuid:60a76c80-d399-11d9-b93c-0003939e0af6</id>
          <updated>2026-11-21T18:30:02Z</updated>
          <entry>
            <title type="html">Why I switched from &lt;b&gt;Acme Air&lt;/b&gt;</title>
            <link rel="alternate" href="https://blog.example.test/switch"/>
            <id>urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a</id>
            <published>2026-11-21T18:30:02Z</published>
            <updated>2026-11-21T18:30:02Z</updated>
            <author><name>Riley</name></author>
            <summary>Delays every week and no answer from support.</summary>
          </entry>
        </feed>
        """;

    public const string Malformed = """
        <?xml version="1.0"?>
        <rss version="2.0"><channel><item><title>Broken</title></channel></rss>
        """;

    public const string WithDtd = """
        <?xml version="1.0"?>
        <!DOCTYPE rss [<!ENTITY boom "boom">]>
        <rss version="2.0"><channel><item><title>&boom;</title></item></channel></rss>
        """;
}
