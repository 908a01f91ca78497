using System.Net;
using System.Text.RegularExpressions;

namespace Earshot.Core.Channels;

/// <summary>
/// Platforms that speak HTML (Mastodon statuses, feed summaries) become plain text for triage: line breaks where
/// the markup broke lines, tags dropped, entities decoded.
/// </summary>
public static partial class HtmlText
{
    public static string ToText(string? html)
    {
        if (string.IsNullOrEmpty(html))
        {
            return "";
        }
        var text = LineBreak().Replace(html, "\n");
        text = Tag().Replace(text, "");
        text = WebUtility.HtmlDecode(text);
        text = BlankLines().Replace(text, "\n\n");
        return text.Trim();
    }

    [GeneratedRegex(@"<br\s*/?>|</p>\s*<p[^>]*>|</p>|</div>|</li>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreak();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\n\s*\n\s*(\n\s*)*")]
    private static partial Regex BlankLines();
}
