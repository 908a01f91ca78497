using Earshot.Core.Contacts;
using Earshot.Core.Conversations;
using Earshot.Core.Data;
using Earshot.Core.Ingestion;
using Earshot.Core.Replies;
using Earshot.Core.Reporting;
using Earshot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Tests.Conversations;

public sealed class CrossMediaSqliteTests() : CrossMediaTests(new SqliteTestDatabase());

public sealed class CrossMediaPostgresTests() : CrossMediaTests(new PostgresTestDatabase());

/// <summary>Reposts and cross-posts linked instead of queued twice; a conversation taken private stays one conversation.</summary>
public abstract class CrossMediaTests(TestDatabase database) : IAsyncLifetime
{
    const string Complaint = "@acmeair lost my bag again on AC123, third time this year!! #fail";
    readonly PipelineHarness _harness = new(database);

    public Task InitializeAsync() => database.InitializeAsync();
    public Task DisposeAsync() => database.DisposeAsync();

    static PostDocument Post(string id, string platform, string handle, string text, bool? isPrivate = null, string? repostOf = null) =>
        new() { Id = id, Platform = platform, Text = text, Private = isPrivate, RepostOf = repostOf, Author = new PostAuthor { Handle = handle, Followers = 300 } };

    async Task<long> ContactWithHandlesAsync(EarshotDbContext db, long workspaceId, string handles)
    {
        var outcome = await ContactImport.UpsertAsync(db, workspaceId, [new ContactRecord("C-1", "Jo", null, "gold", 5000, ContactRecord.ParseHandles(handles).Handles)], _harness.Now, default);
        return outcome.Single().ContactId;
    }

    async Task<Dictionary<string, Post>> PostsAsync(EarshotDbContext db, long workspaceId) =>
        await db.Posts.IgnoreQueryFilters().AsNoTracking().Where(p => p.WorkspaceId == workspaceId).ToDictionaryAsync(p => p.ExternalId);

    async Task<int> OpenedEventsAsync(EarshotDbContext db, long workspaceId) =>
        await db.ReportingEvents.IgnoreQueryFilters().CountAsync(e => e.WorkspaceId == workspaceId
            && (e.Kind == ReportingEventKind.ConversationOpened || e.Kind == ReportingEventKind.ConversationReopened));

    [Fact]
    public async Task Retweets_OfAComplaint_AreLinkedToItAndNotQueuedAgain()
    {
        await using var db = database.CreateContext();
        var ws = await _harness.NewWorkspaceAsync(db);
        await _harness.IngestAsync(db, ws.Id, Post("t1", "x", "jo", Complaint));
        await _harness.DrainAsync(db);
        var priority = (await db.Conversations.IgnoreQueryFilters().AsNoTracking().SingleAsync(c => c.WorkspaceId == ws.Id)).Priority;
        await _harness.IngestAsync(db, ws.Id,
            Post("t2", "x", "fan1", "RT @jo: " + Complaint),
            Post("t3", "x", "fan2", "@acmeair lost my bag again on AC123, third time this year!! #fail", repostOf: "t1"));

        await _harness.DrainAsync(db);

        var posts = await PostsAsync(db, ws.Id);
        Assert.Equal(posts["t1"].Id, posts["t2"].DuplicateOfPostId);
        Assert.Equal(posts["t1"].Id, posts["t3"].DuplicateOfPostId);
        Assert.Equal(posts["t1"].ConversationId, posts["t2"].ConversationId);
        Assert.Equal(posts["t1"].ConversationId, posts["t3"].ConversationId);
        Assert.Equal(1, await db.Conversations.IgnoreQueryFilters().CountAsync(c => c.WorkspaceId == ws.Id));
        Assert.Equal(1, await OpenedEventsAsync(db, ws.Id));
        Assert.Equal(priority, (await db.Conversations.IgnoreQueryFilters().AsNoTracking().SingleAsync(c => c.WorkspaceId == ws.Id)).Priority);
    }

    [Fact]
    public async Task SameTextCrossPosted_BySameContactOnAnotherNetwork_IsLinkedNotQueuedTwice()
    {
        await using var db = database.CreateContext();
        var ws = await _harness.NewWorkspaceAsync(db);
        await ContactWithHandlesAsync(db, ws.Id, "x:@jo;mastodon:@jo@m.social");
        await _harness.IngestAsync(db, ws.Id, Post("x1", "x", "jo", Complaint));
        await _harness.DrainAsync(db);

        await _harness.IngestAsync(db, ws.Id, Post("m1", "mastodon", "jo@m.social", "@acmeair@social.example Lost my bag again on AC123 -- third time this year! #fail https://example.test/pic"));
        await _harness.DrainAsync(db);

        var posts = await PostsAsync(db, ws.Id);
        Assert.Equal(posts["x1"].Id, posts["m1"].DuplicateOfPostId);
        Assert.Equal(posts["x1"].ConversationId, posts["m1"].ConversationId);
        Assert.Equal(1, await OpenedEventsAsync(db, ws.Id));
    }

    [Fact]
    public async Task SameText_FromSomeoneElse_IsItsOwnConversation()
    {
        await using var db = database.CreateContext();
        var ws = await _harness.NewWorkspaceAsync(db);
        await _harness.IngestAsync(db, ws.Id, Post("a1", "x", "jo", Complaint), Post("a2", "x", "sam", Complaint));

        await _harness.DrainAsync(db);

        var posts = await PostsAsync(db, ws.Id);
        Assert.Null(posts["a2"].DuplicateOfPostId);
        Assert.NotEqual(posts["a1"].ConversationId, posts["a2"].ConversationId);
        Assert.Equal(2, await OpenedEventsAsync(db, ws.Id));
    }

    [Fact]
    public async Task TakenPrivate_MessageFromAnotherIdentityOfTheContact_JoinsTheOpenConversationMarkedPrivate()
    {
        await using var db = database.CreateContext();
        var ws = await _harness.NewWorkspaceAsync(db);
        await ContactWithHandlesAsync(db, ws.Id, "x:@jo;email:jo@customer.test");
        await _harness.IngestAsync(db, ws.Id, Post("pub1", "x", "jo", Complaint));
        await _harness.DrainAsync(db);

        await _harness.IngestAsync(db, ws.Id, Post("mail-1@customer.test", "email", "jo@customer.test", "Booking ref QX7P2: here are my details for the lost bag."));
        await _harness.DrainAsync(db);

        var posts = await PostsAsync(db, ws.Id);
        Assert.Equal(posts["pub1"].ConversationId, posts["mail-1@customer.test"].ConversationId);
        Assert.False(posts["pub1"].Private);
        Assert.True(posts["mail-1@customer.test"].Private);
        Assert.Null(posts["mail-1@customer.test"].DuplicateOfPostId);
        Assert.Equal(1, await db.Conversations.IgnoreQueryFilters().CountAsync(c => c.WorkspaceId == ws.Id));

        // A private reply answers the private item, so it goes out by e-mail, not as a public post.
        var conversation = await db.Conversations.IgnoreQueryFilters().SingleAsync(c => c.WorkspaceId == ws.Id);
        var (reply, _) = await _harness.Replies().CreateAsync(db, conversation, "We have your bag.", ReplyVisibility.Private, null, default);
        Assert.Equal("mail-1@customer.test", reply!.InReplyToExternalId);
    }

    [Fact]
    public async Task PublicPost_FromAnotherIdentityOfTheContact_DoesNotJoin()
    {
        await using var db = database.CreateContext();
        var ws = await _harness.NewWorkspaceAsync(db);
        await ContactWithHandlesAsync(db, ws.Id, "x:@jo;mastodon:@jo@m.social");
        await _harness.IngestAsync(db, ws.Id, Post("pub1", "x", "jo", Complaint));
        await _harness.DrainAsync(db);

        await _harness.IngestAsync(db, ws.Id, Post("m9", "mastodon", "jo@m.social", "@acmeair and now my refund for the seat upgrade is missing, awful service"));
        await _harness.DrainAsync(db);

        var posts = await PostsAsync(db, ws.Id);
        Assert.NotEqual(posts["pub1"].ConversationId, posts["m9"].ConversationId);
    }
}
