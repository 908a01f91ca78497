using System.Text;
using Earshot.Core.Channels;
using Earshot.Core.Channels.Polling;
using Earshot.Core.Channels.Reddit;
using Earshot.Core.Data;
using Earshot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Earshot.Tests.Channels.Reddit;

public sealed class RedditPollingSqliteTests() : RedditPollingTests(new SqliteTestDatabase());

public sealed class RedditPollingPostgresTests() : RedditPollingTests(new PostgresTestDatabase());

/// <summary>A Reddit source driven by the poller end to end: local server → stored posts, no repeats, rate-limit backoff.</summary>
public abstract class RedditPollingTests(TestDatabase database) : IAsyncLifetime
{
    readonly PipelineHarness _harness = new(database);
    LocalHttpServer _server = null!;
    string _listing = RedditFixtures.NewPage1;
    int _status = 200;

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        _server = await LocalHttpServer.StartAsync();
        _server.Handler = async context =>
        {
            context.Response.ContentType = "application/json";
            if (context.Request.Path == "/api/v1/access_token")
            {
                await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(RedditFixtures.Token));
                return;
            }
            context.Response.StatusCode = _status;
            context.Response.Headers["X-Ratelimit-Used"] = "3";
            context.Response.Headers["X-Ratelimit-Remaining"] = _status == 429 ? "0.0" : "597.0";
            context.Response.Headers["X-Ratelimit-Reset"] = "240";
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(_status == 429 ? RedditFixtures.TooMany : _listing));
        };
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await database.DisposeAsync();
    }

    SourcePoller Poller() => new(database.Dialect, new ConnectorRegistry([new RedditConnector(ChannelHttp.CreateClient(), _harness.Time)]),
        _harness.Ingestor(), _harness.Time, NullLogger<SourcePoller>.Instance);

    async Task<Source> NewSourceAsync(EarshotDbContext db)
    {
        var workspace = await _harness.NewWorkspaceAsync(db);
        var source = new Source
        {
            WorkspaceId = workspace.Id, Platform = "reddit", Name = "r/acmeair", Connector = RedditConnector.ConnectorName, CreatedAt = _harness.Now,
            Settings = $$"""{"auth_base":"{{_server.BaseAddress}}","api_base":"{{_server.BaseAddress}}","client_id":"id","client_secret":"s","subreddit":"acmeair"}""",
        };
        db.Sources.Add(source);
        await db.SaveChangesAsync();
        return source;
    }

    [Fact]
    public async Task Poll_SubredditNew_StoresPostsThenOnlyNewOnes()
    {
        await using var db = database.CreateContext();
        var source = await NewSourceAsync(db);

        await Poller().RunOnceAsync(db, default);
        _listing = RedditFixtures.CommentsListing.Replace("1763899200.0", "1763899300.0");
        _harness.Time.Advance(TimeSpan.FromMinutes(2));
        await Poller().RunOnceAsync(db, default);

        var ids = await db.Posts.IgnoreQueryFilters().Where(p => p.SourceId == source.Id).OrderBy(p => p.CreatedAt).Select(p => p.ExternalId).ToListAsync();
        Assert.Equal(["t3_1h2b000", "t3_1h2c333", "t1_lx9z001"], ids);
        var comment = await db.Posts.IgnoreQueryFilters().SingleAsync(p => p.ExternalId == "t1_lx9z001");
        Assert.Equal("t3_1h2c333", comment.InReplyToExternalId);
    }

    [Fact]
    public async Task Poll_429_BacksOffForRatelimitResetSeconds()
    {
        await using var db = database.CreateContext();
        var source = await NewSourceAsync(db);
        _status = 429;

        await Poller().RunOnceAsync(db, default);

        var failing = await db.Sources.IgnoreQueryFilters().AsNoTracking().SingleAsync(s => s.Id == source.Id);
        Assert.Equal(SourceStatus.Failing, failing.Status);
        Assert.Equal(_harness.Now.AddSeconds(240), failing.LeaseUntil);
        Assert.Contains("429", failing.LastError);
    }
}
