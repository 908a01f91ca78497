using System.Buffers;
using Earshot.Triage.Learning;
using Earshot.Triage.Text;

namespace Earshot.Triage.Rules;

/// <summary>
/// Phrase rules for risks and spam, where a phrase is clearer than a model ("lawyer", "cancel my account",
/// "food poisoning", "my password", "free followers"). A cue is found through the hash of its first word, which
/// feature extraction has already computed for every token, then checked against the text: no extra pass, no allocation.
/// </summary>
public sealed class CueRules
{
    /// <summary>The shipped rules.</summary>
    public static CueRules Default { get; } = new(DefaultRules.All);

    readonly CueRule[] rules;
    readonly Dictionary<uint, int[]> byFirstWord;

    /// <summary>Builds a matcher over <paramref name="rules"/>.</summary>
    public CueRules(IEnumerable<CueRule> rules)
    {
        this.rules = [.. rules.OrderByDescending(r => r.Cue.Length)];
        byFirstWord = Enumerable.Range(0, this.rules.Length)
            .GroupBy(r => FeatureExtractor.WordHash(FirstWord(this.rules[r].Cue)))
            .ToDictionary(g => g.Key, g => g.ToArray());
    }

    /// <summary>The rules, indexed as <see cref="Match(ReadOnlySpan{char}, ReadOnlySpan{Token}, ReadOnlySpan{uint}, Span{int})"/> reports them.</summary>
    public IReadOnlyList<CueRule> Rules => rules;

    /// <summary>Indices of the rules that fire in a text, the first per signal (tokenizes and hashes the text itself).</summary>
    public int Match(ReadOnlySpan<char> text, Span<int> fired)
    {
        var tokens = ArrayPool<Token>.Shared.Rent(Math.Clamp(text.Length, 16, TriageLimits.MaxTokens));
        var hashes = ArrayPool<uint>.Shared.Rent(tokens.Length);
        try
        {
            var n = Tokenizer.Tokenize(text, tokens);
            FeatureExtractor.WordHashes(text, tokens.AsSpan(0, n), hashes);
            return Match(text, tokens.AsSpan(0, n), hashes.AsSpan(0, n), fired);
        }
        finally
        {
            ArrayPool<Token>.Shared.Return(tokens);
            ArrayPool<uint>.Shared.Return(hashes);
        }
    }

    /// <summary>
    /// Indices (into <see cref="Rules"/>) of the rules that fire, the first per signal, given each token's word hash
    /// (<see cref="FeatureExtractor.WordHash"/> of its normalized form; 0 for tokens that are not words).
    /// </summary>
    /// <returns>The number of indices written to <paramref name="fired"/>.</returns>
    public int Match(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, ReadOnlySpan<uint> wordHashes, Span<int> fired)
    {
        var n = 0;
        var signals = 0;
        for (var i = 0; i < tokens.Length && n < fired.Length; i++)
        {
            if (wordHashes[i] == 0 || !byFirstWord.TryGetValue(wordHashes[i], out var candidates))
            {
                continue;
            }
            var rest = text[tokens[i].Start..];
            foreach (var r in candidates)
            {
                var rule = rules[r];
                var cue = rule.Cue.AsSpan().TrimEnd('*');
                if ((signals & (1 << (int)rule.Signal)) != 0 || !rest.StartsWith(cue, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }
                if (!rule.Cue.EndsWith('*') && cue.Length < rest.Length && char.IsLetterOrDigit(rest[cue.Length]))
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

    static string FirstWord(string cue)
    {
        var word = cue.TrimEnd('*');
        var space = word.IndexOf(' ');
        return (space < 0 ? word : word[..space]).ToLowerInvariant();
    }
}
