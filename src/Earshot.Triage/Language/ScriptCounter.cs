namespace Earshot.Triage.Language;

/// <summary>Counts letters per <see cref="Script"/> by Unicode block: a table-free switch on ranges, no allocation.</summary>
public static class ScriptCounter
{
    /// <summary>The script of one UTF-16 code unit; surrogate halves count as <see cref="Script.Other"/>.</summary>
    public static Script Of(char c) => c switch
    {
        < '\u0250' => Script.Latin,
        >= '\u0370' and < '\u0400' => Script.Greek,
        >= '\u0400' and < '\u0530' => Script.Cyrillic,
        >= '\u0590' and < '\u0600' => Script.Hebrew,
        >= '\u0600' and < '\u0780' => Script.Arabic,
        >= '\u0900' and < '\u0980' => Script.Devanagari,
        >= '\u0E00' and < '\u0E80' => Script.Thai,
        >= '\u1100' and < '\u1200' => Script.Hangul,
        >= '\u1E00' and < '\u1F00' => Script.Latin,
        >= '\u1F00' and < '\u2000' => Script.Greek,
        >= '\u3040' and < '\u3100' => Script.Kana,
        >= '\u3130' and < '\u3190' => Script.Hangul,
        >= '\u3400' and < '\u4DC0' => Script.Han,
        >= '\u4E00' and < '\uA000' => Script.Han,
        >= '\uAC00' and < '\uD7B0' => Script.Hangul,
        >= '\uFB1D' and < '\uFB50' => Script.Hebrew,
        >= '\uFB50' and < '\uFE00' => Script.Arabic,
        >= '\uFE70' and < '\uFF00' => Script.Arabic,
        >= '\uFF66' and < '\uFFA0' => Script.Kana,
        _ => Script.Other,
    };

    /// <summary>Adds the letters of <paramref name="word"/> to <paramref name="counts"/> (indexed by <see cref="Script"/>).</summary>
    public static void Count(ReadOnlySpan<char> word, Span<int> counts)
    {
        foreach (var c in word)
        {
            if (c < 128)
            {
                counts[(int)Script.Latin] += char.IsAsciiLetter(c) ? 1 : 0;
            }
            else if (char.IsLetter(c) || c is >= '\u0900' and < '\u0E80')
            {
                counts[(int)Of(c)]++;
            }
        }
    }
}
