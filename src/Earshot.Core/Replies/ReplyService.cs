using Earshot.Core.Auditing;
using Earshot.Core.Conversations;
using Earshot.Core.Data;
using Earshot.Core.Ingestion;
using Earshot.Core.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Core.Replies;

/// <summary>
/// Writes an agent's reply into the outbox; the <see cref="ReplySender"/> delivers it. A reply the tone and risk
/// check (<see cref="ReplyReview"/>) does not pass waits for a supervisor instead, who approves or rejects it.
/// </summary>
public sealed class ReplyService(WorkSignals signals, TimeProvider time)
{
    public const int MaxTextLength = 10_000;

    /// <summary>
    /// Returns the queued reply, or an error a person can act on. A reply moves the conversation's version, so of two
    /// agents replying at once only one gets through; <paramref name="expectedVersion"/>, when given, is the version
    /// the agent last saw, and anything that happened since refuses the reply.
    /// </summary>
    public async Task<(Reply? Reply, string? Error)> CreateAsync(
        EarshotDbContext db, Conversation conversation, string text, ReplyVisibility visibility, long? agentId, CancellationToken ct,
        int? expectedVersion = null, IReadOnlyList<ReplyAttachment>? attachments = null)
    {
        if (conversation.Status == ConversationStatus.Closed)
        {
            return (null, $"Conversation {conversation.Id} is closed.");
        }
        if (expectedVersion is { } expected && expected != conversation.Version)
        {
            return (null, await DescribeChangeAsync(db, conversation, expected, ct));
        }
        var now = time.GetUtcNow().UtcDateTime;
        // A public reply answers the customer's latest post so it threads under it on the platform.
        // A private reply answers the latest private item when there is one (the conversation was taken private).
        var preferPrivate = visibility == ReplyVisibility.Private;
        var latest = await db.Posts
            .Where(p => p.ConversationId == conversation.Id && p.Direction == PostDirection.Inbound && p.DuplicateOfPostId == null)
            .OrderByDescending(p => preferPrivate && p.Private).ThenByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id)
            .Select(p => p.ExternalId)
            .FirstOrDefaultAsync(ct);
        var reply = new Reply
        {
            WorkspaceId = conversation.WorkspaceId,
            ConversationId = conversation.Id,
            AgentId = agentId ?? conversation.AssigneeId,
            Text = text.Trim(),
            Visibility = visibility,
            Status = ReplyStatus.Queued,
            InReplyToExternalId = latest,
            CreatedAt = now,
            NextAttemptAt = now,
            Attachments = attachments is { Count: > 0 } ? [.. attachments] : null,
        };
        var concerns = ReplyReview.Check(reply.Text, conversation.Risks);
        if (concerns.Count > 0)
        {
            reply.HoldForApproval(concerns);
        }
        db.Replies.Add(reply);
        conversation.LastActivityAt = now;
        conversation.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Conversations.AsNoTracking().SingleAsync(c => c.Id == conversation.Id, ct);
            return (null, await DescribeChangeAsync(db, current, conversation.Version - 1, ct));
        }
        if (reply.Status == ReplyStatus.Queued)
        {
            signals.Outbox.Notify();
        }
        return (reply, null);
    }

    /// <summary>What happened since the version the agent saw, in words: who replied when, or what else changed.</summary>
    static async Task<string> DescribeChangeAsync(EarshotDbContext db, Conversation conversation, int seenVersion, CancellationToken ct)
    {
        var last = await db.Replies.AsNoTracking()
            .Where(r => r.ConversationId == conversation.Id)
            .OrderByDescending(r => r.Id)
            .Select(r => new { r.CreatedAt, Agent = db.Agents.Where(a => a.Id == r.AgentId).Select(a => a.Name).FirstOrDefault() })
            .FirstOrDefaultAsync(ct);
        var what = last is null
            ? $"it is now {conversation.Status.ToString().ToLowerInvariant()}"
            : $"{last.Agent ?? "someone"} replied at {last.CreatedAt:yyyy-MM-dd HH:mm:ss} UTC";
        return $"Conversation changed: {what} (you saw version {seenVersion}, it is at version {conversation.Version}). Reload it before sending.";
    }

    /// <summary>Replies held for approval, oldest first.</summary>
    public static IQueryable<Reply> AwaitingApproval(EarshotDbContext db) =>
        db.Replies.Where(r => r.Status == ReplyStatus.AwaitingApproval).OrderBy(r => r.CreatedAt).ThenBy(r => r.Id);

    /// <summary>A supervisor approves a held reply: it enters the outbox. (null, null) when there is no such reply.</summary>
    public Task<(Reply? Reply, string? Error)> ApproveAsync(EarshotDbContext db, long replyId, string supervisor, CancellationToken ct) =>
        ReviewAsync(db, replyId, r => r.Approve(supervisor, time.GetUtcNow().UtcDateTime), "approve-reply", supervisor, ct);

    /// <summary>A supervisor rejects a held reply with a reason; it is never sent.</summary>
    public Task<(Reply? Reply, string? Error)> RejectAsync(EarshotDbContext db, long replyId, string supervisor, string reason, CancellationToken ct) =>
        ReviewAsync(db, replyId, r => r.Reject(supervisor, reason, time.GetUtcNow().UtcDateTime), "reject-reply", supervisor, ct);

    async Task<(Reply? Reply, string? Error)> ReviewAsync(
        EarshotDbContext db, long replyId, Action<Reply> transition, string action, string supervisor, CancellationToken ct)
    {
        var reply = await db.Replies.SingleOrDefaultAsync(r => r.Id == replyId, ct);
        if (reply is null)
        {
            return (null, null);
        }
        try
        {
            transition(reply);
        }
        catch (ReplyStateException ex)
        {
            return (reply, ex.Message);
        }
        db.AuditEntries.Add(AuditEntry.ForConversation(reply.WorkspaceId, reply.ConversationId, supervisor, action,
            reply.RejectionReason ?? $"reply {reply.Id}", time.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(ct);
        if (reply.Status == ReplyStatus.Queued)
        {
            signals.Outbox.Notify();
        }
        return (reply, null);
    }
}
