using System.Text;
using Earshot.Core.Channels;
using Earshot.Core.Channels.Polling;
using Earshot.Core.Channels.Reddit;
using Earshot.Core.Replies;
using Earshot.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Time.Testing;

namespace Earshot.Tests.Channels.Reddit;

/// <summary>The Reddit connector against a local server replaying Reddit's OAuth and listing payloads.</summary>
public sealed class RedditConnectorTests : IAsyncLifetime
{
    readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
    LocalHttpServer _server = null!;
    RedditConnector _connector = null!;
    readonly Dictionary<string, (int Status, string Body)> _routes = new();

    public async Task InitializeAsync()
    {
        _server = await LocalHttpServer.StartAsync();
        _connector = new RedditConnector(ChannelHttp.CreateClient(), _time);
        _routes["/api/v1/access_token"] = (200, RedditFixtures.Token);
        _server.Handler = async context =>
        {
            var (status, body) = _routes.TryGetValue(context.Request.Path + context.Request.QueryString, out var exact) ? exact
                : _routes.TryGetValue(context.Request.Path, out var byPath) ? byPath : (404, """{"message": "Not Found", "error": 404}""");
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            if (status == 429)
            {
                context.Response.Headers["X-Ratelimit-Remaining"] = "0.0";
                context.Response.Headers["X-Ratelimit-Reset"] = "312";
            }
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(body));
        };
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    Source RedditSource(string listen = """ "subreddit":"r/acmeair" """) => new()
    {
        Id = 5,
        Platform = "reddit",
        Name = "Acme on Reddit",
        Connector = RedditConnector.ConnectorName,
        Settings = $$"""
            {"auth_base":"{{_server.BaseAddress}}","api_base":"{{_server.BaseAddress}}","client_id":"app-id-1","client_secret":"app-secret-2",
             "username":"AcmeAirSupport","password":"hunter2",{{listen}}}
            """,
    };

    static OutboundMessage Message(Source source, string text, ReplyVisibility visibility = ReplyVisibility.Public, string? inReplyTo = "t3_1h2c333") =>
        new(source, 9, text, visibility, inReplyTo, "jo_travels");

    [Fact]
    public async Task PollAsync_FirstPoll_GetsAPasswordGrantTokenThenReadsOnePageOfNewPosts()
    {
        _routes["/r/acmeair/new"] = (200, RedditFixtures.NewPage1);

        var result = await _connector.PollAsync(RedditSource(), null, default);

        var requests = _server.Requests.ToList();
        Assert.Equal(2, requests.Count);
        Assert.Equal(("POST", "/api/v1/access_token"), (requests[0].Method, requests[0].PathAndQuery));
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("app-id-1:app-secret-2")), requests[0].Headers["Authorization"]);
        var form = QueryHelpers.ParseQuery(requests[0].Body);
        Assert.Equal(("password", "AcmeAirSupport", "hunter2"), (form["grant_type"].ToString(), form["username"].ToString(), form["password"].ToString()));
        Assert.Equal(("GET", "/r/acmeair/new?limit=100&raw_json=1"), (requests[1].Method, requests[1].PathAndQuery));
        Assert.StartsWith("bearer eyJhbGci", requests[1].Headers["Authorization"]);
        Assert.Equal("server:earshot:1.0 (by /u/AcmeAirSupport)", requests[1].Headers["User-Agent"]);
        Assert.Equal(["t3_1h2b000", "t3_1h2c333"], result.Posts.Select(p => p.Id));
        var jo = result.Posts[1];
        Assert.Equal("Acme Air lost my bag again\n\nThird time this year & no answer from support.", jo.Text);
        Assert.Equal("jo_travels", jo.Author?.Handle);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1763899080), jo.CreatedAt);
        Assert.Equal((42, 7, 1), (jo.Metrics!.Likes, jo.Metrics.Replies, jo.Metrics.Reposts));
        Assert.Null(result.Posts[0].Author);
        Assert.Equal("Acme Air adds a new route\n\nhttps://news.example.test/acme-route", result.Posts[0].Text);
        var mark = RedditCursor.Parse(result.NewCursor).New!;
        Assert.Equal(1763899080.0, mark.CreatedUtc);
        Assert.Equal(["t3_1h2c333"], mark.Names);
    }

    [Fact]
    public async Task PollAsync_WithCursor_PagesWithAfterUntilItReachesSeenPosts()
    {
        _routes["/r/acmeair/new?limit=100&raw_json=1"] = (200, RedditFixtures.NewPage1);
        _routes["/r/acmeair/new?limit=100&raw_json=1&after=t3_1h2b000"] = (200, RedditFixtures.NewPage2);
        var cursor = new RedditCursor { New = new RedditMark { CreatedUtc = 1763890000.0, Names = ["t3_1h2a111"] } }.Serialize();

        var result = await _connector.PollAsync(RedditSource(), cursor, default);

        Assert.Equal(["t3_1h2b000", "t3_1h2c333"], result.Posts.Select(p => p.Id));
        Assert.Equal(3, _server.Requests.Count);
        Assert.Equal(1763899080.0, RedditCursor.Parse(result.NewCursor).New!.CreatedUtc);
    }

    [Fact]
    public async Task PollAsync_NothingNew_KeepsTheCursor()
    {
        _routes["/r/acmeair/new"] = (200, RedditFixtures.NewPage1);
        var cursor = new RedditCursor { New = new RedditMark { CreatedUtc = 1763899080.0, Names = ["t3_1h2c333"] } }.Serialize();

        var result = await _connector.PollAsync(RedditSource(), cursor, default);

        Assert.Empty(result.Posts);
        Assert.Equal(cursor, result.NewCursor);
    }

    [Fact]
    public async Task PollAsync_Query_SearchesTheSubredditSortedByNew()
    {
        _routes["/r/acmeair/search"] = (200, RedditFixtures.CommentsListing);

        var result = await _connector.PollAsync(RedditSource(""" "subreddit":"acmeair","query":"\"acme air\" refund" """), null, default);

        Assert.Equal("/r/acmeair/search?q=\"acme air\" refund&restrict_sr=1&sort=new&type=link&limit=100&raw_json=1", Uri.UnescapeDataString(_server.Requests.Last().PathAndQuery));
        var comment = Assert.Single(result.Posts);
        Assert.Equal("t1_lx9z001", comment.Id);
        Assert.Equal("t3_1h2c333", comment.InReplyTo);
        Assert.NotNull(RedditCursor.Parse(result.NewCursor).Search);
    }

    [Fact]
    public async Task PollAsync_SiteWideQuery_UsesSlashSearch()
    {
        _routes["/search"] = (200, RedditFixtures.NewPage2);

        await _connector.PollAsync(RedditSource(""" "query":"acmeair" """), null, default);

        Assert.Equal("/search?q=acmeair&sort=new&type=link&limit=100&raw_json=1", _server.Requests.Last().PathAndQuery);
    }

    [Fact]
    public async Task PollAsync_429_FailsWithWaitFromRatelimitReset()
    {
        _routes["/r/acmeair/new"] = (429, RedditFixtures.TooMany);

        var error = await Assert.ThrowsAsync<PollFailedException>(() => _connector.PollAsync(RedditSource(), null, default));

        Assert.Equal(TimeSpan.FromSeconds(312), error.RetryAfter);
        Assert.Contains("Too Many Requests", error.Message);
    }

    [Fact]
    public async Task PollAsync_WrongPassword_FailsWithInvalidGrant()
    {
        _routes["/api/v1/access_token"] = (200, RedditFixtures.BadPassword);

        var error = await Assert.ThrowsAsync<PollFailedException>(() => _connector.PollAsync(RedditSource(), null, default));

        Assert.Contains("invalid_grant", error.Message);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task PollAsync_TokenCached_AskedForOnce()
    {
        _routes["/r/acmeair/new"] = (200, RedditFixtures.NewPage2);

        await _connector.PollAsync(RedditSource(), null, default);
        await _connector.PollAsync(RedditSource(), null, default);

        Assert.Equal(1, _server.Requests.Count(r => r.PathAndQuery == "/api/v1/access_token"));
    }

    [Fact]
    public async Task SendAsync_PublicReply_PostsApiCommentWithThingIdAndText()
    {
        _routes["/api/comment"] = (200, RedditFixtures.CommentCreated);

        var result = await _connector.SendAsync(Message(RedditSource(), "So sorry, Jo. Please DM us your booking code."), default);

        Assert.True(result.Sent);
        Assert.Equal("t1_lxa0002", result.ExternalId);
        var request = _server.Requests.Last();
        Assert.Equal(("POST", "/api/comment"), (request.Method, request.PathAndQuery));
        Assert.StartsWith("bearer ", request.Headers["Authorization"]);
        Assert.StartsWith("application/x-www-form-urlencoded", request.ContentType);
        var form = QueryHelpers.ParseQuery(request.Body);
        Assert.Equal("json", form["api_type"].ToString());
        Assert.Equal("t3_1h2c333", form["thing_id"].ToString());
        Assert.Equal("So sorry, Jo. Please DM us your booking code.", form["text"].ToString());
    }

    [Fact]
    public async Task SendAsync_RatelimitInErrorsArray_RetryableAfterItsSeconds()
    {
        _routes["/api/comment"] = (200, RedditFixtures.CommentRateLimited);

        var result = await _connector.SendAsync(Message(RedditSource(), "Hello"), default);

        Assert.False(result.Sent);
        Assert.True(result.Retryable);
        Assert.Equal(TimeSpan.FromSeconds(287.5), result.RetryAfter);
        Assert.StartsWith("Reddit: RATELIMIT: Looks like you've been doing that a lot.", result.Error);
    }

    [Fact]
    public async Task SendAsync_ThreadLocked_FailsWithRedditsMessage()
    {
        _routes["/api/comment"] = (200, RedditFixtures.CommentLocked);

        var result = await _connector.SendAsync(Message(RedditSource(), "Hello"), default);

        Assert.False(result.Retryable);
        Assert.Equal("Reddit: THREAD_LOCKED: Comments are locked.", result.Error);
    }

    [Fact]
    public async Task SendAsync_Forbidden_FailsWithTheMessage()
    {
        _routes["/api/comment"] = (403, RedditFixtures.Forbidden);

        var result = await _connector.SendAsync(Message(RedditSource(), "Hello"), default);

        Assert.False(result.Retryable);
        Assert.Equal("Reddit: Forbidden: 403", result.Error);
    }

    [Fact]
    public async Task SendAsync_PrivateReply_ComposesAMessageToTheUser()
    {
        _routes["/api/compose"] = (200, RedditFixtures.Composed);

        var result = await _connector.SendAsync(Message(RedditSource(), "Please send your booking code.", ReplyVisibility.Private), default);

        Assert.True(result.Sent);
        var form = QueryHelpers.ParseQuery(_server.Requests.Last().Body);
        Assert.Equal(("json", "jo_travels", "Please send your booking code."), (form["api_type"].ToString(), form["to"].ToString(), form["text"].ToString()));
        Assert.False(string.IsNullOrEmpty(form["subject"].ToString()));
    }

    [Fact]
    public async Task SendAsync_ExpiredToken_FetchesANewTokenAndRetriesOnce()
    {
        var calls = 0;
        _server.Handler = async context =>
        {
            context.Response.ContentType = "application/json";
            if (context.Request.Path == "/api/v1/access_token")
            {
                await context.Response.WriteAsync(RedditFixtures.Token);
                return;
            }
            context.Response.StatusCode = calls++ == 0 ? 401 : 200;
            await context.Response.WriteAsync(context.Response.StatusCode == 401 ? """{"message": "Unauthorized", "error": 401}""" : RedditFixtures.CommentCreated);
        };

        var result = await _connector.SendAsync(Message(RedditSource(), "Hello"), default);

        Assert.True(result.Sent);
        Assert.Equal(2, _server.Requests.Count(r => r.PathAndQuery == "/api/v1/access_token"));
        Assert.Equal(2, _server.Requests.Count(r => r.PathAndQuery == "/api/comment"));
    }

    [Fact]
    public async Task SendAsync_TooLong_FailsWithoutRequest()
    {
        var result = await _connector.SendAsync(Message(RedditSource(), new string('a', 10_001)), default);

        Assert.False(result.Sent);
        Assert.Contains("10,000", result.Error);
        Assert.Empty(_server.Requests);
    }
}
