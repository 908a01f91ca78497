using Earshot.Triage.Listening;

namespace Earshot.Core.Listening;

/// <summary>A workspace's rules ready to match, and the tag each rule gives.</summary>
public sealed class CompiledRules(ListeningRuleSet set, IReadOnlyDictionary<long, string> tags, DateTimeOffset compiledAt)
{
    public DateTimeOffset CompiledAt { get; } = compiledAt;

    /// <summary>The distinct tags of the rules that match the post, in rule order.</summary>
    public IReadOnlyList<string> TagsFor(in ListeningPost post)
    {
        if (set.Count == 0)
        {
            return [];
        }
        var matched = new List<long>();
        set.Match(post, matched);
        if (matched.Count == 0)
        {
            return [];
        }
        var result = new List<string>(matched.Count);
        foreach (var id in matched)
        {
            if (tags.TryGetValue(id, out var tag) && !result.Contains(tag, StringComparer.OrdinalIgnoreCase))
            {
                result.Add(tag);
            }
        }
        return result;
    }
}
