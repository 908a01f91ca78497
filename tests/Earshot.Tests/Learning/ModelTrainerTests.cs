using Earshot.Core.Ingestion;
using Earshot.Core.Learning;
using Earshot.Tests.Infrastructure;
using Earshot.Triage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Earshot.Tests.Learning;

/// <summary>Agents' corrections retrain the workspace's model, on SQLite and PostgreSQL.</summary>
public abstract class ModelTrainerTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase> where TDatabase : TestDatabase
{
    readonly PipelineHarness _h = new(database);

    async Task<long> CorrectAsync(Core.Data.EarshotDbContext db, long workspaceId, string text, bool actionable, string intent)
    {
        var result = await _h.IngestAsync(db, workspaceId, new PostDocument { Id = Guid.NewGuid().ToString("N"), Text = text });
        db.TriageCorrections.Add(new TriageCorrection
        {
            WorkspaceId = workspaceId, PostId = result.PostIds[0], Text = text, Actionable = actionable, Intent = intent, Actor = "agent:1", CreatedAt = _h.Now,
        });
        await db.SaveChangesAsync();
        return result.PostIds[0];
    }

    [Fact]
    public async Task Train_CorrectionsTheBuiltInModelGetsWrong_SwitchesToTheBetterModel()
    {
        await using var db = database.CreateContext();
        var ws = await _h.NewWorkspaceAsync(db);
        // A workspace whose customers report "the quibbler is grinding" (a fault) — words no general model knows.
        for (var i = 0; i < 20; i++)
        {
            await CorrectAsync(db, ws.Id, $"my quibbler unit {i} is grinding again and the flux panel went dark", true, "complaint");
            await CorrectAsync(db, ws.Id, $"saw a quibbler at the expo {i}, nice colours", false, "other");
        }
        var engines = new WorkspaceTriageEngines(TriageEngine.Default, _h.Time);
        var trainer = new ModelTrainer(engines, _h.Time, NullLogger<ModelTrainer>.Instance);

        var trained = await trainer.RunOnceAsync(db, default);

        var model = await db.WorkspaceModels.SingleAsync(m => m.WorkspaceId == ws.Id);
        Assert.Equal(1, trained);
        Assert.Equal(40, model.Corrections);
        Assert.True(model.Active);
        Assert.True(model.ActionableMacroF1 >= model.BaselineActionableMacroF1);
        Assert.True(model.ActionableMacroF1 > 0.9, model.Report);
        Assert.Contains("cross-validation", model.Report);
        var engine = await engines.GetAsync(db, ws.Id, default);
        Assert.NotSame(TriageEngine.Default, engine);
        Assert.True(engine.Classify(new TriageInput("the quibbler is grinding and the flux panel is dark"), BucketPolicy.Default).Actionable);
    }

    [Fact]
    public async Task RunOnce_TooFewCorrections_TrainsNothing()
    {
        await using var db = database.CreateContext();
        var ws = await _h.NewWorkspaceAsync(db);
        for (var i = 0; i < ModelTrainer.MinCorrections - 1; i++)
        {
            await CorrectAsync(db, ws.Id, $"post {i}", false, "other");
        }
        var trainer = new ModelTrainer(new WorkspaceTriageEngines(TriageEngine.Default, _h.Time), _h.Time, NullLogger<ModelTrainer>.Instance);

        await trainer.RunOnceAsync(db, default);

        Assert.False(await db.WorkspaceModels.AnyAsync(m => m.WorkspaceId == ws.Id));
    }

    [Fact]
    public async Task Pipeline_WorkspaceWithActiveModel_TriagesWithIt()
    {
        await using var db = database.CreateContext();
        var ws = await _h.NewWorkspaceAsync(db);
        for (var i = 0; i < 20; i++)
        {
            await CorrectAsync(db, ws.Id, $"my quibbler unit {i} is grinding again and the flux panel went dark", true, "complaint");
            await CorrectAsync(db, ws.Id, $"saw a quibbler at the expo {i}, nice colours", false, "other");
        }
        var engines = new WorkspaceTriageEngines(TriageEngine.Default, _h.Time);
        await new ModelTrainer(engines, _h.Time, NullLogger<ModelTrainer>.Instance).TrainAsync(db, ws.Id, default);
        await _h.DrainAsync(db);
        var ingested = await _h.IngestAsync(db, ws.Id, new PostDocument { Id = "fresh", Text = "quibbler grinding, flux panel dark" });

        await _h.DrainAsync(db);

        var post = await db.Posts.SingleAsync(p => p.Id == ingested.PostIds[0]);
        Assert.True(post.Actionable);
        Assert.Equal(Bucket.Care, post.Bucket);
    }
}

public sealed class SqliteModelTrainerTests(SqliteTestDatabase database) : ModelTrainerTests<SqliteTestDatabase>(database);

public sealed class PostgresModelTrainerTests(PostgresTestDatabase database) : ModelTrainerTests<PostgresTestDatabase>(database);
