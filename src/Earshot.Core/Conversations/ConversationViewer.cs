namespace Earshot.Core.Conversations;

/// <summary>
/// Someone has a conversation open: the page refreshes <see cref="LastSeenAt"/> while it stays open, so every node
/// sees who else is reading (no in-memory state). A row older than <see cref="ViewerPresence.Expiry"/> no longer counts.
/// </summary>
public sealed class ConversationViewer
{
    public long ConversationId { get; set; }
    public long AgentId { get; set; }
    public long WorkspaceId { get; set; }
    public required string AgentName { get; set; }
    public DateTime LastSeenAt { get; set; }
}
