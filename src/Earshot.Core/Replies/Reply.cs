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
    /// <summary>Why the tone and risk check held it for approval (empty when it went straight out).</summary>
    public List<string> ReviewReasons { get; set; } = [];
    /// <summary>The supervisor who approved or rejected it.</summary>
    public string? ReviewedBy { get; set; }
    public DateTime? ReviewedAt { get; set; }
    public string? RejectionReason { get; set; }
    /// <summary>Images sent with the reply on networks that take them (Mastodon, X); null when there are none.</summary>
    public List<ReplyAttachment>? Attachments { get; set; }

    /// <summary>Holds the reply for a supervisor instead of sending it.</summary>
    public void HoldForApproval(IReadOnlyList<string> reasons)
    {
        Status = ReplyStatus.AwaitingApproval;
        ReviewReasons = [.. reasons];
        NextAttemptAt = null;
    }

    /// <summary>A supervisor lets a held reply go: it enters the outbox.</summary>
    public void Approve(string supervisor, DateTime now)
    {
        RequireAwaitingApproval();
        Status = ReplyStatus.Queued;
        ReviewedBy = supervisor;
        ReviewedAt = now;
        NextAttemptAt = now;
    }

    /// <summary>A supervisor stops a held reply, saying why; it is never sent.</summary>
    public void Reject(string supervisor, string reason, DateTime now)
    {
        RequireAwaitingApproval();
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ReplyStateException("A rejection needs a reason the agent can act on.");
        }
        Status = ReplyStatus.Rejected;
        ReviewedBy = supervisor;
        ReviewedAt = now;
        RejectionReason = reason.Trim();
    }

    void RequireAwaitingApproval()
    {
        if (Status != ReplyStatus.AwaitingApproval)
        {
            throw new ReplyStateException($"Reply {Id} is {Status.ToString().ToLowerInvariant()}, not awaiting approval.");
        }
    }
}
