using Earshot.Core.Channels;
using Earshot.Core.Conversations;
using Earshot.Core.Data;
using Earshot.Core.Pipeline;
using Earshot.Core.Prioritisation;
using Earshot.Core.Sla;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Core.Tasks;

/// <summary>Puts open-media work items into the queues, once per external id.</summary>
public sealed class WorkTaskService(WorkSignals signals, TimeProvider time)
{
    /// <summary>The source every API task of a workspace belongs to; created on first use.</summary>
    public const string TaskSourceName = "Tasks";
    /// <summary>The priority part that carries the priority the caller gave.</summary>
    public const string GivenPart = "given";

    /// <summary>Creates the task's conversation, or returns the one already created for its external id.</summary>
    public async Task<(Conversation Conversation, bool Created)> CreateAsync(EarshotDbContext db, long workspaceId, WorkTask task, CancellationToken ct)
    {
        var source = await TaskSourceAsync(db, workspaceId, ct);
        if (task.ExternalId is not null && await FindAsync(db, source.Id, task.ExternalId, ct) is { } existing)
        {
            return (existing, false);
        }
        var now = time.GetUtcNow().UtcDateTime;
        var workspace = await db.Workspaces.AsNoTracking().SingleAsync(w => w.Id == workspaceId, ct);
        var parts = new Dictionary<string, int> { [GivenPart] = task.Priority, [PriorityAging.WaitPart] = 0 };
        var conversation = new Conversation
        {
            WorkspaceId = workspaceId,
            SourceId = source.Id,
            Channel = task.Channel,
            Medium = task.Medium,
            ContactId = task.Contact?.Id,
            QueueId = task.Queue.Id,
            Bucket = task.Queue.Bucket,
            Priority = task.Priority,
            PriorityParts = parts,
            Subject = task.Subject,
            RootExternalId = task.ExternalId,
            OpenedAt = now,
            LastActivityAt = now,
        };
        if (task.Queue.SlaPolicyId is { } policyId && await db.SlaPolicies.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(p => p.Id == policyId, ct) is { } policy)
        {
            SlaEvaluator.SetDueTimes(conversation, now, policy, workspace.Calendar);
        }
        db.Conversations.Add(conversation);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (task.ExternalId is not null)
        {
            // Another request with the same external id won the race: the unique index kept one, answer with it.
            db.ChangeTracker.Clear();
            return (await FindAsync(db, source.Id, task.ExternalId, ct) ?? throw new InvalidOperationException("The task vanished."), false);
        }
        db.ReportingEvents.Add(conversation.Open(now));
        await db.SaveChangesAsync(ct);
        signals.Routing.Notify();
        return (conversation, true);
    }

    static Task<Conversation?> FindAsync(EarshotDbContext db, long sourceId, string externalId, CancellationToken ct) =>
        db.Conversations.IgnoreQueryFilters().SingleOrDefaultAsync(c => c.SourceId == sourceId && c.RootExternalId == externalId, ct);

    async Task<Source> TaskSourceAsync(EarshotDbContext db, long workspaceId, CancellationToken ct)
    {
        var source = await db.Sources.IgnoreQueryFilters().SingleOrDefaultAsync(s => s.WorkspaceId == workspaceId && s.Name == TaskSourceName, ct);
        if (source is not null)
        {
            return source;
        }
        source = new Source
        {
            WorkspaceId = workspaceId,
            Platform = "task",
            Name = TaskSourceName,
            Connector = Channels.Demo.DemoConnector.ConnectorName,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.Sources.Add(source);
        try
        {
            await db.SaveChangesAsync(ct);
            return source;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return await db.Sources.IgnoreQueryFilters().SingleAsync(s => s.WorkspaceId == workspaceId && s.Name == TaskSourceName, ct);
        }
    }
}
