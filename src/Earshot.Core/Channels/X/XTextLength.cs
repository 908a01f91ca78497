using System.Text.RegularExpressions;

namespace Earshot.Core.Channels.X;

/// <summary>
/// The weighted length X counts against the 280 limit (the twitter-text v3 rules in brief): every URL counts 23,
/// code points in the Latin, general-punctuation ranges count 1, everything else (CJK, emoji...) counts 2.
/// </summary>
public static partial class XTextLength
{
    public const int MaxWeightedLength = 280;
    const int UrlLength = 23;

    public static int Weighted(string text)
    {
        var length = 0;
        var last = 0;
        foreach (Match url in Url().Matches(text))
        {
            length += Plain(text.AsSpan(last, url.Index - last)) + UrlLength;
            last = url.Index + url.Length;
        }
        return length + Plain(text.AsSpan(last));
    }

    static int Plain(ReadOnlySpan<char> text)
    {
        var length = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var c = rune.Value;
            length += c is <= 4351 or (>= 8192 and <= 8205) or (>= 8208 and <= 8223) or (>= 8242 and <= 8247) ? 1 : 2;
        }
        return length;
    }

    [GeneratedRegex(@"https?://[^\s]+", RegexOptions.IgnoreCase)]
    private static partial Regex Url();
}
