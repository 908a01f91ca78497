using Earshot.Core.Channels;
using Earshot.Core.Routing;
using Earshot.Core.Sla;
using Earshot.Hosting;
using Earshot.Tests.Infrastructure;
using Earshot.Triage;
using Earshot.Ui.Admin;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Tests.Admin;

/// <summary>The admin forms that edit and delete (workflows, calendar, queues, agents, sources), on SQLite and PostgreSQL.</summary>
public abstract class AdminEditFormTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase> where TDatabase : TestDatabase
{
    readonly PipelineHarness _h = new(database);

    async Task<(Earshot.Core.Data.EarshotDbContext Db, long Workspace, long CareQueue)> ScopedAsync()
    {
        var db = database.CreateContext();
        var ws = await _h.NewWorkspaceAsync(db);
        db.WorkspaceScope = ws.Id;
        var care = await db.Queues.Where(q => q.IsDefault && q.Bucket == Bucket.Care).Select(q => q.Id).FirstAsync();
        return (db, ws.Id, care);
    }

    [Fact]
    public async Task WorkflowForm_UnknownRisk_IsTheApisMessageOnTheRisksField()
    {
        var (db, ws, care) = await ScopedAsync();
        await using var _ = db;

        var (rule, errors) = await new WorkflowForm { Name = "Lawyers", QueueId = care, Risks = "legal, lawsuit" }.SaveAsync(db, ws, null, _h.Now, default);

        Assert.Null(rule);
        var message = Assert.Single(errors.ByField[nameof(WorkflowForm.Risks)]);
        Assert.StartsWith("Value 2 must be one of", message);
        Assert.Contains("legal", message);
    }

    [Fact]
    public async Task WorkflowForm_SaveEditDelete_StoresConditionsAsTheApiDoes()
    {
        var (db, ws, care) = await ScopedAsync();
        await using var _ = db;
        var form = new WorkflowForm { Name = " Spanish VIP ", QueueId = care, Care = true, Languages = "ES, pt", ContactTiers = "gold", PriorityBoost = 15, RequiredSkills = "es:4" };

        var (added, none) = await form.SaveAsync(db, ws, null, _h.Now, default);
        var edit = WorkflowForm.From(added!);
        edit.Enabled = false;
        edit.Tags = "refunds";
        var (edited, _) = await edit.SaveAsync(db, ws, added!.Id, _h.Now, default);
        var deleted = await WorkflowForm.DeleteAsync(db, added.Id, default);
        var again = await WorkflowForm.DeleteAsync(db, added.Id, default);

        Assert.True(none.IsEmpty);
        Assert.Equal(("Spanish VIP", 10, 15, 4), (added.Name, added.Position, added.PriorityBoost, added.RequiredSkills["es"]));
        Assert.Equal(["care"], added.Conditions.Buckets);
        Assert.Equal(["es", "pt"], added.Conditions.Languages);
        Assert.Equal((false, 10), (edited!.Enabled, edited.Position));
        Assert.Equal(["refunds"], edited.Conditions.Tags);
        Assert.True(deleted);
        Assert.False(again);
    }

    [Fact]
    public async Task CalendarForm_BadTimeAndEmptyHoliday_AreErrorsOnTheirRows_ThenSaves()
    {
        var (db, ws, _) = await ScopedAsync();
        await using var __ = db;
        var form = new CalendarForm { TimeZone = "Europe/Madrid" };
        form.Days[0].Open = true;
        form.Days[0].Closes = "25:99";
        form.Holidays.Add(new CalendarForm.HolidayRow { Date = "2026-12-25" });
        form.Holidays.Add(new CalendarForm.HolidayRow());

        var empty = await form.SaveAsync(db, ws, default);
        form.Holidays[1].Date = "2027-01-01";
        var badTime = await form.SaveAsync(db, ws, default);
        form.Days[0].Closes = "18:00";
        form.Days[4].Open = true;
        var saved = await form.SaveAsync(db, ws, default);

        Assert.Equal("Choose a date, or remove this holiday.", empty[CalendarForm.HolidayField(1)]);
        Assert.Contains("HH:mm", badTime["Hours.Monday"]);
        Assert.Empty(saved);
        var calendar = (await db.Workspaces.AsNoTracking().SingleAsync(w => w.Id == ws)).Calendar;
        Assert.Equal("Europe/Madrid", calendar.TimeZoneId);
        Assert.Equal([new OpeningHours(DayOfWeek.Monday, TimeSpan.FromHours(9), TimeSpan.FromHours(18)), new OpeningHours(DayOfWeek.Friday, TimeSpan.FromHours(9), TimeSpan.FromHours(17))], calendar.Hours);
        Assert.Equal([new DateOnly(2026, 12, 25), new DateOnly(2027, 1, 1)], calendar.Holidays);
        Assert.Equal("2027-01-01", CalendarForm.From(calendar).Holidays[1].Date);
    }

    [Fact]
    public async Task CalendarForm_UnknownTimeZone_IsAnErrorOnTheTimeZone()
    {
        var (db, ws, _) = await ScopedAsync();
        await using var __ = db;

        var errors = await new CalendarForm { TimeZone = "Mars/Olympus" }.SaveAsync(db, ws, default);

        Assert.Equal("Unknown time zone 'Mars/Olympus'.", errors[CalendarForm.TimeZoneField]);
    }

    [Fact]
    public async Task QueueForm_EditWithOverflowToItself_IsAnErrorOnThatStep_DefaultQueueCannotBeDeletedButAnUnusedOneCan()
    {
        var (db, ws, care) = await ScopedAsync();
        await using var _ = db;
        var (queue, _) = await new QueueForm { Name = "Billing" }.SaveAsync(db, ws, null, _h.Now, default);
        var edit = QueueForm.From(queue!);
        edit.WrapUpSeconds = 60;
        edit.EscalationSteps.Add(new QueueForm.StepRow { AfterMinutes = 10, RaisePriorityBy = 5, OverflowQueueId = queue!.Id });

        var (refused, errors) = await edit.SaveAsync(db, ws, queue.Id, _h.Now, default);
        edit.EscalationSteps[0].OverflowQueueId = care;
        var (saved, _) = await edit.SaveAsync(db, ws, queue.Id, _h.Now, default);
        var defaultRefused = await QueueForm.DeleteAsync(db, care, default);
        var unreferenced = await QueueForm.DeleteAsync(db, queue.Id, default);

        Assert.Null(refused);
        Assert.Equal(["A queue cannot overflow to itself."], errors.ByField[QueueForm.StepField(0)]);
        Assert.Equal((60, care, 5), (saved!.WrapUpSeconds, saved.EscalationSteps.Single().OverflowQueueId, saved.EscalationSteps[0].RaisePriorityBy));
        Assert.Contains("default care queue", defaultRefused);
        Assert.Null(unreferenced);
        Assert.False(await db.Queues.AnyAsync(q => q.Id == queue.Id));
    }

    [Fact]
    public async Task AgentForm_Edit_ChangesSkillsAndQueuesKeepsPassword_DeleteRefusesYourself()
    {
        var (db, ws, care) = await ScopedAsync();
        await using var _ = db;
        var hasher = new PasswordHasher<object>();
        var (agent, _) = await new AgentForm { Name = "Lu", Email = "lu@example.test", Skills = "fr:5", Password = "long-enough" }.SaveAsync(db, ws, hasher, _h.Now, default);
        var hash = agent!.PasswordHash;
        var edit = AgentForm.From(agent);
        edit.Skills = "fr:3, billing:2";
        edit.SocialCapacity = 5;
        edit.QueueIds = [care];

        var (edited, errors) = await edit.SaveAsync(db, ws, agent.Id, hasher, _h.Now, default);
        var self = await AgentForm.DeleteAsync(db, agent.Id, agent.Id, default);
        var other = await AgentForm.DeleteAsync(db, agent.Id, 0, default);

        Assert.True(errors.IsEmpty);
        Assert.Equal((3, 2, 5, hash), (edited!.Skills["fr"], edited.Skills["billing"], edited.Capacity["social"], edited.PasswordHash));
        Assert.Equal("You cannot delete yourself.", self);
        Assert.Null(other);
        Assert.False(await db.Agents.AnyAsync(a => a.Id == agent.Id));
        Assert.False(await db.QueueMembers.AnyAsync(m => m.AgentId == agent.Id));
    }

    [Fact]
    public async Task SourceForm_Edit_ShowsSecretsMaskedAndKeepsThemWhenLeftMasked_PauseAndResume()
    {
        var (db, ws, _) = await ScopedAsync();
        await using var __ = db;
        var credentials = new SourceCredentials(new DataProtectionSecretProtector(new EphemeralDataProtectionProvider()));
        var connectors = new ConnectorRegistry([_h.Connector]);
        var (source, _) = await new SourceForm { Name = "Demo feed", Platform = "demo", Connector = _h.Connector.Name, Settings = """{"rate":2,"token":"s3cret"}""" }
            .SaveAsync(db, ws, connectors, credentials, _h.Now, default);

        var shown = SourceForm.From(source!);
        shown.Settings = shown.Settings.Replace("2", "5");
        var (edited, errors) = await shown.SaveAsync(db, ws, source!.Id, connectors, credentials, _h.Now, default);
        var paused = await SourceForm.SetPausedAsync(db, source.Id, paused: true, default);
        var status = await db.Sources.AsNoTracking().Where(s => s.Id == source.Id).Select(s => s.Status).SingleAsync();
        await SourceForm.SetPausedAsync(db, source.Id, paused: false, default);

        Assert.DoesNotContain("s3cret", shown.Settings);
        Assert.Contains(SourceCredentials.Mask, shown.Settings);
        Assert.True(errors.IsEmpty);
        Assert.DoesNotContain("s3cret", edited!.Settings);
        Assert.Equal("""{"rate":5,"token":"s3cret"}""", credentials.Reveal(edited.Settings));
        Assert.True(paused);
        Assert.Equal(SourceStatus.Paused, status);
        Assert.Equal(SourceStatus.Active, await db.Sources.AsNoTracking().Where(s => s.Id == source.Id).Select(s => s.Status).SingleAsync());
    }
}

public sealed class SqliteAdminEditFormTests(SqliteTestDatabase database) : AdminEditFormTests<SqliteTestDatabase>(database);

public sealed class PostgresAdminEditFormTests(PostgresTestDatabase database) : AdminEditFormTests<PostgresTestDatabase>(database);
