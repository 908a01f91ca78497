using Earshot.Core.Reporting;
using Earshot.Core.Sla;
using Earshot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Tests.Sla;

/// <summary>Due times, breaches and SLA aging against a real database, on SQLite and on PostgreSQL.</summary>
public abstract class SlaServiceTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase> where TDatabase : TestDatabase
{
    readonly PipelineHarness _h = new(database);

    SlaService Sla() => new(_h.Time);

    [Fact]
    public async Task Thread_FridayEveningPostWithOfficeHours_DueMondayMorning()
    {
        await using var db = database.CreateContext();
        var ws = await _h.NewWorkspaceAsync(db);
        ws.Calendar = BusinessCalendar.Weekdays("Europe/Madrid", TimeSpan.FromHours(9), TimeSpan.FromHours(17));
        await db.SaveChangesAsync();
        _h.Time.Advance(new DateTime(2026, 11, 27, 17, 0, 0, DateTimeKind.Utc) - _h.Now); // Friday 18:00 in Madrid

        await _h.IngestAsync(db, ws.Id, PipelineHarness.Complaint("cal-1"));
        await _h.DrainAsync(db);

        var conversation = await db.Conversations.SingleAsync(c => c.WorkspaceId == ws.Id);
        Assert.Equal(new DateTime(2026, 11, 30, 9, 0, 0, DateTimeKind.Utc), conversation.FirstResponseDueAt);
    }

    [Fact]
    public async Task RunOnce_PastDueWithoutResponse_RecordsOneBreachEvenWhenRunTwiceAtOnce()
    {
        await using var db = database.CreateContext();
        var ws = await _h.NewWorkspaceAsync(db);
        await _h.IngestAsync(db, ws.Id, PipelineHarness.Complaint("br-1"));
        await _h.DrainAsync(db);
        _h.Time.Advance(TimeSpan.FromMinutes(61));

        await Task.WhenAll(Enumerable.Range(0, 3).Select(async _ =>
        {
            await using var node = database.CreateContext();
            await Sla().RunOnceAsync(node, default);
        }));
        await Sla().RunOnceAsync(db, default);

        var breaches = await db.ReportingEvents.Where(e => e.WorkspaceId == ws.Id && e.Kind == ReportingEventKind.SlaBreached).ToListAsync();
        var conversation = await db.Conversations.AsNoTracking().SingleAsync(c => c.WorkspaceId == ws.Id);
        Assert.Single(breaches);
        Assert.Equal(conversation.Id, breaches[0].ConversationId);
        Assert.Equal(_h.Now, conversation.FirstResponseBreachedAt);
        Assert.Equal(20, conversation.PriorityParts["wait"]);
    }

    [Fact]
    public async Task RunOnce_BeforeDue_RecordsNothingAndRaisesWaitPart()
    {
        await using var db = database.CreateContext();
        var ws = await _h.NewWorkspaceAsync(db);
        await _h.IngestAsync(db, ws.Id, PipelineHarness.Complaint("age-1"));
        await _h.DrainAsync(db);
        var before = await db.Conversations.AsNoTracking().SingleAsync(c => c.WorkspaceId == ws.Id);
        _h.Time.Advance(TimeSpan.FromMinutes(45));

        var breaches = await Sla().RunOnceAsync(db, default);

        var after = await db.Conversations.AsNoTracking().SingleAsync(c => c.WorkspaceId == ws.Id);
        Assert.Equal(0, breaches);
        Assert.Equal(15, after.PriorityParts["wait"]);
        Assert.Equal(Math.Min(100, before.Priority - before.PriorityParts["wait"] + 15), after.Priority);
    }

    [Fact]
    public async Task Summary_AfterBreach_CountsBreachAndCompliance()
    {
        await using var db = database.CreateContext();
        var ws = await _h.NewWorkspaceAsync(db);
        var from = _h.Now;
        await _h.IngestAsync(db, ws.Id, PipelineHarness.Complaint("rep-1", handle: "a"), PipelineHarness.Complaint("rep-2", handle: "b"));
        await _h.DrainAsync(db);
        var answered = await db.Conversations.OrderBy(c => c.Id).FirstAsync(c => c.WorkspaceId == ws.Id);
        db.ReportingEvents.Add(answered.RecordResponse(_h.Now.AddMinutes(5))!);
        await db.SaveChangesAsync();
        _h.Time.Advance(TimeSpan.FromMinutes(90));
        await Sla().RunOnceAsync(db, default);

        var summary = await ReportBuilder.SummaryAsync(db, ws.Id, from, _h.Now.AddMinutes(1), default);

        Assert.Equal(2, summary.Total.ConversationsOpened);
        Assert.Equal(1, summary.Total.SlaBreaches);
        Assert.Equal(50.0, summary.Total.SlaCompliancePercent);
    }
}

public sealed class SqliteSlaServiceTests(SqliteTestDatabase database) : SlaServiceTests<SqliteTestDatabase>(database);

public sealed class PostgresSlaServiceTests(PostgresTestDatabase database) : SlaServiceTests<PostgresTestDatabase>(database);
