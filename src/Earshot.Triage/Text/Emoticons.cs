namespace Earshot.Triage.Text;

/// <summary>Text emoticons the tokenizer keeps whole, longest first so ":-)" wins over ":-".</summary>
public static class Emoticons
{
    /// <summary>Every emoticon recognised, in matching order.</summary>
    public static IReadOnlyList<string> All => Forms;

    static readonly string[] Forms =
    [
        "&lt;/3", "&lt;3", ">:-(", ">:(", ":'-(", ":'-)", ":'(", ":')", ":-)", ":-(", ":-D", ":-P", ":-p", ":-/", ":-|",
        ":-*", ":-O", ":-o", ";-)", "=-)", "</3", "<33", "<3", "^_^", "^-^", "-_-", "T_T", ";_;", "o_O", "O_o", "x_x",
        ":)", ":(", ":D", ":P", ":p", ":/", ":|", ":*", ":O", ":o", ":3", ";)", ";D", ";P", "=)", "=(", "=D", "=/",
        "xD", "XD", "xd", "(:", "):", "^^", "8)", "D:",
    ];

    // Forms by first char, so a word starting with 'o' or 'x' tries two forms, not sixty.
    static readonly string[][] ByFirstChar = Enumerable.Range(0, 128)
        .Select(c => Forms.Where(f => f[0] == c).ToArray()).ToArray();

    /// <summary>Length of the emoticon starting at <paramref name="i"/>, 0 when there is none.</summary>
    public static int Match(ReadOnlySpan<char> text, int i)
    {
        var c = text[i];
        if (c >= 128 || ByFirstChar[c].Length == 0)
        {
            return 0;
        }
        var rest = text[i..];
        foreach (var form in ByFirstChar[c])
        {
            if (!rest.StartsWith(form, StringComparison.Ordinal))
            {
                continue;
            }
            var after = i + form.Length;
            // "Note:Do" is no ":D"; "xD" and "8)" must stand alone so "xDrive" or "(8)" stay what they are.
            if (after < text.Length && char.IsLetterOrDigit(text[after]))
            {
                continue;
            }
            var letterLed = char.IsLetterOrDigit(form[0]) || form[0] is '(' or ')';
            if (letterLed && i > 0 && (char.IsLetterOrDigit(text[i - 1]) || text[i - 1] is '(' or ')'))
            {
                continue;
            }
            if (form is "(:" or "):" && after < text.Length && !char.IsWhiteSpace(text[after]))
            {
                continue;
            }
            return form.Length;
        }
        return 0;
    }
}
