using Earshot.Core.Channels;
using Earshot.Core.Channels.Polling;
using Earshot.Core.Data;
using Earshot.Core.Ingestion;
using Earshot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Earshot.Tests.Channels;

public sealed class SourcePollerSqliteTests() : SourcePollerTests(new SqliteTestDatabase());

public sealed class SourcePollerPostgresTests() : SourcePollerTests(new PostgresTestDatabase());

public abstract class SourcePollerTests(TestDatabase database) : IAsyncLifetime
{
    readonly PipelineHarness _harness = new(database);
    readonly ScriptedConnector _connector = new();

    public Task InitializeAsync() => database.InitializeAsync();
    public Task DisposeAsync() => database.DisposeAsync();

    SourcePoller Poller() => new(database.Dialect, new ConnectorRegistry([_connector]), _harness.Ingestor(), _harness.Time, NullLogger<SourcePoller>.Instance);

    async Task<Source> NewSourceAsync(EarshotDbContext db)
    {
        var workspace = await _harness.NewWorkspaceAsync(db);
        var source = new Source { WorkspaceId = workspace.Id, Platform = "rss", Name = "Feed", Connector = ScriptedConnector.ConnectorName, CreatedAt = _harness.Now };
        db.Sources.Add(source);
        await db.SaveChangesAsync();
        return source;
    }

    [Fact]
    public async Task RunOnce_DueSource_StoresPostsAndCursor()
    {
        await using var db = database.CreateContext();
        var source = await NewSourceAsync(db);
        _connector.Next = _ => new PollResult([new PostDocument { Id = "a1", Text = "first" }, new PostDocument { Id = "a2", Text = "second" }], "c1");

        var polled = await Poller().RunOnceAsync(db, default);

        Assert.Equal(1, polled);
        var stored = await db.Posts.IgnoreQueryFilters().Where(p => p.SourceId == source.Id).OrderBy(p => p.ExternalId).ToListAsync();
        Assert.Equal(["a1", "a2"], stored.Select(p => p.ExternalId));
        Assert.All(stored, p => Assert.Equal("rss", p.Platform));
        var after = await db.Sources.IgnoreQueryFilters().AsNoTracking().SingleAsync(s => s.Id == source.Id);
        Assert.Equal("c1", after.Cursor);
        Assert.Null(after.LeaseToken);
        Assert.Equal(_harness.Now + _connector.DefaultPollInterval, after.LeaseUntil);
    }

    [Fact]
    public async Task RunOnce_NotDueYet_DoesNotPoll()
    {
        await using var db = database.CreateContext();
        await NewSourceAsync(db);
        _connector.Next = _ => new PollResult([], "c1");
        await Poller().RunOnceAsync(db, default);
        _harness.Time.Advance(_connector.DefaultPollInterval / 2);

        var polled = await Poller().RunOnceAsync(db, default);

        Assert.Equal(0, polled);
        Assert.Single(_connector.Calls);
    }

    [Fact]
    public async Task RunOnce_SecondRound_ResumesFromCursorAndSkipsRepeats()
    {
        await using var db = database.CreateContext();
        var source = await NewSourceAsync(db);
        _connector.Next = _ => new PollResult([new PostDocument { Id = "a1", Text = "first" }], "c1");
        await Poller().RunOnceAsync(db, default);
        _harness.Time.Advance(_connector.DefaultPollInterval + TimeSpan.FromSeconds(1));
        _connector.Next = _ => new PollResult([new PostDocument { Id = "a1", Text = "first" }, new PostDocument { Id = "a3", Text = "third" }], "c2");

        await Poller().RunOnceAsync(db, default);

        Assert.Equal([null, "c1"], _connector.Calls);
        Assert.Equal(2, await db.Posts.IgnoreQueryFilters().CountAsync(p => p.SourceId == source.Id));
    }

    [Fact]
    public async Task RunOnce_ConnectorThrows_MarksFailingAndBacksOff()
    {
        await using var db = database.CreateContext();
        var source = await NewSourceAsync(db);
        _connector.Next = _ => throw new PollFailedException("feed is not XML");

        await Poller().RunOnceAsync(db, default);

        var failing = await db.Sources.IgnoreQueryFilters().AsNoTracking().SingleAsync(s => s.Id == source.Id);
        Assert.Equal(SourceStatus.Failing, failing.Status);
        Assert.Equal("feed is not XML", failing.LastError);
        Assert.Equal(_harness.Now, failing.LastErrorAt);
        Assert.Equal(1, failing.ConsecutiveFailures);
        Assert.Equal(_harness.Now + SourcePoller.Backoff(1), failing.LeaseUntil);
        Assert.Null(failing.Cursor);
    }

    [Fact]
    public async Task RunOnce_RecoversAfterBackoff_BecomesActive()
    {
        await using var db = database.CreateContext();
        var source = await NewSourceAsync(db);
        _connector.Next = _ => throw new HttpRequestException("connection refused");
        await Poller().RunOnceAsync(db, default);
        _harness.Time.Advance(SourcePoller.Backoff(1) + TimeSpan.FromSeconds(1));
        _connector.Next = _ => new PollResult([new PostDocument { Id = "b1", Text = "back" }], "c1");

        await Poller().RunOnceAsync(db, default);

        var recovered = await db.Sources.IgnoreQueryFilters().AsNoTracking().SingleAsync(s => s.Id == source.Id);
        Assert.Equal(SourceStatus.Active, recovered.Status);
        Assert.Equal(0, recovered.ConsecutiveFailures);
        Assert.Equal("c1", recovered.Cursor);
    }

    [Fact]
    public async Task RunOnce_SourceLeasedByAnotherNode_IsLeftAlone()
    {
        await using var db = database.CreateContext();
        var source = await NewSourceAsync(db);
        var other = Guid.NewGuid().ToString("N");
        await database.Dialect.ClaimAsync(db, "sources", "1 = 1", other, _harness.Now, _harness.Now.AddMinutes(2), 10, default);

        var polled = await Poller().RunOnceAsync(db, default);

        Assert.Equal(0, polled);
        Assert.Empty(_connector.Calls);
    }

    [Fact]
    public async Task RunOnce_PausedSource_IsNotPolled()
    {
        await using var db = database.CreateContext();
        var source = await NewSourceAsync(db);
        source.Status = SourceStatus.Paused;
        await db.SaveChangesAsync();

        var polled = await Poller().RunOnceAsync(db, default);

        Assert.Equal(0, polled);
    }

    sealed class ScriptedConnector : IPollingConnector
    {
        public const string ConnectorName = "scripted";
        public Func<string?, PollResult> Next { get; set; } = _ => new PollResult([], null);
        public List<string?> Calls { get; } = [];
        public string Name => ConnectorName;
        public TimeSpan DefaultPollInterval => TimeSpan.FromMinutes(5);

        public Task<PollResult> PollAsync(Source source, string? cursor, CancellationToken ct)
        {
            Calls.Add(cursor);
            return Task.FromResult(Next(cursor));
        }

        public Task<SendResult> SendAsync(OutboundMessage message, CancellationToken ct) =>
            Task.FromResult(SendResult.Failure("scripted sources do not send", retryable: false));
    }
}
