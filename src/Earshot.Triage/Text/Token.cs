namespace Earshot.Triage.Text;

/// <summary>One token: a slice of the original text (no copy), its kind and surface flags.</summary>
/// <param name="Start">Index of the first char in the text.</param>
/// <param name="Length">Number of chars.</param>
/// <param name="Kind">What the token is.</param>
/// <param name="Flags">Surface facts (caps, elongation, negation...).</param>
public readonly record struct Token(int Start, int Length, TokenKind Kind, TokenFlags Flags)
{
    /// <summary>The token's chars in <paramref name="text"/>, which must be the text it was cut from.</summary>
    public ReadOnlySpan<char> Slice(ReadOnlySpan<char> text) => text.Slice(Start, Length);

    /// <summary>Whether the token carries <paramref name="flag"/>.</summary>
    public bool Has(TokenFlags flag) => (Flags & flag) != 0;
}
