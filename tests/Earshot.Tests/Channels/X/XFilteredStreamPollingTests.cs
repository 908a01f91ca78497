using Earshot.Core.Channels;
using Earshot.Core.Channels.Polling;
using Earshot.Core.Channels.X;
using Earshot.Core.Data;
using Earshot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Earshot.Tests.Channels.X;

public sealed class XFilteredStreamPollingSqliteTests() : XFilteredStreamPollingTests(new SqliteTestDatabase());

public sealed class XFilteredStreamPollingPostgresTests() : XFilteredStreamPollingTests(new PostgresTestDatabase());

/// <summary>A filtered-stream X source driven by the poller: windows a few seconds apart, rate limits on the source row.</summary>
public abstract class XFilteredStreamPollingTests(TestDatabase database) : IAsyncLifetime
{
    readonly PipelineHarness _harness = new(database);
    FakeXStream _x = null!;

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        _x = await FakeXStream.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _x.DisposeAsync();
        await database.DisposeAsync();
    }

    SourcePoller NewNode() => new(database.Dialect, new ConnectorRegistry([new XConnector(ChannelHttp.CreateClient(), _harness.Time)]),
        _harness.Ingestor(), _harness.Time, NullLogger<SourcePoller>.Instance);

    async Task<Source> NewSourceAsync(EarshotDbContext db)
    {
        var workspace = await _harness.NewWorkspaceAsync(db);
        var source = new Source
        {
            WorkspaceId = workspace.Id, Platform = "x", Name = "Acme on X", Connector = XConnector.ConnectorName, CreatedAt = _harness.Now,
            Settings = $$"""{"api_base":"{{_x.BaseAddress}}","access_token":"u","bearer_token":"app","stream_rules":["acme air"]}""",
        };
        db.Sources.Add(source);
        await db.SaveChangesAsync();
        return source;
    }

    Task<Source> ReloadAsync(EarshotDbContext db, Source source) => db.Sources.IgnoreQueryFilters().AsNoTracking().SingleAsync(s => s.Id == source.Id);

    int StreamConnects() => _x.Requests.Count(r => r.PathAndQuery.StartsWith("/2/tweets/search/stream?", StringComparison.Ordinal));

    [Fact]
    public async Task Poll_StreamWindows_StoreMatchedTweetsAndReconnectAfterAShortPause()
    {
        await using var db = database.CreateContext();
        var source = await NewSourceAsync(db);
        _x.Connections.Enqueue(stream => stream.TweetAsync("1860000000000000801", "acme air lost my bag", ("1001", $"earshot:{source.Id}")));
        _x.Connections.Enqueue(stream => stream.TweetAsync("1860000000000000802", "acme air found it", ("1001", $"earshot:{source.Id}")));

        await NewNode().RunOnceAsync(db, default);
        _harness.Time.Advance(TimeSpan.FromSeconds(4));
        var tooSoon = await NewNode().RunOnceAsync(db, default);
        _harness.Time.Advance(TimeSpan.FromSeconds(2));
        var next = await NewNode().RunOnceAsync(db, default);

        Assert.Equal(0, tooSoon);
        Assert.Equal(1, next);
        var stored = await db.Posts.IgnoreQueryFilters().Where(p => p.SourceId == source.Id).OrderBy(p => p.ExternalId).Select(p => p.ExternalId).ToListAsync();
        Assert.Equal(["1860000000000000801", "1860000000000000802"], stored);
        Assert.Equal(["1001 acme air earshot:" + source.Id], _x.Rules.Select(r => $"{r.Id} {r.Value} {r.Tag}"));
    }

    [Fact]
    public async Task Poll_LastConnectOfTheRateWindow_NextWindowNotBeforeTheReset()
    {
        await using var db = database.CreateContext();
        var source = await NewSourceAsync(db);
        var reset = _harness.Time.GetUtcNow().AddMinutes(6);
        _x.StreamHeaders["x-rate-limit-remaining"] = "0";
        _x.StreamHeaders["x-rate-limit-reset"] = reset.ToUnixTimeSeconds().ToString();

        await NewNode().RunOnceAsync(db, default);
        _harness.Time.Advance(TimeSpan.FromMinutes(5));
        var beforeReset = await NewNode().RunOnceAsync(db, default);

        Assert.Equal(0, beforeReset);
        Assert.Equal(1, StreamConnects());
        var after = await ReloadAsync(db, source);
        Assert.Equal(SourceStatus.Active, after.Status);
        Assert.Equal(reset.UtcDateTime, after.LeaseUntil);
    }

    [Fact]
    public async Task Poll_Stream429_SourceFailingAndNotReconnectedBeforeTheReset()
    {
        await using var db = database.CreateContext();
        var source = await NewSourceAsync(db);
        var reset = _harness.Time.GetUtcNow().AddMinutes(9);
        _x.StreamHeaders["x-rate-limit-reset"] = reset.ToUnixTimeSeconds().ToString();
        _x.StreamRefusal = (429, XFixtures.TooManyRequests);

        await NewNode().RunOnceAsync(db, default);
        _harness.Time.Advance(TimeSpan.FromMinutes(8));
        var beforeReset = await NewNode().RunOnceAsync(db, default);

        Assert.Equal(0, beforeReset);
        var failing = await ReloadAsync(db, source);
        Assert.Equal(SourceStatus.Failing, failing.Status);
        Assert.Contains("429", failing.LastError);
        Assert.Equal(reset.UtcDateTime, failing.LeaseUntil);
    }
}
