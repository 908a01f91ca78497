using Earshot.Core.Conversations;
using Earshot.Core.Data;
using Earshot.Core.Prioritisation;
using Earshot.Core.Reporting;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Core.Sla;

/// <summary>
/// Watches SLA targets: records each first-response, next-response and resolution breach once, when it happens,
/// and raises the "wait" part of waiting conversations' priority as their response target nears, so work about to
/// breach moves up the queue.
/// </summary>
public sealed class SlaService(TimeProvider time)
{
    const int Batch = 500;

    /// <summary>One round; returns the number of breaches recorded.</summary>
    public async Task<int> RunOnceAsync(EarshotDbContext db, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var now = time.GetUtcNow().UtcDateTime;
        var breaches = await RecordFirstResponseBreachesAsync(db, now, ct);
        breaches += await RecordNextResponseBreachesAsync(db, now, ct);
        breaches += await RecordResolutionBreachesAsync(db, now, ct);
        await AgeWaitingAsync(db, now, ct);
        return breaches;
    }

    async Task<int> RecordFirstResponseBreachesAsync(EarshotDbContext db, DateTime now, CancellationToken ct)
    {
        var overdue = await db.Conversations.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.FirstResponseAt == null && c.FirstResponseBreachedAt == null && c.FirstResponseDueAt != null
                        && c.FirstResponseDueAt < now
                        && c.Status != ConversationStatus.Resolved && c.Status != ConversationStatus.Closed)
            .OrderBy(c => c.FirstResponseDueAt).ThenBy(c => c.Id)
            .Take(Batch)
            .ToListAsync(ct);
        return await RecordAsync(db, overdue, ReportingEventKind.SlaBreached, c => c.FirstResponseDueAt!.Value, (id, ct) =>
            db.Conversations.IgnoreQueryFilters()
                .Where(c => c.Id == id && c.FirstResponseBreachedAt == null && c.FirstResponseAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.FirstResponseBreachedAt, now), ct), now, ct);
    }

    async Task<int> RecordNextResponseBreachesAsync(EarshotDbContext db, DateTime now, CancellationToken ct)
    {
        var overdue = await db.Conversations.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.NextResponseBreachedAt == null && c.NextResponseDueAt != null && c.NextResponseDueAt < now
                        && c.Status != ConversationStatus.Resolved && c.Status != ConversationStatus.Closed)
            .OrderBy(c => c.NextResponseDueAt).ThenBy(c => c.Id)
            .Take(Batch)
            .ToListAsync(ct);
        return await RecordAsync(db, overdue, ReportingEventKind.SlaNextResponseBreached, c => c.NextResponseDueAt!.Value, (id, ct) =>
            db.Conversations.IgnoreQueryFilters()
                .Where(c => c.Id == id && c.NextResponseBreachedAt == null && c.NextResponseDueAt != null && c.NextResponseDueAt < now)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.NextResponseBreachedAt, now), ct), now, ct);
    }

    async Task<int> RecordResolutionBreachesAsync(EarshotDbContext db, DateTime now, CancellationToken ct)
    {
        var overdue = await db.Conversations.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.ResolutionBreachedAt == null && c.ResolutionDueAt != null && c.ResolutionDueAt < now
                        && c.Status != ConversationStatus.Resolved && c.Status != ConversationStatus.Closed)
            .OrderBy(c => c.ResolutionDueAt).ThenBy(c => c.Id)
            .Take(Batch)
            .ToListAsync(ct);
        return await RecordAsync(db, overdue, ReportingEventKind.SlaResolutionBreached, c => c.ResolutionDueAt!.Value, (id, ct) =>
            db.Conversations.IgnoreQueryFilters()
                .Where(c => c.Id == id && c.ResolutionBreachedAt == null
                            && c.Status != ConversationStatus.Resolved && c.Status != ConversationStatus.Closed)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.ResolutionBreachedAt, now), ct), now, ct);
    }

    /// <summary>
    /// Claims and records each breach. The conditional update is the claim: when several nodes see the same breach,
    /// one of them stamps it and writes the event; the others update no row and write nothing.
    /// </summary>
    static async Task<int> RecordAsync(
        EarshotDbContext db, List<Conversation> overdue, ReportingEventKind kind, Func<Conversation, DateTime> due,
        Func<long, CancellationToken, Task<int>> claim, DateTime now, CancellationToken ct)
    {
        if (overdue.Count == 0)
        {
            return 0;
        }
        var recorded = 0;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var conversation in overdue)
        {
            if (await claim(conversation.Id, ct) == 1)
            {
                // The value is how late the breach was noticed, so a slow watcher shows in the figures.
                db.ReportingEvents.Add(conversation.Event(kind, now, (now - due(conversation)).TotalSeconds));
                recorded++;
            }
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return recorded;
    }

    async Task AgeWaitingAsync(EarshotDbContext db, DateTime now, CancellationToken ct)
    {
        var waiting = await db.Conversations.IgnoreQueryFilters()
            .Where(c => c.Status == ConversationStatus.Open
                        && ((c.FirstResponseAt == null && c.FirstResponseDueAt != null) || c.NextResponseDueAt != null))
            .OrderBy(c => c.NextResponseDueAt ?? c.FirstResponseDueAt).ThenBy(c => c.Id)
            .Take(Batch)
            .ToListAsync(ct);
        if (waiting.Count == 0)
        {
            return;
        }
        var workspaceIds = waiting.Select(c => c.WorkspaceId).Distinct().ToList();
        var calendars = await db.Workspaces.AsNoTracking().Where(w => workspaceIds.Contains(w.Id))
            .ToDictionaryAsync(w => w.Id, w => w.Calendar, ct);
        var queueIds = waiting.Select(c => c.QueueId).Distinct().ToList();
        var policies = await db.Queues.IgnoreQueryFilters().AsNoTracking().Where(q => queueIds.Contains(q.Id))
            .Join(db.SlaPolicies.IgnoreQueryFilters().AsNoTracking(), q => q.SlaPolicyId, p => p.Id, (q, p) => new { QueueId = q.Id, Policy = p })
            .ToDictionaryAsync(x => x.QueueId, x => x.Policy, ct);
        var changed = 0;
        foreach (var conversation in waiting)
        {
            var policy = policies.GetValueOrDefault(conversation.QueueId);
            var nextTarget = policy?.Bands.FirstOrDefault(b => b.Name == conversation.SlaBand)?.NextResponseSeconds
                             ?? policy?.NextResponseSeconds ?? 0;
            var calendar = calendars.GetValueOrDefault(conversation.WorkspaceId) ?? BusinessCalendar.AlwaysOpen;
            var share = SlaEvaluator.ResponseShareUsed(conversation, nextTarget, calendar, now);
            changed += PriorityAging.Apply(conversation, share, PriorityPolicy.Default) ? 1 : 0;
        }
        if (changed == 0)
        {
            return;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A transition moved one of them meanwhile; the next round ages what is still waiting.
        }
        db.ChangeTracker.Clear();
    }
}
