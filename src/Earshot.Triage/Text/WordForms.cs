namespace Earshot.Triage.Text;

/// <summary>
/// The lookup forms (<see cref="Tokenizer.Normalize"/>) of a post's word tokens, computed once per post and shared by
/// sentiment and feature extraction, which would otherwise each lower-case every word again.
/// </summary>
public readonly ref struct WordForms
{
    readonly ReadOnlySpan<char> chars;
    readonly ReadOnlySpan<int> packed; // start << 8 | length per token; -1 for tokens that are not words

    WordForms(ReadOnlySpan<char> chars, ReadOnlySpan<int> packed)
    {
        this.chars = chars;
        this.packed = packed;
    }

    /// <summary>The lookup form of token <paramref name="token"/>, empty when it is not a word.</summary>
    public ReadOnlySpan<char> this[int token] => packed[token] < 0 ? default : chars.Slice(packed[token] >> 8, packed[token] & 0xFF);

    /// <summary>
    /// Normalizes the word tokens into <paramref name="chars"/> (as long as the text suffices) and records where each
    /// form is in <paramref name="packed"/> (one int per token).
    /// </summary>
    public static WordForms Build(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, Span<char> chars, Span<int> packed)
    {
        var at = 0;
        for (var i = 0; i < tokens.Length; i++)
        {
            packed[i] = -1;
            if (tokens[i].Kind != TokenKind.Word)
            {
                continue;
            }
            var room = Math.Min(TriageLimits.MaxWordChars, chars.Length - at);
            var n = room > 0 ? Tokenizer.Normalize(tokens[i].Slice(text), chars.Slice(at, room)) : -1;
            if (n > 0)
            {
                packed[i] = at << 8 | n;
                at += n;
            }
        }
        return new WordForms(chars[..at], packed[..tokens.Length]);
    }
}
