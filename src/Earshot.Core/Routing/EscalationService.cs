using Earshot.Core.Alerts;
using Earshot.Core.Auditing;
using Earshot.Core.Conversations;
using Earshot.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Core.Routing;

/// <summary>
/// Applies due escalation steps to waiting conversations and audits each one. The conversation's version guards
/// the save, so when several nodes escalate at once a step is applied and audited by one of them only.
/// </summary>
public sealed class EscalationService(TimeProvider time)
{
    const int Batch = 500;

    /// <summary>One round; returns the number of steps applied.</summary>
    public async Task<int> RunOnceAsync(EarshotDbContext db, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var now = time.GetUtcNow().UtcDateTime;
        // Steps are a JSON column: the few queues are read whole and filtered here.
        var queues = await db.Queues.IgnoreQueryFilters().AsNoTracking().ToListAsync(ct);
        var escalating = queues.Where(q => q.EscalationSteps.Count > 0).ToDictionary(q => q.Id);
        if (escalating.Count == 0)
        {
            return 0;
        }
        var queueIds = escalating.Keys.ToList();
        var waiting = await db.Conversations.IgnoreQueryFilters()
            .Where(c => c.Status == ConversationStatus.Open && queueIds.Contains(c.QueueId))
            .OrderBy(c => c.OpenedAt).Take(Batch)
            .ToListAsync(ct);
        var applied = 0;
        var alerts = new List<string>();
        foreach (var conversation in waiting)
        {
            alerts.Clear();
            var queueId = conversation.QueueId;
            foreach (var line in Escalation.Apply(conversation, escalating[queueId].EscalationSteps, now, alerts))
            {
                db.AuditEntries.Add(AuditEntry.ForConversation(conversation.WorkspaceId, conversation.Id, "escalation", "escalate", line, now));
                applied++;
            }
            // Saved with the step in one transaction, guarded by the conversation's version: one alert per step.
            db.Alerts.AddRange(alerts.Select(message => new Alert
            {
                WorkspaceId = conversation.WorkspaceId,
                Kind = Alert.EscalationKind,
                ConversationId = conversation.Id,
                QueueId = queueId,
                Message = message,
                CreatedAt = now,
            }));
        }
        if (applied == 0)
        {
            return 0;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another node or a transition moved one of them first; what still waits is escalated next round.
            applied = 0;
        }
        db.ChangeTracker.Clear();
        return applied;
    }
}
