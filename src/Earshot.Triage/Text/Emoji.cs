namespace Earshot.Triage.Text;

/// <summary>Finds emoji sequences: a base emoji plus variation selectors, skin tones, zero-width-joined parts, keycaps, flag pairs.</summary>
static class Emoji
{
    /// <summary>Length of the emoji sequence at <paramref name="i"/>, 0 if none (base + selectors, skin tones, ZWJ parts, keycaps, flags).</summary>
    public static int Length(ReadOnlySpan<char> text, int i)
    {
        var len = Base(text, i);
        if (len == 0)
        {
            return 0;
        }
        var regional = IsRegionalIndicator(text, i);
        var end = i + len;
        while (end < text.Length)
        {
            var c = text[end];
            if (c is '\uFE0F' or '\uFE0E' or '\u20E3')
            {
                end++;
            }
            else if (c == '\uD83C' && end + 1 < text.Length && text[end + 1] is >= '\uDFFB' and <= '\uDFFF')
            {
                end += 2; // skin tone modifier
            }
            else if (c == '\u200D' && end + 1 < text.Length && Base(text, end + 1) is var next and > 0)
            {
                end += 1 + next;
            }
            else if (regional && IsRegionalIndicator(text, end))
            {
                end += 2;
                regional = false;
            }
            else
            {
                break;
            }
        }
        return end - i;
    }

    static int Base(ReadOnlySpan<char> text, int i)
    {
        var c = text[i];
        if (c is (>= '\u2600' and <= '\u27BF') or (>= '\u2B00' and <= '\u2BFF') or '\u203C' or '\u2049' or '\u2122'
            or '\u2139' or (>= '\u2194' and <= '\u21AA') or (>= '\u231A' and <= '\u23FF') or '\u3030' or '\u303D')
        {
            return 1;
        }
        if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
        {
            var cp = char.ConvertToUtf32(c, text[i + 1]);
            return cp is >= 0x1F000 and <= 0x1FAFF ? 2 : 0;
        }
        return 0;
    }

    static bool IsRegionalIndicator(ReadOnlySpan<char> text, int i) =>
        i + 1 < text.Length && text[i] == '\uD83C' && text[i + 1] is >= '\uDDE6' and <= '\uDDFF';
}
