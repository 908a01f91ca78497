using System.Text;
using Earshot.Core.Channels;
using Earshot.Core.Channels.Feeds;
using Earshot.Core.Channels.Polling;
using Earshot.Core.Data;
using Earshot.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Earshot.Tests.Channels.Feeds;

/// <summary>A feed source driven by the poller end to end: local server → stored posts, cursor, health.</summary>
public sealed class FeedPollingTests : IAsyncLifetime
{
    readonly SqliteTestDatabase _database = new();
    readonly PipelineHarness _harness;
    LocalHttpServer _server = null!;
    string _feed = FeedFixtures.Rss;

    public FeedPollingTests() => _harness = new PipelineHarness(_database);

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _server = await LocalHttpServer.StartAsync();
        _server.Handler = async context =>
        {
            var etag = $"\"{_feed.GetHashCode():x}\"";
            if (context.Request.Headers.IfNoneMatch.ToString() == etag)
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }
            context.Response.Headers.ETag = etag;
            context.Response.ContentType = "application/rss+xml";
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(_feed));
        };
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _database.DisposeAsync();
    }

    SourcePoller Poller() => new(_database.Dialect, new ConnectorRegistry([new FeedConnector(ChannelHttp.CreateClient())]),
        _harness.Ingestor(), _harness.Time, NullLogger<SourcePoller>.Instance);

    async Task<Source> NewFeedSourceAsync(EarshotDbContext db)
    {
        var workspace = await _harness.NewWorkspaceAsync(db);
        var source = new Source
        {
            WorkspaceId = workspace.Id, Platform = "rss", Name = "Reviews", Connector = FeedConnector.ConnectorName, CreatedAt = _harness.Now,
            Settings = $$"""{"url":"{{_server.BaseAddress}}feed.xml","poll_interval_seconds":60}""",
        };
        db.Sources.Add(source);
        await db.SaveChangesAsync();
        return source;
    }

    async Task NextRoundAsync(EarshotDbContext db)
    {
        _harness.Time.Advance(TimeSpan.FromHours(2));
        await Poller().RunOnceAsync(db, default);
    }

    [Fact]
    public async Task Poll_FeedThen304ThenNewItem_StoresEachItemOnce()
    {
        await using var db = _database.CreateContext();
        var source = await NewFeedSourceAsync(db);

        await Poller().RunOnceAsync(db, default);
        await NextRoundAsync(db);
        var afterNotModified = await db.Posts.IgnoreQueryFilters().CountAsync(p => p.SourceId == source.Id);
        _feed = FeedFixtures.RssWithNewItem;
        await NextRoundAsync(db);

        Assert.Equal(2, afterNotModified);
        var ids = await db.Posts.IgnoreQueryFilters().Where(p => p.SourceId == source.Id).Select(p => p.ExternalId).OrderBy(id => id).ToListAsync();
        Assert.Equal(["https://reviews.example.test/r/1002", "review-1001", "review-1003"], ids);
        Assert.Equal(3, _server.Requests.Count);
    }

    [Fact]
    public async Task Poll_MalformedFeed_SourceFailingWithErrorAndNothingStored()
    {
        await using var db = _database.CreateContext();
        var source = await NewFeedSourceAsync(db);
        _feed = FeedFixtures.Malformed;

        await Poller().RunOnceAsync(db, default);

        var failing = await db.Sources.IgnoreQueryFilters().AsNoTracking().SingleAsync(s => s.Id == source.Id);
        Assert.Equal(SourceStatus.Failing, failing.Status);
        Assert.Contains("not well-formed XML", failing.LastError);
        Assert.Equal(0, await db.Posts.IgnoreQueryFilters().CountAsync(p => p.SourceId == source.Id));
    }
}
