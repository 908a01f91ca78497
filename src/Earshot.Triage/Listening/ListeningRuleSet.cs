using Earshot.Triage.Listening.Matching;
using Earshot.Triage.Listening.Query;

namespace Earshot.Triage.Listening;

/// <summary>
/// A workspace's listening rules compiled together: each post is tokenized once, its words are
/// looked up in one term dictionary, and only the rules those words can satisfy are evaluated,
/// so a thousand rules cost about as much as a handful. Immutable and safe to share between threads.
/// </summary>
public sealed class ListeningRuleSet
{
    private readonly long[] _ids;
    private readonly RuleMatcher _matcher;

    /// <summary>Compiles the rules.</summary>
    /// <exception cref="RuleSyntaxException">A query is not valid; <see cref="RuleSyntaxException.RuleId"/> says which.</exception>
    public ListeningRuleSet(IEnumerable<(long Id, string Query)> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var ids = new List<long>();
        var roots = new List<QueryNode>();
        foreach (var (id, query) in rules)
        {
            try
            {
                roots.Add(QueryParser.Parse(query));
            }
            catch (RuleSyntaxException e)
            {
                throw new RuleSyntaxException(e.Problem, e.Position, id);
            }

            ids.Add(id);
        }

        _ids = [.. ids];
        _matcher = new RuleMatcher(roots);
    }

    /// <summary>Compiles rules that were already parsed (as the rules editor does to validate them).</summary>
    public ListeningRuleSet(IEnumerable<(long Id, RuleQuery Rule)> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var list = rules.ToList();
        _ids = [.. list.Select(r => r.Id)];
        _matcher = new RuleMatcher([.. list.Select(r => r.Rule.Root)]);
    }

    /// <summary>How many rules the set holds.</summary>
    public int Count => _ids.Length;

    /// <summary>Appends the ids of the rules the post matches, in the order the rules were given.</summary>
    /// <remarks>Allocates nothing beyond growing <paramref name="matchedIds"/>.</remarks>
    public void Match(in ListeningPost post, List<long> matchedIds)
    {
        ArgumentNullException.ThrowIfNull(matchedIds);
        var sink = new IdSink(_ids, matchedIds);
        _matcher.Match(post, ref sink);
    }

    private readonly struct IdSink(long[] ids, List<long> matched) : IMatchSink
    {
        public bool Add(int ruleIndex)
        {
            matched.Add(ids[ruleIndex]);
            return true;
        }
    }
}
