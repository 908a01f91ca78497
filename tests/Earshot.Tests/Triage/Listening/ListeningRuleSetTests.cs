using Earshot.Triage.Listening;

namespace Earshot.Tests.Triage.Listening;

public class ListeningRuleSetTests
{
    private static readonly string[] Words =
        ["acme", "air", "refund", "lost", "bag", "delay", "flight", "hiring", "job", "great", "café", "東京", "москва", "crew"];

    private static readonly string[] Handles = ["acmeair", "jo", "support"];

    [Fact]
    public void Match_ThousandRules_SameAnswersAsEachRuleAlone()
    {
        var random = new Random(20261120);
        var queries = Enumerable.Range(1, 1000).Select(i => ((long)i, RandomQuery(random))).ToList();
        var rules = queries.Select(q => (q.Item1, Rule: RuleQuery.Parse(q.Item2))).ToList();
        var set = new ListeningRuleSet(queries);
        var posts = Enumerable.Range(0, 300).Select(_ => RandomPost(random)).ToList();
        var matched = new List<long>();
        var mismatches = new List<string>();

        foreach (var post in posts)
        {
            matched.Clear();
            set.Match(post, matched);
            var expected = rules.Where(r => r.Rule.Matches(post)).Select(r => r.Item1).ToList();
            if (!expected.SequenceEqual(matched))
            {
                mismatches.Add($"{post.Text} | expected [{string.Join(",", expected)}] got [{string.Join(",", matched)}]");
            }
        }

        Assert.Equal(1000, set.Count);
        Assert.Empty(mismatches);
        Assert.Contains(posts, p => { matched.Clear(); set.Match(p, matched); return matched.Count > 0; });
    }

    [Fact]
    public void Match_SeveralRules_AppendsIdsInRuleOrder()
    {
        var set = new ListeningRuleSet([(30, "refund"), (10, "acme"), (20, "NOT hiring"), (40, "#acmefail")]);
        var matched = new List<long> { 99 };

        set.Match(new ListeningPost("acme, refund now"), matched);

        Assert.Equal([99L, 30, 10, 20], matched);
    }

    [Fact]
    public void Match_NoRules_MatchesNothing()
    {
        var set = new ListeningRuleSet(Array.Empty<(long, string)>());
        var matched = new List<long>();

        set.Match(new ListeningPost("acme refund"), matched);

        Assert.Equal(0, set.Count);
        Assert.Empty(matched);
    }

    [Fact]
    public void Match_AuthorOnlyRules_WakeOnTheAuthor()
    {
        var set = new ListeningRuleSet([(1, "@acmeair"), (2, "from:acmeair"), (3, "from:jo")]);
        var matched = new List<long>();

        set.Match(new ListeningPost("no words of interest", AuthorHandle: "@AcmeAir"), matched);

        Assert.Equal([1L, 2], matched);
    }

    [Fact]
    public void Constructor_InvalidRule_NamesTheRuleAndPosition()
    {
        var error = Assert.Throws<RuleSyntaxException>(() => new ListeningRuleSet([(1, "acme"), (42, "acme AND (refund")]));

        Assert.Equal(42, error.RuleId);
        Assert.Equal(16, error.Position);
        Assert.Equal("rule 42: expected ')' at 16", error.Message);
    }

    [Fact]
    public void Constructor_ParsedRules_MatchLikeTheText()
    {
        var set = new ListeningRuleSet([(7L, RuleQuery.Parse("lost NEAR/2 bag"))]);
        var matched = new List<long>();

        set.Match(new ListeningPost("lost my bag"), matched);

        Assert.Equal([7L], matched);
    }

    [Fact]
    public void Match_FromManyThreads_GivesTheSameAnswers()
    {
        var set = new ListeningRuleSet([(1, "refund NEAR/3 acme"), (2, "\"lost bag\""), (3, "#acmefail OR @acmeair")]);
        var posts = new[] { "acme gave no refund", "lost bag again", "#acmefail", "nothing", "refund @acmeair lost bag" };
        var expected = posts.Select(p => Run(set, p)).ToArray();

        var results = new string[posts.Length * 200];
        Parallel.For(0, results.Length, i => results[i] = Run(set, posts[i % posts.Length]));

        Assert.All(Enumerable.Range(0, results.Length), i => Assert.Equal(expected[i % posts.Length], results[i]));
    }

    private static string Run(ListeningRuleSet set, string text)
    {
        var matched = new List<long>();
        set.Match(new ListeningPost(text), matched);
        return string.Join(",", matched);
    }

    private static string RandomQuery(Random random) => random.Next(10) switch
    {
        0 => $"{Term(random)} OR {Term(random)} AND NOT {Term(random)}",
        1 => $"({Term(random)} OR {Term(random)}) NEAR/{random.Next(1, 5)} {Term(random)}",
        2 => $"\"{Word(random)} {Word(random)}\" {Field(random)}",
        3 => $"-{Term(random)} {Field(random)}",
        4 => $"{Term(random)} {Term(random)} OR {Field(random)} {Term(random)}",
        5 => $"NOT ({Term(random)} OR {Term(random)})",
        _ => $"{Term(random)} {(random.Next(2) == 0 ? "OR" : "AND")} {Term(random)}",
    };

    private static string Term(Random random) => random.Next(8) switch
    {
        0 => "#" + Word(random),
        1 => "@" + Handles[random.Next(Handles.Length)],
        2 => Words[random.Next(6)][..3] + "*",
        _ => Word(random),
    };

    private static string Word(Random random) => Words[random.Next(Words.Length)];

    private static string Field(Random random) => random.Next(5) switch
    {
        0 => "lang:en",
        1 => "followers:>1000",
        2 => "verified:true",
        3 => "platform:x",
        _ => "from:" + Handles[random.Next(Handles.Length)],
    };

    private static ListeningPost RandomPost(Random random)
    {
        var words = Enumerable.Range(0, random.Next(3, 30)).Select(_ => random.Next(6) switch
        {
            0 => "#" + Word(random),
            1 => "@" + Handles[random.Next(Handles.Length)],
            2 => "the",
            3 => Word(random).ToUpperInvariant() + "!",
            _ => Word(random),
        });
        return new ListeningPost(
            string.Join(' ', words),
            AuthorHandle: Handles[random.Next(Handles.Length)],
            Platform: random.Next(2) == 0 ? "x" : "mastodon",
            Language: random.Next(2) == 0 ? "en" : "es",
            Followers: random.Next(3000),
            Verified: random.Next(2) == 0);
    }
}
