using Earshot.Core.Ingestion;
using Earshot.Core.Learning;
using Earshot.Tests.Infrastructure;
using Earshot.Triage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Earshot.Tests.Learning;

/// <summary>Agents correct a post's sentiment; the post changes at once and the workspace's model learns it. SQLite and PostgreSQL.</summary>
public abstract class SentimentCorrectionTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase> where TDatabase : TestDatabase
{
    readonly PipelineHarness _h = new(database);

    [Fact]
    public async Task Correct_Sentiment_MovesThePostToThatSideAndRecordsTheLabel()
    {
        await using var db = database.CreateContext();
        var ws = await _h.NewWorkspaceAsync(db);
        var ingested = await _h.IngestAsync(db, ws.Id, new PostDocument { Id = "calm", Text = "the quibbler hums again" });
        await _h.DrainAsync(db);
        var post = await db.Posts.SingleAsync(p => p.Id == ingested.PostIds[0]);
        var corrector = new TriageCorrector(_h.Signals, _h.Time);

        var correction = await corrector.CorrectAsync(db, post, null, null, null, "negative", "agent:7", default);

        var stored = await db.Posts.AsNoTracking().SingleAsync(p => p.Id == post.Id);
        Assert.True(stored.SentimentCompound <= -0.05);
        Assert.Contains(stored.Reasons, r => r.Decision == "corrected");
        Assert.Equal("negative", (await db.TriageCorrections.AsNoTracking().SingleAsync(c => c.Id == correction.Id)).Sentiment);
        await Assert.ThrowsAsync<ArgumentException>(() => corrector.CorrectAsync(db, post, null, null, null, "angry", "agent:7", default));
    }

    [Fact]
    public async Task Train_SentimentCorrections_TeachTheSentimentOfWordsTheLexiconDoesNotKnow()
    {
        await using var db = database.CreateContext();
        var ws = await _h.NewWorkspaceAsync(db);
        var corrector = new TriageCorrector(_h.Signals, _h.Time);
        // In this workspace a quibbler that hums is broken and one that stays silent works: no lexicon knows that.
        for (var i = 0; i < 20; i++)
        {
            foreach (var (text, label) in new[] { ($"quibbler unit {i} hums again", "negative"), ($"quibbler unit {i} stays silent now", "positive") })
            {
                var ingested = await _h.IngestAsync(db, ws.Id, new PostDocument { Id = Guid.NewGuid().ToString("N"), Text = text });
                var post = await db.Posts.SingleAsync(p => p.Id == ingested.PostIds[0]);
                await corrector.CorrectAsync(db, post, null, null, null, label, "agent:7", default);
            }
        }
        var engines = new WorkspaceTriageEngines(TriageEngine.Default, _h.Time);
        var before = TriageEngine.Default.Classify(new TriageInput("my quibbler hums"), BucketPolicy.Default).Sentiment.Compound;

        var model = await new ModelTrainer(engines, _h.Time, NullLogger<ModelTrainer>.Instance).TrainAsync(db, ws.Id, default);

        var after = (await engines.GetAsync(db, ws.Id, default)).Classify(new TriageInput("my quibbler hums"), BucketPolicy.Default).Sentiment.Compound;
        Assert.True(model.Active, model.Report);
        Assert.True(before > -0.05, $"the lexicon alone already reads it as negative ({before})");
        Assert.True(after <= -0.05, $"after training: {after}\n{model.Report}");
    }

    [Fact]
    public async Task Correct_NegativeSentiment_RaisesTheConversationsPriority_SoItMovesUpTheInbox()
    {
        await using var db = database.CreateContext();
        var seed = await ConsoleSeed.NewAsync(db, _h);
        var calm = await seed.ConversationAsync(Earshot.Core.Conversations.ConversationStatus.Open, _h.Now);
        var other = await seed.ConversationAsync(Earshot.Core.Conversations.ConversationStatus.Open, _h.Now);
        calm.Priority = 10;
        calm.PriorityParts = new() { ["sentiment"] = 0, ["intent"] = 10 };
        other.Priority = 12;
        other.PriorityParts = new() { ["sentiment"] = 0, ["intent"] = 12 };
        var post = await seed.PostAsync("the quibbler hums again", _h.Now, sentiment: 0.3, conversation: calm);
        post.Priority = 10;
        post.PriorityParts = new() { ["sentiment"] = 0, ["intent"] = 10 };
        await db.SaveChangesAsync();

        await new TriageCorrector(_h.Signals, _h.Time).CorrectAsync(db, post, null, null, null, "negative", "agent:7", default);

        var inbox = await db.Conversations.IgnoreQueryFilters().AsNoTracking().Where(c => c.Id == calm.Id || c.Id == other.Id)
            .OrderByDescending(c => c.Priority).ToListAsync();
        Assert.Equal([calm.Id, other.Id], inbox.Select(c => c.Id));
        Assert.Equal((23, 13), (inbox[0].Priority, inbox[0].PriorityParts["sentiment"]));
        Assert.Equal(23, (await db.Posts.AsNoTracking().SingleAsync(p => p.Id == post.Id)).Priority);
    }
}

public sealed class SqliteSentimentCorrectionTests(SqliteTestDatabase database) : SentimentCorrectionTests<SqliteTestDatabase>(database);

public sealed class PostgresSentimentCorrectionTests(PostgresTestDatabase database) : SentimentCorrectionTests<PostgresTestDatabase>(database);
