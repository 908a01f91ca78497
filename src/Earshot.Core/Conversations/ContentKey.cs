using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Earshot.Core.Conversations;

/// <summary>
/// A fingerprint of a post's words that survives what reposting and cross-posting change: a leading
/// <c>RT @handle:</c>, links, @mentions, case, punctuation and spacing. Short texts get none ("thanks!" is
/// said by many people and repeats nothing).
/// </summary>
public static partial class ContentKey
{
    public const int MinimumLetters = 20;

    public static string? Of(string text)
    {
        var t = RepostPrefix().Replace(text, "");
        t = Link().Replace(t, " ");
        t = Mention().Replace(t, " ");
        var sb = new StringBuilder(t.Length);
        var space = false;
        var letters = 0;
        foreach (var c in t.Normalize(NormalizationForm.FormC))
        {
            if (char.IsLetterOrDigit(c))
            {
                if (space && sb.Length > 0)
                {
                    sb.Append(' ');
                }
                sb.Append(char.ToLowerInvariant(c));
                letters++;
                space = false;
            }
            else
            {
                space = true;
            }
        }
        if (letters < MinimumLetters)
        {
            return null;
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())))[..32];
    }

    /// <summary>A classic retweet or boost written into the text.</summary>
    public static bool LooksLikeRepost(string text) => RepostPrefix().IsMatch(text);

    [GeneratedRegex(@"^\s*RT\s+@[\w.@-]+:?\s*", RegexOptions.IgnoreCase)]
    private static partial Regex RepostPrefix();

    [GeneratedRegex(@"https?://\S+", RegexOptions.IgnoreCase)]
    private static partial Regex Link();

    [GeneratedRegex(@"(?<![\w])@[\w.-]+(@[\w.-]+)?")]
    private static partial Regex Mention();
}
