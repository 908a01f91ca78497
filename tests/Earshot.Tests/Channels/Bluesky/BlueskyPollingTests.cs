using System.Net.WebSockets;
using System.Text;
using Earshot.Core.Channels;
using Earshot.Core.Channels.Bluesky;
using Earshot.Core.Channels.Polling;
using Earshot.Core.Data;
using Earshot.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using static Earshot.Tests.Channels.Bluesky.BlueskyFixtures;

namespace Earshot.Tests.Channels.Bluesky;

public sealed class BlueskyPollingSqliteTests() : BlueskyPollingTests(new SqliteTestDatabase());

public sealed class BlueskyPollingPostgresTests() : BlueskyPollingTests(new PostgresTestDatabase());

/// <summary>A Bluesky source read by the poller from a local Jetstream: stored posts, the cursor kept on the source row.</summary>
public abstract class BlueskyPollingTests(TestDatabase database) : IAsyncLifetime
{
    readonly PipelineHarness _harness = new(database);
    LocalHttpServer _server = null!;
    readonly Queue<string[]> _windows = new();

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        _server = await LocalHttpServer.StartAsync();
        _server.Handler = async context =>
        {
            if (!context.WebSockets.IsWebSocketRequest)
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(Profiles);
                return;
            }
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            foreach (var message in _windows.Count > 0 ? _windows.Dequeue() : [])
            {
                await socket.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, true, default);
            }
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", default);
        };
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await database.DisposeAsync();
    }

    /// <summary>A new poller with a new connector: what a restarted node has.</summary>
    SourcePoller NewNode() => new(database.Dialect, new ConnectorRegistry([new BlueskyConnector(ChannelHttp.CreateClient(), _harness.Time)]),
        _harness.Ingestor(), _harness.Time, NullLogger<SourcePoller>.Instance);

    [Fact]
    public async Task Poll_RestartedNode_ReconnectsWithTheStoredCursorAndStoresEachPostOnce()
    {
        await using var db = database.CreateContext();
        var workspace = await _harness.NewWorkspaceAsync(db);
        var source = new Source
        {
            WorkspaceId = workspace.Id, Platform = "bluesky", Name = "Acme on Bluesky", Connector = BlueskyConnector.ConnectorName, CreatedAt = _harness.Now,
            Settings = $$"""{"jetstream":"{{_server.WebSocketAddress}}","appview":"{{_server.BaseAddress}}","keywords":"acme air"}""",
        };
        db.Sources.Add(source);
        await db.SaveChangesAsync();
        _windows.Enqueue([Post(JoDid, 1763899140000001, "3lbqjo1", "acme air lost my bag"), Post(SamDid, 1763899140000002, "3lbqsam1", "unrelated")]);
        // Jetstream replays from the cursor inclusive: the last event of the first window comes again.
        _windows.Enqueue([Post(SamDid, 1763899140000002, "3lbqsam1", "unrelated"), Post(JoDid, 1763899140000003, "3lbqjo2", "acme air, day 3")]);

        await NewNode().RunOnceAsync(db, default);
        var cursorAfterFirst = (await db.Sources.IgnoreQueryFilters().AsNoTracking().SingleAsync(s => s.Id == source.Id)).Cursor;
        _harness.Time.Advance(TimeSpan.FromSeconds(10));
        await NewNode().RunOnceAsync(db, default);

        Assert.Equal("1763899140000002", cursorAfterFirst);
        Assert.Equal("/subscribe?wantedCollections=app.bsky.feed.post&cursor=1763899140000002", _server.Requests.Last(r => r.PathAndQuery.StartsWith("/subscribe")).PathAndQuery);
        var stored = await db.Posts.IgnoreQueryFilters().Where(p => p.SourceId == source.Id).OrderBy(p => p.ExternalId).Select(p => p.ExternalId).ToListAsync();
        Assert.Equal([$"at://{JoDid}/app.bsky.feed.post/3lbqjo1", $"at://{JoDid}/app.bsky.feed.post/3lbqjo2"], stored);
        var after = await db.Sources.IgnoreQueryFilters().AsNoTracking().SingleAsync(s => s.Id == source.Id);
        Assert.Equal("1763899140000003", after.Cursor);
        Assert.Equal(SourceStatus.Active, after.Status);
        var jo = await db.Posts.IgnoreQueryFilters().FirstAsync(p => p.SourceId == source.Id);
        Assert.Equal(("jo.bsky.social", 5400L), (jo.AuthorHandle, jo.AuthorFollowers));
    }
}
