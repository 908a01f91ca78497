using Earshot.Triage.Listening;

namespace Earshot.Tests.Triage.Listening;

public class RuleQueryFieldTests
{
    private static readonly ListeningPost Post = new(
        "My bag is lost", AuthorHandle: "@JoTraveller", Platform: "mastodon", Language: "en-GB", Followers: 5400, Verified: true);

    [Theory]
    [InlineData("lang:en", true)]
    [InlineData("lang:EN", true)]
    [InlineData("lang:en-gb", true)]
    [InlineData("lang:en_GB", true)]
    [InlineData("lang:en-us", false)]
    [InlineData("lang:es", false)]
    public void Matches_LanguageFilter_ComparesPrimaryAndRegion(string query, bool expected)
    {
        var rule = RuleQuery.Parse(query);

        var matches = rule.Matches(Post);

        Assert.Equal(expected, matches);
    }

    [Theory]
    [InlineData("from:jotraveller", true)]
    [InlineData("from:@JoTraveller", true)]
    [InlineData("from:jo", false)]
    [InlineData("from:acmeair", false)]
    public void Matches_FromFilter_ComparesTheAuthor(string query, bool expected)
    {
        var rule = RuleQuery.Parse(query);

        var matches = rule.Matches(Post);

        Assert.Equal(expected, matches);
    }

    [Theory]
    [InlineData("followers:>1000", true)]
    [InlineData("followers:>5400", false)]
    [InlineData("followers:>=5400", true)]
    [InlineData("followers:<5400", false)]
    [InlineData("followers:<=5400", true)]
    [InlineData("followers:=5400", true)]
    [InlineData("followers:>5k", true)]
    [InlineData("followers:>=1M", false)]
    public void Matches_FollowersFilter_Compares(string query, bool expected)
    {
        var rule = RuleQuery.Parse(query);

        var matches = rule.Matches(Post);

        Assert.Equal(expected, matches);
    }

    [Theory]
    [InlineData("verified:true", true)]
    [InlineData("verified:false", false)]
    [InlineData("verified:no", false)]
    [InlineData("platform:mastodon", true)]
    [InlineData("platform:Mastodon", true)]
    [InlineData("platform:x", false)]
    [InlineData("NOT platform:x", true)]
    [InlineData("bag lang:en followers:>1000 verified:true platform:mastodon", true)]
    [InlineData("bag (platform:x OR platform:bluesky)", false)]
    public void Matches_VerifiedAndPlatformFilters_ReadThePost(string query, bool expected)
    {
        var rule = RuleQuery.Parse(query);

        var matches = rule.Matches(Post);

        Assert.Equal(expected, matches);
    }

    [Fact]
    public void Matches_PlatformX_AlsoMatchesTwitter()
    {
        var rule = RuleQuery.Parse("platform:x");

        var matches = rule.Matches(new ListeningPost("hi", Platform: "twitter"));

        Assert.True(matches);
    }

    [Fact]
    public void Matches_LanguageFilterWithoutLanguage_IsFalse()
    {
        var rule = RuleQuery.Parse("lang:en");

        var matches = rule.Matches(new ListeningPost("hello"));

        Assert.False(matches);
    }

    [Fact]
    public void Matches_ExampleFromTheDocs_CombinesProximityAndFilters()
    {
        var rule = RuleQuery.Parse("(refund OR \"lost bag\") NEAR/5 acme lang:en followers:>1000");
        var big = new ListeningPost("Acme, where is my refund?", Language: "en", Followers: 2000);
        var small = big with { Followers = 10 };
        var spanish = big with { Language = "es" };

        var results = (rule.Matches(big), rule.Matches(small), rule.Matches(spanish));

        Assert.Equal((true, false, false), results);
    }
}
