using Earshot.Core.Agents;
using Earshot.Core.Conversations;
using Earshot.Core.Data;
using Earshot.Core.Routing;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Core.Supervision;

/// <summary>
/// Builds the supervisor's wallboard with a handful of grouped queries (one per kind of fact, whatever the number
/// of conversations), so it can refresh every couple of seconds.
/// </summary>
public static class WallboardBuilder
{
    /// <summary>The default look-ahead: a first response due within this many minutes is at risk.</summary>
    public const int DefaultAtRiskMinutes = 15;

    public static async Task<Wallboard> BuildAsync(EarshotDbContext db, long workspaceId, DateTime now, int atRiskMinutes, CancellationToken ct)
    {
        var soon = now.AddMinutes(atRiskMinutes);
        var queues = await db.Queues.AsNoTracking().Where(q => q.WorkspaceId == workspaceId)
            .OrderBy(q => q.Name).Select(q => new { q.Id, q.Name }).ToListAsync(ct);
        var active = db.Conversations.AsNoTracking().Where(c => c.WorkspaceId == workspaceId
            && (c.Status == ConversationStatus.Open || c.Status == ConversationStatus.Assigned || c.Status == ConversationStatus.Pending));
        var perQueue = await active.GroupBy(c => c.QueueId).Select(g => new
            {
                QueueId = g.Key,
                Waiting = g.Count(c => c.Status == ConversationStatus.Open),
                InProgress = g.Count(c => c.Status != ConversationStatus.Open),
                AtRisk = g.Count(c => c.FirstResponseAt == null && c.FirstResponseDueAt > now && c.FirstResponseDueAt <= soon),
                Breached = g.Count(c => c.FirstResponseAt == null && c.FirstResponseDueAt <= now),
            })
            .ToDictionaryAsync(x => x.QueueId, ct);
        // The oldest waiting conversation of each queue: when it entered the queue (transfer, overflow) or opened.
        var oldest = await active.Where(c => c.Status == ConversationStatus.Open)
            .GroupBy(c => c.QueueId)
            .Select(g => new { QueueId = g.Key, Entered = g.Min(c => c.QueueEnteredAt ?? c.OpenedAt) })
            .ToDictionaryAsync(x => x.QueueId, x => x.Entered, ct);
        var pending = db.Offers.AsNoTracking().Where(o => o.WorkspaceId == workspaceId && o.Status == OfferStatus.Pending);
        var offersPerQueue = await (from o in pending
                                    join c in db.Conversations on o.ConversationId equals c.Id
                                    group o by c.QueueId into g
                                    select new { QueueId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.QueueId, x => x.Count, ct);
        var offersPerAgent = await pending.GroupBy(o => o.AgentId).Select(g => new { AgentId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.AgentId, x => x.Count, ct);
        var activePerAgent = await active.Where(c => c.AssigneeId != null && c.Status != ConversationStatus.Open)
            .GroupBy(c => c.AssigneeId!.Value).Select(g => new { AgentId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.AgentId, x => x.Count, ct);
        var agents = await db.Agents.AsNoTracking().Where(a => a.WorkspaceId == workspaceId)
            .OrderBy(a => a.Name).ToListAsync(ct);

        var rows = queues.Select(q =>
        {
            perQueue.TryGetValue(q.Id, out var counts);
            var wait = oldest.TryGetValue(q.Id, out var entered) ? Math.Max(0, (now - entered).TotalSeconds) : (double?)null;
            return new WallboardQueue(q.Id, q.Name, counts?.Waiting ?? 0, counts?.InProgress ?? 0, wait,
                counts?.AtRisk ?? 0, counts?.Breached ?? 0, offersPerQueue.GetValueOrDefault(q.Id));
        }).ToList();
        var total = new WallboardQueue(0, "all", rows.Sum(r => r.Waiting), rows.Sum(r => r.InProgress),
            rows.Max(r => r.LongestWaitSeconds), rows.Sum(r => r.SlaAtRisk), rows.Sum(r => r.SlaBreached), rows.Sum(r => r.OffersPending));
        var board = agents.Select(a => new WallboardAgent(
            a.Id, a.Name, a.Role.ToString().ToLowerInvariant(), a.Presence, a.PresenceChangedAt,
            activePerAgent.GetValueOrDefault(a.Id), a.Capacity.Values.Sum(), offersPerAgent.GetValueOrDefault(a.Id))).ToList();
        var byPresence = Enum.GetValues<Presence>().ToDictionary(p => p.ToString().ToLowerInvariant(), p => board.Count(a => a.Presence == p));
        return new Wallboard(now, atRiskMinutes, total, rows, byPresence, board);
    }
}
