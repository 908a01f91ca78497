using Earshot.Triage;
using MudBlazor;

namespace Earshot.Ui.Desktop;

/// <summary>Words and icons for triage values as agents read them in lists and the timeline.</summary>
public static class TriageLabels
{
    /// <summary>negative / neutral / positive from the compound score, with the score.</summary>
    public static string Sentiment(double compound) => compound switch
    {
        <= -0.05 => $"negative ({compound:0.00})",
        >= 0.05 => $"positive ({compound:0.00})",
        _ => $"neutral ({compound:0.00})",
    };

    public static Color SentimentColor(double compound) => compound switch
    {
        <= -0.05 => Color.Error,
        >= 0.05 => Color.Success,
        _ => Color.Default,
    };

    /// <summary>"Priority 81: sentiment 22 + intent 20 + risk 25 + …", the biggest parts first.</summary>
    public static string PriorityParts(int priority, IReadOnlyDictionary<string, int> parts) =>
        parts.Count == 0
            ? $"Priority {priority}"
            : $"Priority {priority}: " + string.Join(" + ", parts.Where(p => p.Value != 0).OrderByDescending(p => p.Value).Select(p => $"{p.Key} {p.Value}"));

    public static IReadOnlyList<string> Risks(RiskFlags risks) =>
        [.. Enum.GetValues<RiskFlags>().Where(r => r != RiskFlags.None && risks.HasFlag(r)).Select(r => r.ToString().ToLowerInvariant())];

    public static string ChannelIcon(string channel) => channel.ToLowerInvariant() switch
    {
        "x" or "twitter" => Icons.Custom.Brands.Twitter,
        "facebook" => Icons.Custom.Brands.Facebook,
        "instagram" => Icons.Custom.Brands.Instagram,
        "reddit" => Icons.Custom.Brands.Reddit,
        "mastodon" => Icons.Material.Filled.Forum,
        "bluesky" => Icons.Material.Filled.Cloud,
        "email" => Icons.Material.Filled.Email,
        "rss" or "atom" or "feed" => Icons.Material.Filled.RssFeed,
        _ => Icons.Material.Filled.Chat,
    };

    public static string ChannelName(string channel) => channel.ToLowerInvariant() switch
    {
        "x" or "twitter" => "X",
        "bluesky" => "Bluesky",
        "mastodon" => "Mastodon",
        "email" => "E-mail",
        var other => other.Length == 0 ? "unknown" : char.ToUpperInvariant(other[0]) + other[1..],
    };

    /// <summary>What a private reply is called on the channel: a DM on social networks, an e-mail for mail.</summary>
    public static string PrivateMedium(string channel) => channel.ToLowerInvariant() == "email" ? "e-mail" : "direct message";
}
