using Earshot.Core.Conversations;
using Earshot.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Core.Supervision;

/// <summary>A conversation a supervisor may move: waiting or in hand, with its queue, assignee and SLA due time.</summary>
public sealed record LiveConversation(
    long Id,
    string Channel,
    string Subject,
    ConversationStatus Status,
    int Priority,
    long QueueId,
    string QueueName,
    long? AssigneeId,
    string? AssigneeName,
    DateTime WaitingSince,
    DateTime? FirstResponseDueAt)
{
    /// <summary>The most urgent active conversations of the workspace: highest priority, then longest waiting.</summary>
    public static async Task<IReadOnlyList<LiveConversation>> ListAsync(EarshotDbContext db, long workspaceId, int limit, CancellationToken ct) =>
        await (from c in db.Conversations.AsNoTracking()
               where c.WorkspaceId == workspaceId
                     && (c.Status == ConversationStatus.Open || c.Status == ConversationStatus.Assigned || c.Status == ConversationStatus.Pending)
               join q in db.Queues on c.QueueId equals q.Id
               join a in db.Agents on c.AssigneeId equals a.Id into agents
               from a in agents.DefaultIfEmpty()
               orderby c.Priority descending, c.OpenedAt
               select new LiveConversation(c.Id, c.Channel, c.Subject, c.Status, c.Priority, c.QueueId, q.Name, c.AssigneeId,
                   a == null ? null : a.Name, c.QueueEnteredAt ?? c.OpenedAt, c.FirstResponseDueAt))
            .Take(limit)
            .ToListAsync(ct);
}
