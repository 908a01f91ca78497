namespace Earshot.Core.Auditing;

/// <summary>Who did what, and why: routing decisions, transfers, settings changes.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public long WorkspaceId { get; set; }
    /// <summary>"router", "agent:12", "apikey:3", "system".</summary>
    public required string Actor { get; set; }
    public required string Action { get; set; }
    /// <summary>"conversation:42".</summary>
    public required string Subject { get; set; }
    public string Detail { get; set; } = "";
    public DateTime OccurredAt { get; set; }

    /// <summary>An entry about one conversation ("conversation:42"), the subject most entries have.</summary>
    public static AuditEntry ForConversation(long workspaceId, long conversationId, string actor, string action, string detail, DateTime now) => new()
    {
        WorkspaceId = workspaceId,
        Actor = actor,
        Action = action,
        Subject = $"conversation:{conversationId}",
        Detail = detail,
        OccurredAt = now,
    };
}
