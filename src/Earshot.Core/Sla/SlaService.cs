using Earshot.Core.Conversations;
using Earshot.Core.Data;
using Earshot.Core.Prioritisation;
using Earshot.Core.Reporting;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Core.Sla;

/// <summary>
/// Watches first-response targets: records each breach once, when it happens, and raises the "wait" part of
/// waiting conversations' priority as their target nears, so work about to breach moves up the queue.
/// </summary>
public sealed class SlaService(TimeProvider time)
{
    const int Batch = 500;

    /// <summary>One round; returns the number of breaches recorded.</summary>
    public async Task<int> RunOnceAsync(EarshotDbContext db, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var now = time.GetUtcNow().UtcDateTime;
        var breaches = await RecordBreachesAsync(db, now, ct);
        await AgeWaitingAsync(db, now, ct);
        return breaches;
    }

    async Task<int> RecordBreachesAsync(EarshotDbContext db, DateTime now, CancellationToken ct)
    {
        var overdue = await db.Conversations.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.FirstResponseAt == null && c.FirstResponseBreachedAt == null && c.FirstResponseDueAt != null
                        && c.FirstResponseDueAt < now
                        && c.Status != ConversationStatus.Resolved && c.Status != ConversationStatus.Closed)
            .OrderBy(c => c.FirstResponseDueAt).ThenBy(c => c.Id)
            .Take(Batch)
            .ToListAsync(ct);
        if (overdue.Count == 0)
        {
            return 0;
        }
        var recorded = 0;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var conversation in overdue)
        {
            // The conditional update is the claim: when several nodes see the same breach, one of them stamps it
            // and writes the event; the others update no row and write nothing.
            var claimed = await db.Conversations.IgnoreQueryFilters()
                .Where(c => c.Id == conversation.Id && c.FirstResponseBreachedAt == null && c.FirstResponseAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.FirstResponseBreachedAt, now), ct);
            if (claimed == 1)
            {
                // The value is how late the breach was noticed, so a slow watcher shows in the figures.
                db.ReportingEvents.Add(conversation.Event(ReportingEventKind.SlaBreached, now, (now - conversation.FirstResponseDueAt!.Value).TotalSeconds));
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
            .Where(c => c.Status == ConversationStatus.Open && c.FirstResponseAt == null && c.FirstResponseDueAt != null)
            .OrderBy(c => c.FirstResponseDueAt).ThenBy(c => c.Id)
            .Take(Batch)
            .ToListAsync(ct);
        if (waiting.Count == 0)
        {
            return;
        }
        var workspaceIds = waiting.Select(c => c.WorkspaceId).Distinct().ToList();
        var calendars = await db.Workspaces.AsNoTracking().Where(w => workspaceIds.Contains(w.Id))
            .ToDictionaryAsync(w => w.Id, w => w.Calendar, ct);
        var changed = 0;
        foreach (var conversation in waiting)
        {
            var share = SlaEvaluator.FirstResponseShareUsed(conversation, calendars.GetValueOrDefault(conversation.WorkspaceId) ?? BusinessCalendar.AlwaysOpen, now);
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
