namespace Earshot.Triage.Text;

/// <summary>Web leftovers in posts: links and HTML entities, which the tokenizer keeps whole.</summary>
static class Markup
{
    /// <summary>Length of the URL (http://, https://, www.) at <paramref name="i"/>, without trailing sentence punctuation; 0 if none.</summary>
    public static int UrlLength(ReadOnlySpan<char> text, int i)
    {
        var rest = text[i..];
        if (!rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            && !rest.StartsWith("www.", StringComparison.OrdinalIgnoreCase))
        {
            return 0;
        }
        var end = 0;
        while (end < rest.Length && !char.IsWhiteSpace(rest[end]))
        {
            end++;
        }
        // Trailing sentence punctuation belongs to the sentence, not the link.
        while (end > 8 && rest[end - 1] is '.' or ',' or '!' or '?' or ')' or ';' or ':' or '"' or '\'')
        {
            end--;
        }
        return end;
    }

    /// <summary>Length of the HTML entity (&amp;amp; &amp;#39;) at <paramref name="i"/>, 0 if none.</summary>
    public static int EntityLength(ReadOnlySpan<char> text, int i)
    {
        var end = i + 1;
        if (end < text.Length && text[end] == '#')
        {
            end++;
        }
        var start = end;
        while (end < text.Length && end - start < 8 && char.IsAsciiLetterOrDigit(text[end]))
        {
            end++;
        }
        return end > start && end < text.Length && text[end] == ';' ? end + 1 - i : 0;
    }
}
