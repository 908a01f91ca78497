using System.Buffers;

namespace Earshot.Triage.Rules;

/// <summary>
/// Phrase rules for risks and spam, where a phrase is clearer than a model ("lawyer", "cancel my account",
/// "food poisoning", "my password", "free followers"). All cues are found in one vectorised pass with
/// <see cref="SearchValues{T}"/>; matches are checked for word boundaries.
/// </summary>
public sealed class CueRules
{
    /// <summary>The shipped rules.</summary>
    public static CueRules Default { get; } = new(DefaultRules.All);

    readonly CueRule[] rules;
    readonly SearchValues<string> search;

    /// <summary>Builds a matcher over <paramref name="rules"/>.</summary>
    public CueRules(IEnumerable<CueRule> rules)
    {
        this.rules = [.. rules.OrderByDescending(r => r.Cue.Length)];
        search = SearchValues.Create([.. this.rules.Select(r => r.Cue.TrimEnd('*')).Distinct(StringComparer.OrdinalIgnoreCase)],
            StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The rules, indexed as <see cref="Match"/> reports them.</summary>
    public IReadOnlyList<CueRule> Rules => rules;

    /// <summary>Indices (into <see cref="Rules"/>) of the rules that fire in <paramref name="text"/>, the first per signal.</summary>
    /// <returns>The number of indices written to <paramref name="fired"/>.</returns>
    public int Match(ReadOnlySpan<char> text, Span<int> fired)
    {
        var n = 0;
        var signals = 0;
        var offset = 0;
        while (n < fired.Length && offset < text.Length)
        {
            var at = text[offset..].IndexOfAny(search);
            if (at < 0)
            {
                break;
            }
            var start = offset + at;
            offset = start + 1;
            if (start > 0 && char.IsLetterOrDigit(text[start - 1]))
            {
                continue;
            }
            for (var r = 0; r < rules.Length; r++)
            {
                var rule = rules[r];
                var cue = rule.Cue.AsSpan().TrimEnd('*');
                if ((signals & (1 << (int)rule.Signal)) != 0 || !text[start..].StartsWith(cue, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }
                var end = start + cue.Length;
                var prefix = rule.Cue.EndsWith('*');
                if (!prefix && end < text.Length && char.IsLetterOrDigit(text[end]))
                {
                    continue;
                }
                signals |= 1 << (int)rule.Signal;
                fired[n++] = r;
                break;
            }
        }
        return n;
    }
}
