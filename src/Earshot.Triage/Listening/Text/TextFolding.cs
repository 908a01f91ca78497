using System.Globalization;
using System.Text;

namespace Earshot.Triage.Listening.Text;

/// <summary>
/// Case and accent folding for matching: "Café", "CAFE" and "cafe" compare equal. Folding is
/// char-for-char (never longer) so a post can be folded into a buffer of its own length.
/// </summary>
internal static class TextFolding
{
    private const int LatinStart = 0x00C0;
    private const int LatinAdditionalStart = 0x1E00;

    // Latin-1 Supplement, Latin Extended-A/B: the base letter of each precomposed letter
    // (generated from Unicode NFD). A table keeps folding free of globalization data, which
    // the app runs without (InvariantGlobalization).
    private static readonly string LatinTable =
        "aaaaaa\u00E6ceeeeiiii\u00F0nooooo\u00D7ouuuuy\u00FE\u00DF" +
        "aaaaaa\u00E6ceeeeiiii\u00F0nooooo\u00F7ouuuuy\u00FEy" +
        "aaaaaaccccccccddddeeeeeeeeeegggg" +
        "gggghhhhiiiiiiiiii\u0133\u0133jjkk\u0138llllll\u0140" +
        "\u0140llnnnnnn\u0149\u014B\u014Boooooo\u0153\u0153rrrrrrssssss" +
        "ssttttttuuuuuuuuuuuuwwyyyzzzzzz\u017F" +
        "b\u0253\u0183\u0183\u0185\u0185\u0254cc\u0256\u0257dd\u018D\u01DD\u0259\u025Bff\u0260\u0263\u0195\u0269ikkl\u019B\u026F\u0272\u019E\u0275" +
        "oo\u01A3\u01A3pp\u0280\u01A8\u01A8\u0283\u01AA\u01ABtt\u0288uu\u028A\u028Byyzz\u0292\u01B9\u01B9\u01BA\u01BB\u01BD\u01BD\u01BE\u01BF" +
        "\u01C0\u01C1\u01C2\u01C3\u01C6\u01C6\u01C6\u01C9\u01C9\u01C9\u01CC\u01CC\u01CCaaiioouuuuuuuuuu\u01DDaa" +
        "aa\u01E3\u01E3ggggkkoooo\u01EF\u01EFj\u01F3\u01F3\u01F3gg\u0195\u01BFnnaa\u01FD\u01FD\u01FF\u01FF" +
        "aaaaeeeeiiiioooorrrruuuusstt\u021D\u021Dhh" +
        "\u019E\u0221\u0223\u0223zzaaeeooooooooyy\u0234\u0235\u0236\u0237\u0238\u0239\u2C65ccl\u2C66\u023F" +
        "\u0240\u0242\u0242b\u0289\u028Cee\u0249\u0249\u024B\u024Brryy";
    // Latin Extended Additional (Vietnamese and friends).
    private static readonly string LatinAdditionalTable =
        "aabbbbbbccddddddddddeeeeeeeeeeff" +
        "gghhhhhhhhhhiiiikkkkkkllllllllmm" +
        "mmmmnnnnnnnnoooooooopppprrrrrrrr" +
        "ssssssssssttttttttuuuuuuuuuuvvvv" +
        "wwwwwwwwwwxxxxyyzzzzzzhtwy\u1E9A\u1E9B\u1E9C\u1E9D\u00DF\u1E9F" +
        "aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeee" +
        "eeeeeeeeiiiioooooooooooooooooooo" +
        "oooouuuuuuuuuuuuuuyyyyyyyy\u1EFB\u1EFB\u1EFD\u1EFD\u1EFF\u1EFF";

    /// <summary>Lower-cases and strips Latin diacritics of one UTF-16 code unit.</summary>
    public static char Fold(char c)
    {
        if (c < 0x80)
        {
            return (uint)(c - 'A') <= 'Z' - 'A' ? (char)(c | 0x20) : c;
        }

        c = char.ToLowerInvariant(c);
        if ((uint)(c - LatinStart) < (uint)LatinTable.Length)
        {
            return LatinTable[c - LatinStart];
        }

        if ((uint)(c - LatinAdditionalStart) < (uint)LatinAdditionalTable.Length)
        {
            return LatinAdditionalTable[c - LatinAdditionalStart];
        }

        return c;
    }

    /// <summary>True for combining diacritics that folding drops (a decomposed "é" is "e" + U+0301).</summary>
    public static bool IsDroppedMark(char c) => (uint)(c - 0x0300) <= 0x036F - 0x0300;

    /// <summary>Folds a whole string (used at compile time, where allocation is fine).</summary>
    public static string Fold(ReadOnlySpan<char> text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!IsDroppedMark(c))
            {
                builder.Append(Fold(c));
            }
        }

        return builder.ToString();
    }

    /// <summary>Unicode letters, marks, digits and connector punctuation make words.</summary>
    public static bool IsWordCategory(UnicodeCategory category) => category switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
            or UnicodeCategory.ConnectorPunctuation => true,
        _ => false,
    };
}
