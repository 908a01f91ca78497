using BenchmarkDotNet.Attributes;
using Earshot.Triage.Listening;

namespace Earshot.Bench.Listening;

/// <summary>
/// Listening rules over one typical post: the compiled <see cref="ListeningRuleSet"/> (one pass)
/// against matching each <see cref="RuleQuery"/> alone (one pass per rule).
/// </summary>
[MemoryDiagnoser]
public class RuleMatchingBenchmarks
{
    // 196 chars: a mention, a hashtag, a link, punctuation and a phrase the rules look for.
    private static readonly ListeningPost Post = new(
        "@acmeair lost my bag again at JFK, 3rd time this month!! Waited 2 hours for a refund desk that never opened. " +
        "#acmefail https://t.co/x1y2z3 Never flying Acme Air again, the crew was great though.",
        AuthorHandle: "jo_travels", Platform: "x", Language: "en", Followers: 5400);

    private readonly List<long> _matched = new(64);
    private ListeningRuleSet _set = null!;
    private RuleQuery[] _rules = [];

    [Params(1, 100, 1000)]
    public int Rules { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // Rule 0 is the documented example and matches; the others watch other brands with the
        // same shapes and shared vocabulary (refund, delay...), as a multi-brand workspace would.
        var queries = Enumerable.Range(0, Rules).Select(i => ((long)i, Query(i))).ToList();
        _set = new ListeningRuleSet(queries);
        _rules = [.. queries.Select(q => RuleQuery.Parse(q.Item2))];
    }

    [Benchmark]
    public int RuleSet()
    {
        _matched.Clear();
        _set.Match(Post, _matched);
        return _matched.Count;
    }

    [Benchmark]
    public int EachRuleAlone()
    {
        var count = 0;
        foreach (var rule in _rules)
        {
            count += rule.Matches(Post) ? 1 : 0;
        }

        return count;
    }

    private static string Query(int i) => (i % 6) switch
    {
        _ when i == 0 => "\"acme air\" OR @acmeair OR #acmefail AND NOT (job OR hiring)",
        0 => $"\"brand{i} air\" OR @brand{i} OR #brand{i}fail AND NOT (job OR hiring)",
        1 => $"(refund OR \"lost bag\") NEAR/5 brand{i} lang:en followers:>1000",
        2 => $"brand{i}* (delay* OR cancel* OR refund) -hiring",
        3 => $"@brand{i} OR from:brand{i} platform:x",
        4 => $"#brand{i} OR \"brand{i} support\" verified:false",
        _ => $"brand{i} NEAR/3 (crew OR staff OR service) NOT lang:es",
    };
}
