using System.Text;
using Earshot.Core.Channels;
using Earshot.Core.Channels.Polling;
using Earshot.Core.Channels.X;
using Earshot.Core.Data;
using Earshot.Core.Replies;
using Earshot.Hosting;
using Earshot.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Earshot.Tests.Channels.X;

public sealed class XReplyPathSqliteTests() : XReplyPathTests(new SqliteTestDatabase());

public sealed class XReplyPathPostgresTests() : XReplyPathTests(new PostgresTestDatabase());

/// <summary>
/// The whole way with encrypted credentials: a tweet heard by the poller becomes a conversation, the agent's reply
/// leaves through the outbox as the exact POST /2/tweets X expects, and X's refusal lands on the reply row.
/// </summary>
public abstract class XReplyPathTests(TestDatabase database) : IAsyncLifetime
{
    const string Token = "x-plain-token-only-in-memory";
    readonly PipelineHarness _harness = new(database);
    readonly SourceCredentials _credentials = new(new DataProtectionSecretProtector(new EphemeralDataProtectionProvider()));
    LocalHttpServer _server = null!;
    (int Status, string Body) _postAnswer = (201, XFixtures.CreatedTweet);

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        _server = await LocalHttpServer.StartAsync();
        _server.Handler = async context =>
        {
            context.Response.ContentType = "application/json";
            if (context.Request.Headers.Authorization != $"Bearer {Token}")
            {
                context.Response.StatusCode = 401;
                await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(XFixtures.Unauthorized));
                return;
            }
            var (status, body) = context.Request.Method == "POST" ? _postAnswer : (200, XFixtures.SearchPage1);
            context.Response.StatusCode = status;
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(body));
        };
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await database.DisposeAsync();
    }

    ConnectorRegistry Registry() => new([new XConnector(ChannelHttp.CreateClient(), _harness.Time)]);

    async Task<Earshot.Core.Conversations.Conversation> HearComplaintAsync(EarshotDbContext db)
    {
        var workspace = await _harness.NewWorkspaceAsync(db);
        db.Sources.Add(new Source
        {
            WorkspaceId = workspace.Id, Platform = "x", Name = "Acme on X", Connector = XConnector.ConnectorName, CreatedAt = _harness.Now,
            Settings = _credentials.Protect($$"""{"api_base":"{{_server.BaseAddress}}","access_token":"{{Token}}","query":"@AcmeAir"}"""),
        });
        await db.SaveChangesAsync();
        await new SourcePoller(database.Dialect, Registry(), _harness.Ingestor(), _harness.Time, NullLogger<SourcePoller>.Instance, _credentials).RunOnceAsync(db, default);
        await _harness.DrainAsync(db);
        var conversationId = await db.Posts.IgnoreQueryFilters().Where(p => p.ExternalId == "1860000000000000300").Select(p => p.ConversationId).SingleAsync();
        return await db.Conversations.IgnoreQueryFilters().SingleAsync(c => c.Id == conversationId);
    }

    async Task<Reply> ReplyAsync(EarshotDbContext db, Earshot.Core.Conversations.Conversation conversation)
    {
        var (reply, error) = await _harness.Replies().CreateAsync(db, conversation, "So sorry, Jo. DM us your booking code?", ReplyVisibility.Public, null, default);
        Assert.Null(error);
        await new ReplySender(database.Dialect, Registry(), _harness.Metrics, _harness.Time, NullLogger<ReplySender>.Instance, _credentials).RunOnceAsync(db, default);
        return await db.Replies.IgnoreQueryFilters().AsNoTracking().SingleAsync(r => r.Id == reply!.Id);
    }

    [Fact]
    public async Task Reply_ToAHeardTweet_LeavesAsPost2TweetsInReplyToIt()
    {
        await using var db = database.CreateContext();
        var conversation = await HearComplaintAsync(db);

        var reply = await ReplyAsync(db, conversation);

        Assert.Equal(ReplyStatus.Sent, reply.Status);
        Assert.Equal("1860000000000000999", reply.ExternalId);
        var post = _server.Requests.Single(r => r.Method == "POST");
        Assert.Equal("/2/tweets", post.PathAndQuery);
        Assert.Equal("""{"text":"So sorry, Jo. DM us your booking code?","reply":{"in_reply_to_tweet_id":"1860000000000000300"}}""", post.Body);
        var stored = await db.Sources.IgnoreQueryFilters().Select(s => s.Settings).SingleAsync(s => s.Contains("api_base"));
        Assert.DoesNotContain(Token, stored);
    }

    [Fact]
    public async Task Reply_RefusedByX_FailsWithXsMessageOnTheReply()
    {
        await using var db = database.CreateContext();
        var conversation = await HearComplaintAsync(db);
        _postAnswer = (403, XFixtures.DuplicateContent);

        var reply = await ReplyAsync(db, conversation);

        Assert.Equal(ReplyStatus.Failed, reply.Status);
        Assert.Equal("X: Forbidden: You are not allowed to create a Tweet with duplicate content.", reply.Error);
    }
}
