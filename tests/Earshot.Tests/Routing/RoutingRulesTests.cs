using Earshot.Core.Agents;
using Earshot.Core.Conversations;
using Earshot.Core.Replies;
using Earshot.Core.Reporting;
using Earshot.Core.Routing;
using Earshot.Core.Sla;
using Earshot.Core.Workflows;
using Earshot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Tests.Routing;

/// <summary>
/// Workflow rules, wrap-up, working hours, supervisor alerts and next-response / resolution breaches against a real
/// database, on SQLite and on PostgreSQL.
/// </summary>
public abstract class RoutingRulesTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase> where TDatabase : TestDatabase
{
    readonly PipelineHarness _h = new(database);

    [Fact]
    public async Task Thread_MatchingWorkflowRule_QueuesWithBoostAndSkillsAndRoutesToSkilledAgent()
    {
        await using var db = database.CreateContext();
        var ws = await _h.NewWorkspaceAsync(db);
        var vip = new Queue { WorkspaceId = ws.Id, Name = "Complaints on X", CreatedAt = _h.Now };
        db.Queues.Add(vip);
        await db.SaveChangesAsync();
        db.WorkflowRules.AddRange(
            new WorkflowRule { WorkspaceId = ws.Id, Name = "email first", Position = 1, QueueId = vip.Id, Conditions = new() { Platforms = ["email"] } },
            new WorkflowRule
            {
                WorkspaceId = ws.Id, Name = "care on x", Position = 2, QueueId = vip.Id, PriorityBoost = 10,
                RequiredSkills = new() { ["es"] = 3 }, Conditions = new() { Buckets = ["care"], Platforms = ["x"] },
            });
        var plain = await _h.NewAgentAsync(db, ws.Id, "plain");
        plain.LastOfferedAt = _h.Now.AddHours(-1);
        var skilled = await _h.NewAgentAsync(db, ws.Id, "skilled");
        skilled.Skills = new() { ["es"] = 4 };
        await db.SaveChangesAsync();

        await _h.IngestAsync(db, ws.Id, PipelineHarness.Complaint("wf-1"));
        await _h.DrainAsync(db);
        await _h.Routing().RunOnceAsync(db, default);

        var conversation = await db.Conversations.AsNoTracking().SingleAsync(c => c.WorkspaceId == ws.Id);
        var offer = await db.Offers.SingleAsync(o => o.WorkspaceId == ws.Id);
        Assert.Equal(vip.Id, conversation.QueueId);
        Assert.Equal(10, conversation.PriorityParts[ThreadingBatch.WorkflowPart]);
        Assert.Equal(3, conversation.RequiredSkills["es"]);
        Assert.Equal(skilled.Id, offer.AgentId);
        Assert.Contains("skill es 4", offer.Reason);
    }

    [Fact]
    public async Task Resolve_QueueWithWrapUp_AgentGetsNoOfferUntilWrapUpEnds()
    {
        await using var db = database.CreateContext();
        var ws = await _h.NewWorkspaceAsync(db);
        var care = await db.Queues.SingleAsync(q => q.WorkspaceId == ws.Id && q.Name == "Care");
        care.WrapUpSeconds = 60;
        var agent = await _h.NewAgentAsync(db, ws.Id, "wrap");
        await _h.IngestAsync(db, ws.Id, PipelineHarness.Complaint("wu-1", handle: "a"));
        await _h.DrainAsync(db);
        await _h.Routing().RunOnceAsync(db, default);
        await _h.Offers().AcceptAsync(db, (await db.Offers.SingleAsync(o => o.WorkspaceId == ws.Id)).Id, default);
        db.ChangeTracker.Clear();
        var first = await db.Conversations.SingleAsync(c => c.WorkspaceId == ws.Id);

        await _h.Conversations().ResolveAsync(db, first, "answered", "test", default);
        await _h.IngestAsync(db, ws.Id, PipelineHarness.Complaint("wu-2", handle: "b"));
        await _h.DrainAsync(db);
        await _h.Routing().RunOnceAsync(db, default);
        var duringWrapUp = await db.Offers.CountAsync(o => o.WorkspaceId == ws.Id);
        var presence = (await db.Agents.AsNoTracking().SingleAsync(a => a.Id == agent.Id)).Presence;
        _h.Time.Advance(TimeSpan.FromSeconds(61));
        await _h.Routing().RunOnceAsync(db, default);
        var afterWrapUp = await db.Offers.CountAsync(o => o.WorkspaceId == ws.Id);

        Assert.Equal(Presence.WrapUp, presence);
        Assert.Equal(1, duringWrapUp); // only the first, accepted offer
        Assert.Equal(2, afterWrapUp);
        var after = await db.Agents.AsNoTracking().SingleAsync(a => a.Id == agent.Id);
        Assert.Equal((Presence.Available, (DateTime?)null), (after.Presence, after.WrapUpUntil));
    }

    [Fact]
    public async Task Route_AgentOutsideWorkingHours_IsNotOfferedWorkUntilShiftStarts()
    {
        await using var db = database.CreateContext();
        var ws = await _h.NewWorkspaceAsync(db);
        var early = await _h.NewAgentAsync(db, ws.Id, "early");
        early.Schedule = BusinessCalendar.Weekdays("UTC", TimeSpan.FromHours(6), TimeSpan.FromHours(11)); // it is Monday 12:00 UTC
        var late = await _h.NewAgentAsync(db, ws.Id, "late");
        late.Schedule = BusinessCalendar.Weekdays("UTC", TimeSpan.FromHours(13), TimeSpan.FromHours(21));
        await db.SaveChangesAsync();
        await _h.IngestAsync(db, ws.Id, PipelineHarness.Complaint("wh-1"));
        await _h.DrainAsync(db);

        await _h.Routing().RunOnceAsync(db, default);
        var atNoon = await db.Offers.CountAsync(o => o.WorkspaceId == ws.Id);
        _h.Time.Advance(TimeSpan.FromHours(1));
        await _h.Routing().RunOnceAsync(db, default);
        var atOne = await db.Offers.CountAsync(o => o.WorkspaceId == ws.Id);

        Assert.Equal(0, atNoon);
        Assert.Equal(1, atOne);
        Assert.Equal(late.Id, (await db.Offers.SingleAsync(o => o.WorkspaceId == ws.Id)).AgentId);
    }

    [Fact]
    public async Task Escalate_AlertStep_RaisesOneAlertForSupervisors()
    {
        await using var db = database.CreateContext();
        var ws = await _h.NewWorkspaceAsync(db);
        var care = await db.Queues.SingleAsync(q => q.WorkspaceId == ws.Id && q.Name == "Care");
        care.EscalationSteps = [new EscalationStep { AfterMinutes = 5, AlertSupervisor = true }];
        await db.SaveChangesAsync();
        await _h.IngestAsync(db, ws.Id, PipelineHarness.Complaint("al-1"));
        await _h.DrainAsync(db);
        _h.Time.Advance(TimeSpan.FromMinutes(6));

        await new EscalationService(_h.Time).RunOnceAsync(db, default);
        await new EscalationService(_h.Time).RunOnceAsync(db, default);

        var conversation = await db.Conversations.AsNoTracking().SingleAsync(c => c.WorkspaceId == ws.Id);
        var alert = await db.Alerts.SingleAsync(a => a.WorkspaceId == ws.Id);
        Assert.Equal((conversation.Id, care.Id, "escalation"), (alert.ConversationId!.Value, alert.QueueId!.Value, alert.Kind));
        Assert.Contains("waited 6 min", alert.Message);
        Assert.Contains(await db.AuditEntries.Where(a => a.WorkspaceId == ws.Id && a.Action == "escalate").Select(a => a.Detail).ToListAsync(),
            d => d.Contains("supervisor alerted"));
    }

    [Fact]
    public async Task Sla_CustomerWritesAfterOurAnswer_NextResponseDueAndBreachRecordedOnce()
    {
        await using var db = database.CreateContext();
        var ws = await _h.NewWorkspaceAsync(db);
        await _h.NewAgentAsync(db, ws.Id, "ana");
        await _h.IngestAsync(db, ws.Id, PipelineHarness.Complaint("nr-1", handle: "nr"));
        await _h.DrainAsync(db);
        await _h.Routing().RunOnceAsync(db, default);
        await _h.Offers().AcceptAsync(db, (await db.Offers.SingleAsync(o => o.WorkspaceId == ws.Id)).Id, default);
        db.ChangeTracker.Clear();
        var conversation = await db.Conversations.SingleAsync(c => c.WorkspaceId == ws.Id);
        await _h.Replies().CreateAsync(db, conversation, "Sorry! Which flight?", ReplyVisibility.Public, null, default);
        await _h.Sender().RunOnceAsync(db, default);
        _h.Time.Advance(TimeSpan.FromMinutes(10));
        var wroteAt = _h.Now;

        await _h.IngestAsync(db, ws.Id, PipelineHarness.Complaint("nr-2", handle: "nr", inReplyTo: "nr-1", text: "@acmeair flight AC123, still no bag"));
        await _h.DrainAsync(db);
        var waiting = await db.Conversations.AsNoTracking().SingleAsync(c => c.WorkspaceId == ws.Id);
        _h.Time.Advance(TimeSpan.FromHours(4) + TimeSpan.FromMinutes(1)); // Standard policy: next response within 4 h
        var sla = new SlaService(_h.Time);
        await sla.RunOnceAsync(db, default);
        await sla.RunOnceAsync(db, default);

        Assert.Equal(wroteAt.AddHours(4), waiting.NextResponseDueAt);
        var breaches = await db.ReportingEvents.Where(e => e.WorkspaceId == ws.Id && e.Kind == ReportingEventKind.SlaNextResponseBreached).ToListAsync();
        Assert.Single(breaches);
        Assert.Empty(await db.ReportingEvents.Where(e => e.WorkspaceId == ws.Id && e.Kind == ReportingEventKind.SlaBreached).ToListAsync());
    }

    [Fact]
    public async Task Sla_UnresolvedPastResolutionTarget_BreachRecordedOnce()
    {
        await using var db = database.CreateContext();
        var ws = await _h.NewWorkspaceAsync(db);
        await _h.IngestAsync(db, ws.Id, PipelineHarness.Complaint("rs-1"));
        await _h.DrainAsync(db);
        _h.Time.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));

        await Task.WhenAll(Enumerable.Range(0, 3).Select(async _ =>
        {
            await using var node = database.CreateContext();
            await new SlaService(_h.Time).RunOnceAsync(node, default);
        }));

        var resolution = await db.ReportingEvents.Where(e => e.WorkspaceId == ws.Id && e.Kind == ReportingEventKind.SlaResolutionBreached).ToListAsync();
        var conversation = await db.Conversations.AsNoTracking().SingleAsync(c => c.WorkspaceId == ws.Id);
        Assert.Single(resolution);
        Assert.Equal(_h.Now, conversation.ResolutionBreachedAt);
        Assert.Single(await db.ReportingEvents.Where(e => e.WorkspaceId == ws.Id && e.Kind == ReportingEventKind.SlaBreached).ToListAsync());
    }
}

public sealed class SqliteRoutingRulesTests(SqliteTestDatabase database) : RoutingRulesTests<SqliteTestDatabase>(database);

public sealed class PostgresRoutingRulesTests(PostgresTestDatabase database) : RoutingRulesTests<PostgresTestDatabase>(database);
