using Earshot.Core.Conversations;
using Earshot.Core.Data;
using Earshot.Core.Ingestion;
using Earshot.Core.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Core.Replies;

/// <summary>Writes an agent's reply into the outbox; the <see cref="ReplySender"/> delivers it.</summary>
public sealed class ReplyService(WorkSignals signals, TimeProvider time)
{
    public const int MaxTextLength = 10_000;

    /// <summary>Returns the queued reply, or an error a person can act on.</summary>
    public async Task<(Reply? Reply, string? Error)> CreateAsync(
        EarshotDbContext db, Conversation conversation, string text, ReplyVisibility visibility, long? agentId, CancellationToken ct)
    {
        if (conversation.Status == ConversationStatus.Closed)
        {
            return (null, $"Conversation {conversation.Id} is closed.");
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
        };
        db.Replies.Add(reply);
        conversation.LastActivityAt = now;
        await db.SaveChangesAsync(ct);
        signals.Outbox.Notify();
        return (reply, null);
    }
}
