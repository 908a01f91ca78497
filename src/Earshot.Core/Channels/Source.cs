namespace Earshot.Core.Channels;

/// <summary>Where posts come from: a connected account or feed on one platform.</summary>
public sealed class Source
{
    public long Id { get; set; }
    public long WorkspaceId { get; set; }
    /// <summary>x, mastodon, bluesky, reddit, facebook, instagram, rss, email, webhook, api, demo...</summary>
    public required string Platform { get; set; }
    public required string Name { get; set; }
    /// <summary>The connector that talks to the platform (found by name in the connector registry).</summary>
    public required string Connector { get; set; }
    /// <summary>Connector settings as JSON (credentials are protected before they are stored).</summary>
    public string Settings { get; set; } = "{}";
    public SourceStatus Status { get; set; } = SourceStatus.Active;
    /// <summary>Where the connector stopped reading (since-id, stream position, IMAP UID).</summary>
    public string? Cursor { get; set; }
    public string? LastError { get; set; }
    public DateTime? LastErrorAt { get; set; }
    /// <summary>Polls that failed in a row; drives the backoff and resets on success.</summary>
    public int ConsecutiveFailures { get; set; }
    /// <summary>The node reading this source now. Null between polls.</summary>
    public string? LeaseToken { get; set; }
    /// <summary>
    /// While a node polls: when its lease runs out. Between polls: when the source is next due, so one claim query
    /// finds sources that are both free and due.
    /// </summary>
    public DateTime? LeaseUntil { get; set; }
    public DateTime CreatedAt { get; set; }
}
