using Earshot.Core.Channels;
using Earshot.Core.Channels.Mastodon;
using Earshot.Core.Conversations;
using Earshot.Core.Data;
using Earshot.Core.Ingestion;
using Earshot.Core.Replies;
using Earshot.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Earshot.Tests.Channels.Mastodon;

public sealed class MastodonReplyMediaSqliteTests() : MastodonReplyMediaTests(new SqliteTestDatabase());

public sealed class MastodonReplyMediaPostgresTests() : MastodonReplyMediaTests(new PostgresTestDatabase());

/// <summary>A reply stored with image attachments leaves through the outbox with the images uploaded and attached.</summary>
public abstract class MastodonReplyMediaTests(TestDatabase database) : IAsyncLifetime
{
    readonly PipelineHarness _harness = new(database);
    LocalHttpServer _server = null!;

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        _server = await LocalHttpServer.StartAsync();
        _server.Handler = async context =>
        {
            context.Response.ContentType = "application/json";
            switch (context.Request.Path.Value)
            {
                case "/files/form.png":
                    context.Response.ContentType = "image/png";
                    await context.Response.Body.WriteAsync(MediaFixtures.Png(1000));
                    return;
                case "/api/v2/media":
                    await context.Response.WriteAsync("""{"id":"22348641","type":"image","url":"https://files.example.test/1.png"}""");
                    return;
                case "/api/v1/statuses":
                    await context.Response.WriteAsync(MastodonFixtures.CreatedStatus);
                    return;
                default:
                    context.Response.StatusCode = 404;
                    await context.Response.WriteAsync("""{"error":"Record not found"}""");
                    return;
            }
        };
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await database.DisposeAsync();
    }

    async Task<Conversation> ConversationAsync(EarshotDbContext db, string connector)
    {
        var workspace = await _harness.NewWorkspaceAsync(db);
        var source = new Source
        {
            WorkspaceId = workspace.Id, Platform = "mastodon", Name = "Acme", Connector = connector, CreatedAt = _harness.Now,
            Settings = $$"""{"instance":"{{_server.BaseAddress}}","access_token":"tok"}""",
        };
        db.Sources.Add(source);
        await db.SaveChangesAsync();
        var post = PostNormalizer.Normalize(PipelineHarness.Complaint("109379883446771234") with { Platform = "mastodon" }, workspace.Id, source.Id, _harness.Now).Post!;
        await _harness.Ingestor().IngestAsync(db, [post], default);
        await _harness.DrainAsync(db);
        var conversationId = await db.Posts.IgnoreQueryFilters().Where(p => p.SourceId == source.Id).Select(p => p.ConversationId).SingleAsync();
        return await db.Conversations.IgnoreQueryFilters().SingleAsync(c => c.Id == conversationId);
    }

    async Task<Reply> SendAsync(EarshotDbContext db, Conversation conversation, IChannelConnector connector)
    {
        var attachments = new[] { new ReplyAttachment(new Uri(_server.BaseAddress, "files/form.png").ToString(), "The claim form") };
        var (reply, error) = await _harness.Replies().CreateAsync(db, conversation, "Here is the claim form", ReplyVisibility.Public, null, default, attachments: attachments);
        Assert.Null(error);
        await new ReplySender(database.Dialect, new ConnectorRegistry([connector]), _harness.Metrics, _harness.Time, NullLogger<ReplySender>.Instance).RunOnceAsync(db, default);
        return await db.Replies.IgnoreQueryFilters().AsNoTracking().SingleAsync(r => r.Id == reply!.Id);
    }

    [Fact]
    public async Task Reply_WithAnImageAddress_IsStoredThenUploadedAndAttached()
    {
        await using var db = database.CreateContext();
        var conversation = await ConversationAsync(db, MastodonConnector.ConnectorName);

        var reply = await SendAsync(db, conversation, new MastodonConnector(ChannelHttp.CreateClient(), _harness.Time));

        Assert.Equal(ReplyStatus.Sent, reply.Status);
        Assert.Equal("The claim form", Assert.Single(reply.Attachments!).Description);
        Assert.Equal(["/files/form.png", "/api/v2/media", "/api/v1/statuses"], _server.Requests.Select(r => r.PathAndQuery));
        var form = QueryHelpers.ParseQuery(_server.Requests.Last().Body);
        Assert.Equal("22348641", form["media_ids[]"].ToString());
        Assert.Equal("109379883446771234", form["in_reply_to_id"].ToString());
    }

    [Fact]
    public async Task Reply_WithImagesThroughAConnectorWithoutMedia_FailsSayingSoAndSendsNothing()
    {
        await using var db = database.CreateContext();
        var conversation = await ConversationAsync(db, "demo");

        var reply = await SendAsync(db, conversation, _harness.Connector);

        Assert.Equal(ReplyStatus.Failed, reply.Status);
        Assert.Equal("Replies through 'demo' cannot carry images; remove the attachments and send again.", reply.Error);
        Assert.Empty(_server.Requests);
    }
}
