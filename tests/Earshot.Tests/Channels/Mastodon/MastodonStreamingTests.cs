using Earshot.Core.Channels;
using Earshot.Core.Channels.Mastodon;
using Earshot.Core.Channels.Polling;
using Microsoft.Extensions.Time.Testing;

namespace Earshot.Tests.Channels.Mastodon;

/// <summary>The Mastodon connector reading the streaming API (server-sent events) of a local fake instance.</summary>
public sealed class MastodonStreamingTests : IAsyncLifetime
{
    readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
    FakeMastodon _mastodon = null!;
    MastodonConnector _connector = null!;

    public async Task InitializeAsync()
    {
        _mastodon = await FakeMastodon.StartAsync();
        _connector = new MastodonConnector(ChannelHttp.CreateClient(), _time);
    }

    public async Task DisposeAsync() => await _mastodon.DisposeAsync();

    Source StreamingSource(string extra = "") => new()
    {
        Platform = "mastodon",
        Name = "Acme on Mastodon",
        Connector = MastodonConnector.ConnectorName,
        Settings = $$"""{"instance":"{{_mastodon.BaseAddress}}","access_token":"tok","streaming":true{{extra}}}""",
    };

    /// <summary>Everything up to notification 100 was read before: the cursor a running source has.</summary>
    static readonly string Start = new MastodonCursor { Notifications = "100" }.Serialize();

    List<string?> StreamLastEventIds(string path = "/api/v1/streaming/user/notification") =>
        _mastodon.Requests.Where(r => r.PathAndQuery.StartsWith(path, StringComparison.Ordinal))
            .Select(r => r.Headers.TryGetValue("Last-Event-ID", out var id) ? id : null).ToList();

    [Fact]
    public async Task PollAsync_StreamReconnectWithLastEventId_ResumesWithNoPostMissedOrRepeated()
    {
        _mastodon.Connections.Enqueue(async sse =>
        {
            await sse.AfterCatchUpAsync();
            await sse.LiveMentionAsync("101", "one");
            await sse.CommentAsync("thump");
            await sse.LiveMentionAsync("102", "two");
            await sse.LiveMentionAsync("103", "three");
            // 104 is published, but the connection is cut while its frame is being written.
            await sse.PartialAsync("notification", _mastodon.Publish("104", "four"), "104");
            await sse.DropAsync();
        });
        _mastodon.Connections.Enqueue(async sse =>
        {
            await sse.AfterCatchUpAsync();
            await sse.LiveMentionAsync("106", "six");
        });

        var first = await _connector.PollAsync(StreamingSource(), Start, default);
        // Published while no connection was open: both the replay and the REST catch-up see it.
        _mastodon.Publish("105", "five");
        var second = await _connector.PollAsync(StreamingSource(), first.NewCursor, default);

        Assert.Equal(["9101", "9102", "9103"], first.Posts.Select(p => p.Id));
        Assert.Equal("103", MastodonCursor.Parse(first.NewCursor).NotificationsEvent);
        Assert.Equal([null, "103"], StreamLastEventIds());
        Assert.Equal(["9104", "9105", "9106"], second.Posts.Select(p => p.Id));
        Assert.Equal("@acmeair six", second.Posts[^1].Text);
        var next = MastodonCursor.Parse(second.NewCursor);
        Assert.Equal("106", next.Notifications);
        Assert.Equal("106", next.NotificationsEvent);
        var all = first.Posts.Concat(second.Posts).Select(p => p.Id).ToList();
        Assert.Equal(all.Distinct(), all);
    }

    [Fact]
    public async Task PollAsync_StreamServerDoesNotReplay_RestCatchUpFillsTheGap()
    {
        _mastodon.Replays = false;
        _mastodon.Connections.Enqueue(async sse =>
        {
            await sse.AfterCatchUpAsync();
            await sse.LiveMentionAsync("101", "one");
            await sse.DropAsync();
        });
        _mastodon.Connections.Enqueue(async sse =>
        {
            await sse.AfterCatchUpAsync();
            await sse.LiveMentionAsync("104", "four");
        });

        var first = await _connector.PollAsync(StreamingSource(), Start, default);
        _mastodon.Publish("102", "two");
        _mastodon.Publish("103", "three");
        var second = await _connector.PollAsync(StreamingSource(), first.NewCursor, default);

        Assert.Equal(["9101"], first.Posts.Select(p => p.Id));
        Assert.Equal(["9102", "9103", "9104"], second.Posts.Select(p => p.Id));
        Assert.Contains(_mastodon.Requests, r => Uri.UnescapeDataString(r.PathAndQuery) == "/api/v1/notifications?types[]=mention&limit=40&since_id=101");
    }

    [Fact]
    public async Task PollAsync_OnlyHeartbeats_YieldsNothingAndKeepsTheCursor()
    {
        _mastodon.Connections.Enqueue(async sse =>
        {
            await sse.CommentAsync("thump");
            await sse.CommentAsync("thump");
        });
        var cursor = new MastodonCursor { Notifications = "100", NotificationsEvent = "100" }.Serialize();

        var result = await _connector.PollAsync(StreamingSource(), cursor, default);

        Assert.Empty(result.Posts);
        var next = MastodonCursor.Parse(result.NewCursor);
        Assert.Equal("100", next.Notifications);
        Assert.Equal("100", next.NotificationsEvent);
    }

    [Fact]
    public async Task PollAsync_OtherNotificationTypes_MoveTheCursorButAreNotPosts()
    {
        _mastodon.Connections.Enqueue(async sse =>
        {
            await sse.EventAsync("notification", """{"id":"101","type":"favourite","account":{"acct":"sam"},"status":{"id":"8000","content":"<p>ours</p>"}}""", "101");
            await sse.LiveMentionAsync("102", "hello");
        });

        var result = await _connector.PollAsync(StreamingSource(), Start, default);

        Assert.Equal(["9102"], result.Posts.Select(p => p.Id));
        Assert.Equal("102", MastodonCursor.Parse(result.NewCursor).Notifications);
    }

    [Fact]
    public async Task PollAsync_HashtagStream_ReadsUpdatesAndSkipsDeletes()
    {
        _mastodon.TagConnections.Enqueue(async sse =>
        {
            await sse.EventAsync("update", MastodonFixtures.Tagged.Trim()[1..^1].ReplaceLineEndings(""));
            await sse.EventAsync("delete", "109379900000000001");
            await sse.EventAsync("status.update", """{"id":"109379900000000001","content":"<p>edited</p>"}""");
        });

        var result = await _connector.PollAsync(StreamingSource(""","hashtag":"#acmefail" """), Start, default);

        var post = Assert.Single(result.Posts);
        Assert.Equal("CW: airline rant\n\nNever again #acmefail", post.Text);
        Assert.Equal("109379900000000077", MastodonCursor.Parse(result.NewCursor).Tag);
        var tagStream = Assert.Single(_mastodon.Requests, r => r.PathAndQuery.StartsWith("/api/v1/streaming/hashtag", StringComparison.Ordinal));
        Assert.Equal("/api/v1/streaming/hashtag?tag=acmefail", tagStream.PathAndQuery);
        Assert.Equal("Bearer tok", tagStream.Headers["Authorization"]);
        Assert.Equal("text/event-stream", tagStream.Headers["Accept"]);
    }

    [Fact]
    public async Task PollAsync_StreamUnauthorized_FailsWithMastodonsError()
    {
        _mastodon.StreamRefusal = (401, """{"error":"The access token is invalid"}""", null);

        var error = await Assert.ThrowsAsync<PollFailedException>(() => _connector.PollAsync(StreamingSource(), Start, default));

        Assert.Equal("Mastodon answered 401 to the stream GET /api/v1/streaming/user/notification: The access token is invalid", error.Message);
        Assert.Null(error.RetryAfter);
    }

    [Fact]
    public async Task PollAsync_StreamRateLimited_FailsWithWaitUntilReset()
    {
        _mastodon.StreamRefusal = (429, """{"error":"Too many requests"}""", "2026-11-23T12:04:00.000Z");

        var error = await Assert.ThrowsAsync<PollFailedException>(() => _connector.PollAsync(StreamingSource(), Start, default));

        Assert.Contains("Too many requests", error.Message);
        Assert.Equal(TimeSpan.FromMinutes(4), error.RetryAfter);
    }

    [Fact]
    public void DefaultPollIntervalFor_StreamingSource_IsShortPauseBetweenWindows()
    {
        var polled = new Source { Platform = "mastodon", Name = "p", Connector = "mastodon", Settings = """{"instance":"https://m.example"}""" };

        Assert.Equal(TimeSpan.FromSeconds(5), _connector.DefaultPollIntervalFor(StreamingSource()));
        Assert.Equal(TimeSpan.FromMinutes(1), _connector.DefaultPollIntervalFor(polled));
    }
}
