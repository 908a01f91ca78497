using Earshot.Triage.Text;

namespace Earshot.Core.Listening;

/// <summary>
/// Counts the topic words and hashtags of many posts with the triage tokenizer: lower-cased, elongations cut,
/// stop words, numbers, links and @mentions left out. Each term counts once per post, so one rant does not win.
/// </summary>
public sealed class TermCounter
{
    const int MaxTokens = 512;
    const int MaxTermLength = 64;

    readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
    readonly HashSet<string> _seenInPost = new(StringComparer.Ordinal);
    readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _ignored;

    /// <param name="ignore">Terms to leave out as well (the brand's own name, which every post contains).</param>
    public TermCounter(IEnumerable<string>? ignore = null) =>
        _ignored = new HashSet<string>((ignore ?? []).Select(t => t.ToLowerInvariant()), StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    public void Add(string text)
    {
        Span<Token> tokens = stackalloc Token[MaxTokens];
        Span<char> buffer = stackalloc char[MaxTermLength + 1];
        var counts = _counts.GetAlternateLookup<ReadOnlySpan<char>>();
        var seen = _seenInPost.GetAlternateLookup<ReadOnlySpan<char>>();
        _seenInPost.Clear();
        var n = Tokenizer.Tokenize(text, tokens);
        for (var i = 0; i < n; i++)
        {
            var token = tokens[i];
            var hashtag = token.Kind == TokenKind.Hashtag;
            if (!(hashtag || (token.Kind == TokenKind.Word && !token.Has(TokenFlags.HashtagPart))))
            {
                continue;
            }
            var raw = token.Slice(text);
            var length = Tokenizer.Normalize(raw, buffer);
            if (length < 3 || length > MaxTermLength)
            {
                continue;
            }
            var term = buffer[..length];
            if ((!hashtag && StopWords.Contains(term)) || _ignored.Contains(hashtag ? term[1..] : term))
            {
                continue;
            }
            if (!seen.Add(term))
            {
                continue;
            }
            counts[term] = counts.TryGetValue(term, out var count) ? count + 1 : 1;
        }
    }

    /// <summary>The <paramref name="top"/> most frequent terms, ties broken alphabetically.</summary>
    public IReadOnlyList<TermCount> Top(int top) =>
        [.. _counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(top).Select(kv => new TermCount(kv.Key, kv.Value))];
}

/// <summary>A term and the number of posts that use it.</summary>
public sealed record TermCount(string Term, int Posts);
