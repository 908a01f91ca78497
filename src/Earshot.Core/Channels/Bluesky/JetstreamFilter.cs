namespace Earshot.Core.Channels.Bluesky;

/// <summary>
/// Which posts of the firehose concern the source: Jetstream filters by collection and author DID only, so words
/// and mentions are matched here — a post is kept when its text holds a keyword, or it mentions, replies to or is
/// written by one of the watched DIDs.
/// </summary>
internal sealed class JetstreamFilter(IReadOnlyList<string> keywords, IReadOnlySet<string> dids)
{
    public bool IsEmpty => keywords.Count == 0 && dids.Count == 0;

    public bool Matches(JetstreamEvent e)
    {
        var record = e.Commit!.Record!;
        var text = record.Text ?? "";
        foreach (var keyword in keywords)
        {
            if (text.Contains(keyword, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        if (dids.Count == 0)
        {
            return false;
        }
        if (dids.Contains(e.Did!)
            || RepoOf(record.Reply?.Parent?.Uri) is { } parent && dids.Contains(parent)
            || RepoOf(record.Reply?.Root?.Uri) is { } root && dids.Contains(root))
        {
            return true;
        }
        return record.Facets?.Any(f => f.Features?.Any(x => x.Did is { } did && dids.Contains(did)) == true) == true;
    }

    /// <summary>The DID in <c>at://did/collection/rkey</c>.</summary>
    static string? RepoOf(string? uri) =>
        uri is { Length: > 5 } && uri.StartsWith("at://", StringComparison.Ordinal) ? uri[5..].Split('/')[0] : null;

    public static IReadOnlyList<string> List(string? setting) =>
        (setting ?? "").Split([',', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
