namespace Earshot.Core.Replies;

/// <summary>An outbound message, sent through the outbox by the reply sender.</summary>
public sealed class Reply
{
    public long Id { get; set; }
    public long WorkspaceId { get; set; }
    public long ConversationId { get; set; }
    public long? AgentId { get; set; }
    public required string Text { get; set; }
    public ReplyVisibility Visibility { get; set; }
    public ReplyStatus Status { get; set; } = ReplyStatus.Queued;
    /// <summary>The platform post it answers (public replies thread under it).</summary>
    public string? InReplyToExternalId { get; set; }
    public string? ExternalId { get; set; }
    public int Attempts { get; set; }
    public DateTime? NextAttemptAt { get; set; }
    public string? LeaseToken { get; set; }
    public DateTime? LeaseUntil { get; set; }
    public string? Error { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SentAt { get; set; }
}
