using Earshot.Core.Conversations;
using Earshot.Core.Ingestion;
using Earshot.Core.Listening;
using Earshot.Core.Reporting;
using Earshot.Tests.Infrastructure;
using Earshot.Triage;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Tests.Pipeline;

/// <summary>Ingest → listen → triage → bucket → thread, on SQLite and on PostgreSQL.</summary>
public abstract class PipelineTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase> where TDatabase : TestDatabase
{
    readonly PipelineHarness _h = new(database);

    [Fact]
    public async Task Ingest_SamePostTwice_IsStoredOnce()
    {
        await using var db = database.CreateContext();
        var ws = await _h.NewWorkspaceAsync(db);

        var first = await _h.IngestAsync(db, ws.Id, PipelineHarness.Complaint("dup-1"), PipelineHarness.Complaint("dup-1"));
        var second = await _h.IngestAsync(db, ws.Id, PipelineHarness.Complaint("dup-1"));

        Assert.Equal((1, 1), (first.Accepted, first.Duplicates));
        Assert.Equal((0, 1), (second.Accepted, second.Duplicates));
        Assert.Equal(1, await db.Posts.CountAsync(p => p.WorkspaceId == ws.Id));
    }

    [Fact]
    public async Task Pipeline_CareComplaint_OpensConversationInCareQueueWithPriorityParts()
    {
        await using var db = database.CreateContext();
        var ws = await _h.NewWorkspaceAsync(db);
        await _h.IngestAsync(db, ws.Id, PipelineHarness.Complaint("c-1"));

        await _h.DrainAsync(db);

        var post = await db.Posts.SingleAsync(p => p.WorkspaceId == ws.Id);
        var conversation = await db.Conversations.SingleAsync(c => c.WorkspaceId == ws.Id);
        var careQueue = await db.Queues.SingleAsync(q => q.WorkspaceId == ws.Id && q.Name == "Care");
        Assert.Equal((PostStatus.Processed, Bucket.Care, Intent.Complaint), (post.Status, post.Bucket, post.Intent));
        Assert.Equal(conversation.Id, post.ConversationId);
        Assert.Equal((ConversationStatus.Open, careQueue.Id), (conversation.Status, conversation.QueueId));
        Assert.Equal(conversation.Priority, conversation.PriorityParts.Values.Sum());
        Assert.True(conversation.PriorityParts["intent"] > 0);
        Assert.NotNull(conversation.FirstResponseDueAt);
        Assert.Equal(1, await db.ReportingEvents.CountAsync(e => e.WorkspaceId == ws.Id && e.Kind == ReportingEventKind.ConversationOpened));
    }

    [Fact]
    public async Task Pipeline_NoisePost_StaysInAnalyticsWithoutConversation()
    {
        await using var db = database.CreateContext();
        var ws = await _h.NewWorkspaceAsync(db);
        await _h.IngestAsync(db, ws.Id, new PostDocument { Id = "n-1", Platform = "x", Text = "Watching planes at the airport today" });

        await _h.DrainAsync(db);

        var post = await db.Posts.SingleAsync(p => p.WorkspaceId == ws.Id);
        Assert.Equal(Bucket.Analytics, post.Bucket);
        Assert.Null(post.ConversationId);
        Assert.False(await db.Conversations.AnyAsync(c => c.WorkspaceId == ws.Id));
    }

    [Fact]
    public async Task Pipeline_ReplyToEarlierPost_JoinsItsConversation()
    {
        await using var db = database.CreateContext();
        var ws = await _h.NewWorkspaceAsync(db);
        await _h.IngestAsync(db, ws.Id, PipelineHarness.Complaint("r-1", "ana"));
        await _h.DrainAsync(db);

        await _h.IngestAsync(db, ws.Id, new PostDocument { Id = "r-2", Platform = "x", Text = "thanks, any news?", InReplyTo = "r-1", Author = new PostAuthor { Handle = "someone_else" } });
        await _h.DrainAsync(db);

        var posts = await db.Posts.Where(p => p.WorkspaceId == ws.Id).OrderBy(p => p.Id).ToListAsync();
        Assert.Equal(posts[0].ConversationId, posts[1].ConversationId);
        Assert.Equal(1, await db.Conversations.CountAsync(c => c.WorkspaceId == ws.Id));
    }

    [Fact]
    public async Task Pipeline_SameAuthorWithinWindow_JoinsOpenConversation()
    {
        await using var db = database.CreateContext();
        var ws = await _h.NewWorkspaceAsync(db);
        await _h.IngestAsync(db, ws.Id, PipelineHarness.Complaint("w-1", "bo"));
        await _h.DrainAsync(db);
        _h.Time.Advance(TimeSpan.FromMinutes(30));

        await _h.IngestAsync(db, ws.Id, PipelineHarness.Complaint("w-2", "bo", text: "@acmeair still waiting for my refund, terrible"));
        await _h.DrainAsync(db);

        Assert.Equal(1, await db.Conversations.CountAsync(c => c.WorkspaceId == ws.Id));
        Assert.Equal(2, await db.Posts.CountAsync(p => p.WorkspaceId == ws.Id && p.ConversationId != null));
    }

    [Fact]
    public async Task Pipeline_MatchingListeningRule_TagsThePost()
    {
        await using var db = database.CreateContext();
        var ws = await _h.NewWorkspaceAsync(db);
        db.ListeningRules.Add(new ListeningRule { WorkspaceId = ws.Id, Name = "Brand", Query = "@acmeair OR \"acme air\"", Tag = "brand", CreatedAt = _h.Now });
        db.ListeningRules.Add(new ListeningRule { WorkspaceId = ws.Id, Name = "Jobs", Query = "hiring", Tag = "jobs", CreatedAt = _h.Now });
        await db.SaveChangesAsync();
        await _h.IngestAsync(db, ws.Id, PipelineHarness.Complaint("t-1"));

        await _h.DrainAsync(db);

        var post = await db.Posts.SingleAsync(p => p.WorkspaceId == ws.Id);
        Assert.Equal("brand", post.Tags);
    }

    [Fact]
    public async Task Pipeline_LeaseOfCrashedNode_IsTakenOverAfterExpiry_AndTriagedOnce()
    {
        await using var db = database.CreateContext();
        var ws = await _h.NewWorkspaceAsync(db);
        await _h.IngestAsync(db, ws.Id, PipelineHarness.Complaint("l-1"), PipelineHarness.Complaint("l-2", "other"));
        // A node claims the posts and dies before writing its result.
        await database.Dialect.ClaimAsync(db, "posts", "status = 'Received'", "crashed-node", _h.Now, _h.Now.AddSeconds(30), 100, default);

        var whileLeased = await _h.Pipeline().RunOnceAsync(db, default);
        _h.Time.Advance(TimeSpan.FromSeconds(31));
        var afterExpiry = await _h.DrainAsync(db);

        Assert.Equal(0, whileLeased);
        Assert.Equal(2, afterExpiry);
        Assert.Equal(2, await db.Posts.CountAsync(p => p.WorkspaceId == ws.Id && p.Status == PostStatus.Processed));
        Assert.Equal(2, await db.ReportingEvents.CountAsync(e => e.WorkspaceId == ws.Id && e.Kind == ReportingEventKind.ConversationOpened));
    }

    [Fact]
    public async Task Pipeline_TwoNodesAtOnce_ProcessEveryPostExactlyOnce()
    {
        await using var setup = database.CreateContext();
        var ws = await _h.NewWorkspaceAsync(setup);
        var docs = Enumerable.Range(0, 600).Select(i => PipelineHarness.Complaint($"p-{i}", $"author{i}")).ToArray();
        await _h.IngestAsync(setup, ws.Id, docs);

        var nodes = Enumerable.Range(0, 2).Select(async _ =>
        {
            await using var db = database.CreateContext();
            var pipeline = _h.Pipeline();
            int total = 0, n;
            while ((n = await pipeline.RunOnceAsync(db, default)) > 0 || await db.Posts.AnyAsync(p => p.WorkspaceId == ws.Id && p.Status == PostStatus.Received))
            {
                total += n;
            }
            return total;
        }).ToList();
        var processed = await Task.WhenAll(nodes);

        Assert.Equal(600, processed.Sum());
        Assert.Equal(600, await setup.ReportingEvents.CountAsync(e => e.WorkspaceId == ws.Id && e.Kind == ReportingEventKind.ConversationOpened));
        Assert.Equal(600, await setup.Conversations.CountAsync(c => c.WorkspaceId == ws.Id));
    }

    [Fact]
    public async Task WorkspaceScope_HidesOtherWorkspacesRows()
    {
        await using var db = database.CreateContext();
        var mine = await _h.NewWorkspaceAsync(db);
        var theirs = await _h.NewWorkspaceAsync(db);
        await _h.IngestAsync(db, mine.Id, PipelineHarness.Complaint("s-1"));
        await _h.IngestAsync(db, theirs.Id, PipelineHarness.Complaint("s-2"));

        await using var scoped = database.CreateContext();
        scoped.WorkspaceScope = mine.Id;

        Assert.Equal(["s-1"], await scoped.Posts.Where(p => p.ExternalId.StartsWith("s-")).Select(p => p.ExternalId).ToListAsync());
        Assert.Equal(2, await scoped.Queues.CountAsync());
    }
}

public sealed class SqlitePipelineTests(SqliteTestDatabase database) : PipelineTests<SqliteTestDatabase>(database);

public sealed class PostgresPipelineTests(PostgresTestDatabase database) : PipelineTests<PostgresTestDatabase>(database);
