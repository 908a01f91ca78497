using Earshot.Triage.Listening;

namespace Earshot.Tests.Triage.Listening;

public class RuleQueryTermTests
{
    [Theory]
    [InlineData("acme", "I love Acme!", true)]
    [InlineData("acme", "ACME rocks", true)]
    [InlineData("acme", "acmeair is late", false)]
    [InlineData("acme", "the acmes are late", false)]
    [InlineData("refund*", "refunds please", true)]
    [InlineData("refund*", "refund please", true)]
    [InlineData("refund*", "no refu here", false)]
    [InlineData("café", "great CAFE", true)]
    [InlineData("cafe", "un café au lait", true)]
    [InlineData("sao", "voo para São Paulo", true)]
    [InlineData("muller", "Herr Müller", true)]
    [InlineData("e-mail", "send an E-mail now", true)]
    [InlineData("e-mail", "send an email now", false)]
    [InlineData("3rd", "lost my bag the 3rd time", true)]
    public void Matches_Word_IsCaseAccentInsensitiveWholeWord(string query, string text, bool expected)
    {
        var rule = RuleQuery.Parse(query);

        var matches = rule.Matches(new ListeningPost(text));

        Assert.Equal(expected, matches);
    }

    [Theory]
    [InlineData("\"acme air\"", "Flying acme air today", true)]
    [InlineData("\"acme air\"", "Flying Acme, air today", true)]
    [InlineData("\"acme air\"", "Acme-Air lost it", true)]
    [InlineData("\"acme air\"", "air acme", false)]
    [InlineData("\"acme air\"", "acme big air", false)]
    [InlineData("\"lost bag\"", "I LOST... bag!!", true)]
    [InlineData("\"lost bag*\"", "lost baggage again", true)]
    [InlineData("\"acme air\"", "acme https://example.com air", false)]
    [InlineData("\"love #acme\"", "we love #Acme", true)]
    [InlineData("\"don't fly\"", "I don’t fly", true)]
    [InlineData("\"don't fly\"", "I don't fly", true)]
    public void Matches_Phrase_NeedsConsecutiveWordsAcrossPunctuation(string query, string text, bool expected)
    {
        var rule = RuleQuery.Parse(query);

        var matches = rule.Matches(new ListeningPost(text));

        Assert.Equal(expected, matches);
    }

    [Theory]
    [InlineData("#acmefail", "so bad #AcmeFail", true)]
    [InlineData("#acmefail", "acmefail is a word here", false)]
    [InlineData("#acmefail", "#acmefailure", false)]
    [InlineData("acmefail", "so bad #acmefail", true)]
    [InlineData("@acmeair", "hey @AcmeAir help", true)]
    [InlineData("@acmeair", "hey acmeair help", false)]
    [InlineData("acmeair", "hey @acmeair help", false)]
    [InlineData("@acmeair", "mail jo@acmeair.com", false)]
    [InlineData("@acmeair", "thanks @acmeair.", true)]
    [InlineData("@acme", "cc @acme@mastodon.social", true)]
    [InlineData("@acme@mastodon.social", "cc @acme@mastodon.social", true)]
    [InlineData("@acme@mastodon.social", "cc @acme", false)]
    [InlineData("@jo.bsky.social", "ping @jo.bsky.social!", true)]
    public void Matches_HashtagsAndMentions_AreTheirOwnTokens(string query, string text, bool expected)
    {
        var rule = RuleQuery.Parse(query);

        var matches = rule.Matches(new ListeningPost(text));

        Assert.Equal(expected, matches);
    }

    [Theory]
    [InlineData("@acmeair", "AcmeAir", true)]
    [InlineData("@acmeair", "@acmeair", true)]
    [InlineData("@acmeair", "someone", false)]
    [InlineData("@acme", "acme@mastodon.social", true)]
    public void Matches_Mention_AlsoMatchesTheAuthor(string query, string author, bool expected)
    {
        var rule = RuleQuery.Parse(query);

        var matches = rule.Matches(new ListeningPost("nothing to see", AuthorHandle: author));

        Assert.Equal(expected, matches);
    }

    [Theory]
    [InlineData("refund", "see https://acme.com/refund now", false)]
    [InlineData("refund", "see www.acme.com/refund now", false)]
    [InlineData("acme", "see https://acme.com/refund now", false)]
    [InlineData("now", "see https://acme.com/refund now", true)]
    public void Matches_Urls_AreNotWords(string query, string text, bool expected)
    {
        var rule = RuleQuery.Parse(query);

        var matches = rule.Matches(new ListeningPost(text));

        Assert.Equal(expected, matches);
    }

    [Theory]
    [InlineData("東京", "東京駅で荷物をなくした", true)]
    [InlineData("荷物", "東京駅で荷物をなくした", true)]
    [InlineData("大阪", "東京駅で荷物をなくした", false)]
    [InlineData("москва", "Рейс в МОСКВА отменён", true)]
    [InlineData("отменён", "Рейс в Москва отменён", true)]
    [InlineData("رحلة", "رحلة متأخرة جدا", true)]
    [InlineData("αθήνα", "Πτήση για Αθήνα", true)]
    [InlineData("उड़ान", "मेरी उड़ान रद्द", true)]
    [InlineData("항공", "아크미 항공 최악", true)]
    [InlineData("#東京", "最高 #東京", true)]
    public void Matches_NonLatinScripts_UseUnicodeWords(string query, string text, bool expected)
    {
        var rule = RuleQuery.Parse(query);

        var matches = rule.Matches(new ListeningPost(text));

        Assert.Equal(expected, matches);
    }
}
