using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Earshot.Core.Ingestion;

namespace Earshot.Core.Channels.Feeds;

/// <summary>Reads RSS 2.0 and Atom 1.0 documents into posts. Pure: no I/O beyond the stream it is given.</summary>
public static partial class FeedParser
{
    public const int MaxTextLength = 10_000;
    static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";

    /// <summary>The items of the feed, in document order. Throws <see cref="FormatException"/> when it is neither RSS nor Atom.</summary>
    public static IReadOnlyList<PostDocument> Parse(Stream stream, string platform)
    {
        // No DTDs: a feed is remote input, and entity expansion is the classic way to make an XML reader explode.
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };
        XDocument doc;
        try
        {
            using var reader = XmlReader.Create(stream, settings);
            doc = XDocument.Load(reader);
        }
        catch (XmlException ex)
        {
            throw new FormatException($"the feed is not well-formed XML: {ex.Message}", ex);
        }
        var root = doc.Root ?? throw new FormatException("the feed is empty");
        if (root.Name.LocalName == "rss" && root.Element("channel") is { } channel)
        {
            return [.. channel.Elements("item").Select(item => FromRssItem(item, platform)).OfType<PostDocument>()];
        }
        if (root.Name == Atom + "feed")
        {
            return [.. root.Elements(Atom + "entry").Select(entry => FromAtomEntry(entry, platform)).OfType<PostDocument>()];
        }
        throw new FormatException($"the document is neither RSS 2.0 nor Atom (root element <{root.Name.LocalName}>)");
    }

    static PostDocument? FromRssItem(XElement item, string platform)
    {
        var title = item.Element("title")?.Value;
        var body = item.Element(Content + "encoded")?.Value ?? item.Element("description")?.Value;
        var link = item.Element("link")?.Value.Trim();
        var id = item.Element("guid")?.Value.Trim() is { Length: > 0 } guid ? guid : link;
        var author = item.Element(Dc + "creator")?.Value ?? item.Element("author")?.Value;
        return Build(platform, id, title, body, author, ParseDate(item.Element("pubDate")?.Value));
    }

    static PostDocument? FromAtomEntry(XElement entry, string platform)
    {
        var title = entry.Element(Atom + "title")?.Value;
        var body = entry.Element(Atom + "content")?.Value ?? entry.Element(Atom + "summary")?.Value;
        var link = entry.Elements(Atom + "link").FirstOrDefault(l => (string?)l.Attribute("rel") is null or "alternate")?.Attribute("href")?.Value;
        var id = entry.Element(Atom + "id")?.Value.Trim() is { Length: > 0 } atomId ? atomId : link;
        var author = entry.Element(Atom + "author")?.Element(Atom + "name")?.Value;
        var date = entry.Element(Atom + "published")?.Value ?? entry.Element(Atom + "updated")?.Value;
        return Build(platform, id, title, body, author, ParseDate(date));
    }

    static PostDocument? Build(string platform, string? id, string? title, string? body, string? author, DateTimeOffset? createdAt)
    {
        var parts = new[] { HtmlText.ToText(title), HtmlText.ToText(body) }.Where(p => p.Length > 0).Distinct();
        var text = string.Join("\n\n", parts);
        if (text.Length == 0)
        {
            return null;
        }
        if (text.Length > MaxTextLength)
        {
            text = text[..MaxTextLength];
        }
        if (id is { Length: > PostNormalizer.MaxIdLength })
        {
            // Some feeds use long URLs as ids: keep them stable and storable.
            id = "sha:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)))[..32];
        }
        var handle = author?.Trim();
        return new PostDocument
        {
            Id = string.IsNullOrEmpty(id) ? null : id,
            Platform = platform,
            Text = text,
            Author = string.IsNullOrEmpty(handle) ? null : new PostAuthor { Handle = handle.Length > 200 ? handle[..200] : handle, Name = handle },
            CreatedAt = createdAt,
        };
    }

    /// <summary>RFC 822 (RSS, with "+0000" or "GMT" zones) and RFC 3339 (Atom); null when neither.</summary>
    static DateTimeOffset? ParseDate(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        var text = NumericZone().Replace(value.Trim(), "$1:$2");
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date : null;
    }

    [GeneratedRegex(@"([+-]\d{2})(\d{2})$")]
    private static partial Regex NumericZone();
}
