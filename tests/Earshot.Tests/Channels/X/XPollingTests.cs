using System.Text;
using Earshot.Core.Channels;
using Earshot.Core.Channels.Polling;
using Earshot.Core.Channels.X;
using Earshot.Core.Data;
using Earshot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Earshot.Tests.Channels.X;

public sealed class XPollingSqliteTests() : XPollingTests(new SqliteTestDatabase());

public sealed class XPollingPostgresTests() : XPollingTests(new PostgresTestDatabase());

/// <summary>An X source driven by the poller end to end: local server → stored posts, cursor, rate-limit backoff.</summary>
public abstract class XPollingTests(TestDatabase database) : IAsyncLifetime
{
    readonly PipelineHarness _harness = new(database);
    LocalHttpServer _server = null!;

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        _server = await LocalHttpServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await database.DisposeAsync();
    }

    SourcePoller Poller() => new(database.Dialect, new ConnectorRegistry([new XConnector(ChannelHttp.CreateClient(), _harness.Time)]),
        _harness.Ingestor(), _harness.Time, NullLogger<SourcePoller>.Instance);

    async Task<Source> NewSourceAsync(EarshotDbContext db)
    {
        var workspace = await _harness.NewWorkspaceAsync(db);
        var source = new Source
        {
            WorkspaceId = workspace.Id, Platform = "x", Name = "Acme on X", Connector = XConnector.ConnectorName, CreatedAt = _harness.Now,
            Settings = $$"""{"api_base":"{{_server.BaseAddress}}","access_token":"t","query":"@AcmeAir"}""",
        };
        db.Sources.Add(source);
        await db.SaveChangesAsync();
        return source;
    }

    void Serve(string json, int status = 200, long? resetEpoch = null) =>
        _server.Handler = async context =>
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            if (resetEpoch is { } reset)
            {
                context.Response.Headers["x-rate-limit-remaining"] = "0";
                context.Response.Headers["x-rate-limit-reset"] = reset.ToString();
            }
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(json));
        };

    [Fact]
    public async Task Poll_RecentSearch_StoresTweetsOnceAndResumesFromNewestId()
    {
        await using var db = database.CreateContext();
        var source = await NewSourceAsync(db);
        Serve(XFixtures.SearchPage1);

        await Poller().RunOnceAsync(db, default);
        _harness.Time.Advance(TimeSpan.FromMinutes(2));
        await Poller().RunOnceAsync(db, default);

        var stored = await db.Posts.IgnoreQueryFilters().Where(p => p.SourceId == source.Id).OrderBy(p => p.ExternalId).ToListAsync();
        Assert.Equal(["1860000000000000200", "1860000000000000300"], stored.Select(p => p.ExternalId));
        Assert.Equal("jo_travels", stored[1].AuthorHandle);
        Assert.Equal("1860000000000000100", stored[1].InReplyToExternalId);
        Assert.True(stored[1].AuthorVerified);
        Assert.Contains("since_id=1860000000000000300", _server.Requests.Last().PathAndQuery);
    }

    [Fact]
    public async Task Poll_429WithResetHeader_SourceFailingAndNotPolledBeforeTheReset()
    {
        await using var db = database.CreateContext();
        var source = await NewSourceAsync(db);
        var reset = _harness.Time.GetUtcNow().AddMinutes(12);
        Serve(XFixtures.TooManyRequests, 429, reset.ToUnixTimeSeconds());

        await Poller().RunOnceAsync(db, default);
        _harness.Time.Advance(TimeSpan.FromMinutes(11));
        var beforeReset = await Poller().RunOnceAsync(db, default);
        Serve(XFixtures.SearchPage1);
        _harness.Time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        var afterReset = await Poller().RunOnceAsync(db, default);

        Assert.Equal(0, beforeReset);
        Assert.Equal(1, afterReset);
        Assert.Equal(2, _server.Requests.Count);
        var after = await db.Sources.IgnoreQueryFilters().AsNoTracking().SingleAsync(s => s.Id == source.Id);
        Assert.Equal(SourceStatus.Active, after.Status);
        Assert.Contains("Too Many Requests", after.LastError);
        Assert.Equal(2, await db.Posts.IgnoreQueryFilters().CountAsync(p => p.SourceId == source.Id));
    }

    [Fact]
    public async Task Poll_429_RecordsTheWaitUntilReset()
    {
        await using var db = database.CreateContext();
        var source = await NewSourceAsync(db);
        var reset = _harness.Time.GetUtcNow().AddMinutes(12);
        Serve(XFixtures.TooManyRequests, 429, reset.ToUnixTimeSeconds());

        await Poller().RunOnceAsync(db, default);

        var failing = await db.Sources.IgnoreQueryFilters().AsNoTracking().SingleAsync(s => s.Id == source.Id);
        Assert.Equal(SourceStatus.Failing, failing.Status);
        Assert.Equal(reset.UtcDateTime, failing.LeaseUntil);
    }
}
