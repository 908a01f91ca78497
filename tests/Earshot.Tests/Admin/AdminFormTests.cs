using System.ComponentModel.DataAnnotations;
using Earshot.Core.Listening;
using Earshot.Core.Supervision;
using Earshot.Core.Workspaces;
using Earshot.Tests.Infrastructure;
using Earshot.Ui.Admin;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Earshot.Tests.Admin;

/// <summary>The admin forms' validation and saving, on SQLite and on PostgreSQL.</summary>
public abstract class AdminFormTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase> where TDatabase : TestDatabase
{
    readonly PipelineHarness _h = new(database);

    static Dictionary<string, string> Validate(object form)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(form, new ValidationContext(form), results, validateAllProperties: true);
        return results.SelectMany(r => r.MemberNames.Select(m => (m, r.ErrorMessage!))).ToDictionary(x => x.m, x => x.Item2);
    }

    [Fact]
    public void QueueForm_BadValues_AreReportedAgainstTheirFields()
    {
        var form = new QueueForm { Name = "", OfferTimeoutSeconds = 2, RequiredSkills = "es:9, billing" };

        var errors = Validate(form);

        Assert.Equal("Give the queue a name.", errors[nameof(QueueForm.Name)]);
        Assert.Equal("Between 5 and 3600 seconds.", errors[nameof(QueueForm.OfferTimeoutSeconds)]);
        Assert.Contains("es:9", errors[nameof(QueueForm.RequiredSkills)]);
    }

    [Fact]
    public async Task QueueForm_Save_StoresQueueAndRefusesADuplicateNameOnTheNameField()
    {
        await using var db = database.CreateContext();
        var ws = await _h.NewWorkspaceAsync(db);
        var form = new QueueForm { Name = " Spanish ", RequiredSkills = "ES:4, billing:2", StickyWindowHours = 2 };

        var (queue, errors) = await form.SaveAsync(db, ws.Id, null, _h.Now, default);
        var (again, duplicate) = await form.SaveAsync(db, ws.Id, null, _h.Now, default);

        Assert.True(errors.IsEmpty);
        Assert.Equal(("Spanish", 7200, 4), (queue!.Name, queue.StickyWindowSeconds, queue.RequiredSkills["es"]));
        Assert.Null(again);
        Assert.Equal(["A queue named 'Spanish' already exists."], duplicate.ByField[nameof(QueueForm.Name)]);
    }

    [Fact]
    public async Task AgentForm_Save_RefusesAnEmailAlreadyInUse()
    {
        await using var db = database.CreateContext();
        var ws = await _h.NewWorkspaceAsync(db);
        var hasher = new PasswordHasher<object>();
        var form = new AgentForm { Name = "Lu", Email = "lu@example.test", Skills = "fr:5", Password = "long-enough" };

        var (agent, _) = await form.SaveAsync(db, ws.Id, hasher, _h.Now, default);
        var (_, errors) = await new AgentForm { Name = "Other Lu", Email = "LU@example.test" }.SaveAsync(db, ws.Id, hasher, _h.Now, default);

        Assert.Equal(5, agent!.Skills["fr"]);
        Assert.NotNull(agent.PasswordHash);
        Assert.Contains("already exists", errors.ByField[nameof(AgentForm.Email)].Single());
    }

    [Fact]
    public void RuleForm_QueryThatDoesNotParse_IsAnErrorOnTheQueryField()
    {
        var errors = Validate(new RuleForm { Name = "Brand", Query = "acme AND (" });

        Assert.True(errors.ContainsKey(nameof(RuleForm.Query)));
        Assert.False(errors.ContainsKey(nameof(RuleForm.Name)));
    }

    [Fact]
    public async Task ApiKeyForm_Create_ShowsTheSecretOnceAndStoresOnlyItsHash_RevokeStopsIt()
    {
        await using var db = database.CreateContext();
        var ws = await _h.NewWorkspaceAsync(db);

        var (key, secret) = await new ApiKeyForm { Name = "CRM sync" }.CreateAsync(db, ws.Id, _h.Now, default);
        var revoked = await ApiKeyForm.RevokeAsync(db, ws.Id, key.Id, _h.Now, default);
        var again = await ApiKeyForm.RevokeAsync(db, ws.Id, key.Id, _h.Now, default);

        var stored = await db.ApiKeys.AsNoTracking().SingleAsync(k => k.Id == key.Id);
        Assert.StartsWith("esk_", secret);
        Assert.Equal(ApiKey.HashOf(secret), stored.Hash);
        Assert.DoesNotContain(secret, stored.Hash + stored.Prefix + stored.Name);
        Assert.True(revoked);
        Assert.False(again);
        Assert.NotNull(stored.RevokedAt);
    }

    [Fact]
    public async Task RuleForm_Save_TagsFromTheNameAndRulePreviewFindsMatchingPosts()
    {
        await using var db = database.CreateContext();
        var seed = await ConsoleSeed.NewAsync(db, _h);
        await seed.PostAsync("flying acme air today", _h.Now);
        await seed.PostAsync("nothing to see", _h.Now);
        db.WorkspaceScope = seed.Workspace.Id;

        var (rule, _) = await new RuleForm { Name = "Acme Air", Query = "\"acme air\"" }
            .SaveAsync(db, seed.Workspace.Id, new ListeningRuleCache(_h.Time, NullLogger<ListeningRuleCache>.Instance), _h.Now, default);
        var (scanned, matches) = await RulePreview.RunAsync(db, Earshot.Triage.Listening.RuleQuery.Parse(rule!.Query), 100, default);

        Assert.Equal("acme-air", rule.Tag);
        Assert.Equal(2, scanned);
        Assert.Equal("flying acme air today", Assert.Single(matches).Text);
    }

    [Fact]
    public async Task SourceHealth_CountsRecentPostsAndSaysWhichSourcesFail()
    {
        await using var db = database.CreateContext();
        var seed = await ConsoleSeed.NewAsync(db, _h);
        await seed.PostAsync("recent", _h.Now.AddHours(-1));
        await seed.PostAsync("old", _h.Now.AddDays(-3));
        var import = await WorkspaceProvisioner.SourceAsync(db, seed.Workspace.Id, WorkspaceProvisioner.ImportSourceName, default);
        import.ConsecutiveFailures = 2;
        import.LastError = "timeout";
        await db.SaveChangesAsync();

        var health = await SourceHealth.ReadAsync(db, seed.Workspace.Id, _h.Now, default);

        var api = health.Single(s => s.Name == WorkspaceProvisioner.ApiSourceName);
        Assert.Equal((1, _h.Now.AddHours(-1), "ok"), (api.PostsLast24Hours, api.LastPostAt, api.Verdict));
        Assert.Equal(("failing", "timeout"), (health.Single(s => s.Name == WorkspaceProvisioner.ImportSourceName).Verdict, import.LastError));
    }
}

public sealed class SqliteAdminFormTests(SqliteTestDatabase database) : AdminFormTests<SqliteTestDatabase>(database);

public sealed class PostgresAdminFormTests(PostgresTestDatabase database) : AdminFormTests<PostgresTestDatabase>(database);
