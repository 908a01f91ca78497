using Earshot.Core.Channels;
using Earshot.Core.Channels.Mastodon;
using Earshot.Core.Channels.Polling;
using Earshot.Core.Data;
using Earshot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Earshot.Tests.Channels.Mastodon;

public sealed class MastodonStreamingPollingSqliteTests() : MastodonStreamingPollingTests(new SqliteTestDatabase());

public sealed class MastodonStreamingPollingPostgresTests() : MastodonStreamingPollingTests(new PostgresTestDatabase());

/// <summary>A streaming Mastodon source read by the poller: stored posts, the cursor on the row, errors and backoff.</summary>
public abstract class MastodonStreamingPollingTests(TestDatabase database) : IAsyncLifetime
{
    readonly PipelineHarness _harness = new(database);
    FakeMastodon _mastodon = null!;

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        _mastodon = await FakeMastodon.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _mastodon.DisposeAsync();
        await database.DisposeAsync();
    }

    /// <summary>A new poller with a new connector: what a restarted node has.</summary>
    SourcePoller NewNode() => new(database.Dialect, new ConnectorRegistry([new MastodonConnector(ChannelHttp.CreateClient(), _harness.Time)]),
        _harness.Ingestor(), _harness.Time, NullLogger<SourcePoller>.Instance);

    async Task<Source> NewSourceAsync(EarshotDbContext db)
    {
        var workspace = await _harness.NewWorkspaceAsync(db);
        var source = new Source
        {
            WorkspaceId = workspace.Id, Platform = "mastodon", Name = "Acme on Mastodon", Connector = MastodonConnector.ConnectorName,
            CreatedAt = _harness.Now, Cursor = new MastodonCursor { Notifications = "100" }.Serialize(),
            Settings = $$"""{"instance":"{{_mastodon.BaseAddress}}","access_token":"tok","streaming":true}""",
        };
        db.Sources.Add(source);
        await db.SaveChangesAsync();
        return source;
    }

    Task<Source> ReloadAsync(EarshotDbContext db, Source source) =>
        db.Sources.IgnoreQueryFilters().AsNoTracking().SingleAsync(s => s.Id == source.Id);

    [Fact]
    public async Task Poll_RestartedNodeAfterADroppedStream_StoresEachPostOnce()
    {
        await using var db = database.CreateContext();
        var source = await NewSourceAsync(db);
        _mastodon.Connections.Enqueue(async sse =>
        {
            await sse.AfterCatchUpAsync();
            await sse.LiveMentionAsync("101", "one");
            await sse.LiveMentionAsync("102", "two");
            await sse.DropAsync();
        });
        _mastodon.Connections.Enqueue(async sse =>
        {
            await sse.AfterCatchUpAsync();
            await sse.LiveMentionAsync("104", "four");
        });

        await NewNode().RunOnceAsync(db, default);
        _mastodon.Publish("103", "three");
        _harness.Time.Advance(TimeSpan.FromSeconds(6));
        var polled = await NewNode().RunOnceAsync(db, default);

        Assert.Equal(1, polled);
        var stored = await db.Posts.IgnoreQueryFilters().Where(p => p.SourceId == source.Id).OrderBy(p => p.ExternalId).Select(p => p.ExternalId).ToListAsync();
        Assert.Equal(["9101", "9102", "9103", "9104"], stored);
        var after = await ReloadAsync(db, source);
        Assert.Equal(SourceStatus.Active, after.Status);
        Assert.Equal("104", MastodonCursor.Parse(after.Cursor).NotificationsEvent);
        Assert.Equal("102", _mastodon.Requests.Last(r => r.PathAndQuery.StartsWith("/api/v1/streaming/", StringComparison.Ordinal)).Headers["Last-Event-ID"]);
    }

    [Fact]
    public async Task Poll_StreamUnauthorized_SourceFailingWithMastodonsErrorAndBackoff()
    {
        await using var db = database.CreateContext();
        var source = await NewSourceAsync(db);
        _mastodon.StreamRefusal = (401, """{"error":"The access token is invalid"}""", null);

        await NewNode().RunOnceAsync(db, default);
        _harness.Time.Advance(TimeSpan.FromSeconds(29));
        var beforeBackoff = await NewNode().RunOnceAsync(db, default);

        Assert.Equal(0, beforeBackoff);
        var failing = await ReloadAsync(db, source);
        Assert.Equal(SourceStatus.Failing, failing.Status);
        Assert.Contains("The access token is invalid", failing.LastError);
        Assert.Equal(1, failing.ConsecutiveFailures);
        Assert.Equal(_harness.Now.AddSeconds(1), failing.LeaseUntil);
        Assert.Equal("100", MastodonCursor.Parse(failing.Cursor).Notifications);
    }

    [Fact]
    public async Task Poll_StreamRateLimited_NotReadAgainBeforeTheReset()
    {
        await using var db = database.CreateContext();
        var source = await NewSourceAsync(db);
        var reset = _harness.Time.GetUtcNow().AddMinutes(7);
        _mastodon.StreamRefusal = (429, """{"error":"Too many requests"}""", reset.ToString("yyyy-MM-ddTHH:mm:ss.fffZ"));

        await NewNode().RunOnceAsync(db, default);
        _harness.Time.Advance(TimeSpan.FromMinutes(6));
        var beforeReset = await NewNode().RunOnceAsync(db, default);
        _mastodon.StreamRefusal = null;
        _harness.Time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        var afterReset = await NewNode().RunOnceAsync(db, default);

        Assert.Equal(0, beforeReset);
        Assert.Equal(1, afterReset);
        var recovered = await ReloadAsync(db, source);
        Assert.Equal(SourceStatus.Active, recovered.Status);
        Assert.Contains("Too many requests", recovered.LastError);
    }
}
