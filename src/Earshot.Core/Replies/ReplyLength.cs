using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Earshot.Core.Channels.X;

namespace Earshot.Core.Replies;

/// <summary>How long a reply is by its network's own rule, and that network's limit.</summary>
public sealed record ReplyLengthCheck(int Used, int Limit, string Unit)
{
    public int Remaining => Limit - Used;
    public bool TooLong => Used > Limit;
}

/// <summary>
/// Each network counts differently: X weighs code points (CJK and emoji count 2) with every link as 23 (280), Bluesky counts graphemes —
/// what a reader sees as one character, so a family emoji is one (300), Mastodon counts code points with links as
/// 23 (500). Private replies use the network's direct-message limit. Pure code.
/// </summary>
public static partial class ReplyLength
{
    public const int LinkLength = 23;

    public static ReplyLengthCheck Measure(string channel, ReplyVisibility visibility, string text)
    {
        var network = channel.Trim().ToLowerInvariant();
        return (network, visibility) switch
        {
            ("x" or "twitter", ReplyVisibility.Public) => new(XTextLength.Weighted(text), XTextLength.MaxWeightedLength, "characters"),
            ("x" or "twitter", ReplyVisibility.Private) => new(CodePointsWithLinks(text), 10_000, "characters"),
            ("bluesky", ReplyVisibility.Public) => new(Graphemes(text), 300, "graphemes"),
            ("bluesky", ReplyVisibility.Private) => new(Graphemes(text), 1_000, "graphemes"),
            ("mastodon", _) => new(CodePointsWithLinks(text), 500, "characters"),
            ("instagram", _) => new(Graphemes(text), 2_200, "characters"),
            ("facebook", ReplyVisibility.Public) => new(Graphemes(text), 8_000, "characters"),
            ("facebook", ReplyVisibility.Private) => new(Graphemes(text), 2_000, "characters"),
            ("reddit", _) => new(Graphemes(text), 10_000, "characters"),
            _ => new(text.Length, ReplyService.MaxTextLength, "characters"),
        };
    }

    /// <summary>User-perceived characters (extended grapheme clusters).</summary>
    public static int Graphemes(string text) => new StringInfo(text).LengthInTextElements;

    /// <summary>Unicode code points, each link counted as <see cref="LinkLength"/> whatever its real length.</summary>
    public static int CodePointsWithLinks(string text)
    {
        var count = 0;
        var last = 0;
        foreach (Match link in Links().Matches(text))
        {
            count += CodePoints(text.AsSpan(last, link.Index - last)) + LinkLength;
            last = link.Index + link.Length;
        }
        return count + CodePoints(text.AsSpan(last));
    }

    static int CodePoints(ReadOnlySpan<char> text)
    {
        var n = 0;
        foreach (var _ in text.EnumerateRunes())
        {
            n++;
        }
        return n;
    }

    [GeneratedRegex(@"https?://\S+", RegexOptions.IgnoreCase)]
    private static partial Regex Links();
}
