using System.Net;
using System.Text;
using Earshot.Core.Channels;
using Earshot.Core.Channels.Mastodon;
using Earshot.Core.Channels.Polling;
using Earshot.Core.Replies;
using Earshot.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;

namespace Earshot.Tests.Channels.Mastodon;

/// <summary>The Mastodon connector against a local server replaying the documented payloads.</summary>
public sealed class MastodonConnectorTests : IAsyncLifetime
{
    const string Token = "mastodon-token-abc";
    readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 22, 16, 0, 0, TimeSpan.Zero));
    LocalHttpServer _server = null!;
    MastodonConnector _connector = null!;

    public async Task InitializeAsync()
    {
        _server = await LocalHttpServer.StartAsync();
        _connector = new MastodonConnector(ChannelHttp.CreateClient(), _time);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    Source MastodonSource(string extra = "") => new()
    {
        Platform = "mastodon",
        Name = "Acme on Mastodon",
        Connector = MastodonConnector.ConnectorName,
        Settings = $$"""{"instance":"{{_server.BaseAddress}}","access_token":"{{Token}}"{{extra}}}""",
    };

    void Reply(int status, string json, Action<HttpResponse>? headers = null) =>
        _server.Handler = async context =>
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            headers?.Invoke(context.Response);
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(json));
        };

    static OutboundMessage Message(Source source, string text, ReplyVisibility visibility, string? handle = "jo@social.example.test") =>
        new(source, 77, text, visibility, "109379883446771234", handle);

    [Fact]
    public async Task PollAsync_Mentions_MapsStatusesToPostsOldestFirst()
    {
        Reply(200, MastodonFixtures.Mentions);

        var result = await _connector.PollAsync(MastodonSource(), null, default);

        Assert.Equal(["109379800000000042", "109379883446771234"], result.Posts.Select(p => p.Id));
        var jo = result.Posts[1];
        Assert.Equal("@acmeair lost my bag again & nobody answers\n3rd time!!", jo.Text);
        Assert.Equal("jo@social.example.test", jo.Author?.Handle);
        Assert.Equal(5400, jo.Author?.Followers);
        Assert.Equal("109379880000000001", jo.InReplyTo);
        Assert.Equal("en", jo.Lang);
        Assert.Equal(5, jo.Metrics?.Likes);
        Assert.Equal(2, jo.Metrics?.Reposts);
        Assert.Equal("sam", result.Posts[0].Author?.Name);
        var request = Assert.Single(_server.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal("/api/v1/notifications?types[]=mention&limit=40", Uri.UnescapeDataString(request.PathAndQuery));
        Assert.Equal($"Bearer {Token}", request.Headers["Authorization"]);
        Assert.Equal("34975861", MastodonCursor.Parse(result.NewCursor).Notifications);
    }

    [Fact]
    public async Task PollAsync_WithCursorAndHashtag_SendsSinceIdsAndReadsTheTag()
    {
        _server.Handler = async context =>
        {
            context.Response.ContentType = "application/json";
            var body = context.Request.Path.StartsWithSegments("/api/v1/timelines/tag/acmefail") ? MastodonFixtures.Tagged : "[]";
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(body));
        };
        var cursor = new MastodonCursor { Notifications = "34975861", Tag = "109379800000000000" }.Serialize();

        var result = await _connector.PollAsync(MastodonSource(""","hashtag":"#acmefail" """), cursor, default);

        var paths = _server.Requests.Select(r => Uri.UnescapeDataString(r.PathAndQuery)).ToList();
        Assert.Equal([
            "/api/v1/notifications?types[]=mention&limit=40&since_id=34975861",
            "/api/v1/timelines/tag/acmefail?limit=40&since_id=109379800000000000"], paths);
        var post = Assert.Single(result.Posts);
        Assert.Equal("CW: airline rant\n\nNever again #acmefail", post.Text);
        var next = MastodonCursor.Parse(result.NewCursor);
        Assert.Equal("34975861", next.Notifications);
        Assert.Equal("109379900000000077", next.Tag);
    }

    [Fact]
    public async Task PollAsync_Search_AsksV2SearchForStatusesNewerThanTheCursorAndHandsEachStatusOnce()
    {
        _server.Handler = async context =>
        {
            context.Response.ContentType = "application/json";
            var body = context.Request.Path == "/api/v2/search" ? MastodonFixtures.SearchResults : MastodonFixtures.Mentions;
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(body));
        };
        var cursor = new MastodonCursor { Notifications = "34975000", Search = "109379800000000000" }.Serialize();

        var result = await _connector.PollAsync(MastodonSource(""","search":"acme air" """), cursor, default);

        var search = Assert.Single(_server.Requests, r => r.PathAndQuery.StartsWith("/api/v2/search", StringComparison.Ordinal));
        Assert.Equal("/api/v2/search?q=acme air&type=statuses&resolve=false&limit=40&min_id=109379800000000000", Uri.UnescapeDataString(search.PathAndQuery));
        Assert.Equal($"Bearer {Token}", search.Headers["Authorization"]);
        Assert.Equal(["109379800000000042", "109379883446771234", "109379950000000010"], result.Posts.Select(p => p.Id).Order());
        var kai = Assert.Single(result.Posts, p => p.Id == "109379950000000010");
        Assert.Equal("acme air lost my luggage in Lisbon", kai.Text);
        Assert.Equal("kai@travel.example.test", kai.Author?.Handle);
        Assert.Equal("109379950000000010", MastodonCursor.Parse(result.NewCursor).Search);
    }

    [Fact]
    public async Task PollAsync_SearchFullPage_PagesWithOffsetUntilAShortPage()
    {
        var full = "{\"statuses\":[" + string.Join(",", Enumerable.Range(1, 40).Select(i => $$"""{"id":"1093799600000{{i:D5}}","content":"<p>acme {{i}}</p>"}""")) + "]}";
        _server.Handler = async context =>
        {
            context.Response.ContentType = "application/json";
            var body = context.Request.Path != "/api/v2/search" ? "[]"
                : context.Request.Query.ContainsKey("offset") ? MastodonFixtures.SearchResults : full;
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(body));
        };
        var cursor = new MastodonCursor { Notifications = "1", Search = "109379800000000000" }.Serialize();

        var result = await _connector.PollAsync(MastodonSource(""","search":"acme" """), cursor, default);

        var searches = _server.Requests.Where(r => r.PathAndQuery.StartsWith("/api/v2/search", StringComparison.Ordinal)).Select(r => r.PathAndQuery).ToList();
        Assert.Equal(2, searches.Count);
        Assert.EndsWith("&offset=40", searches[1]);
        Assert.Equal(42, result.Posts.Count);
        Assert.Equal("109379960000000040", MastodonCursor.Parse(result.NewCursor).Search);
    }

    [Fact]
    public async Task PollAsync_SearchFirstPoll_ReadsOnePageWithoutMinId()
    {
        _server.Handler = async context =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(context.Request.Path == "/api/v2/search" ? MastodonFixtures.SearchResults : "[]"));
        };

        var result = await _connector.PollAsync(MastodonSource(""","search":"acme air" """), null, default);

        var search = Assert.Single(_server.Requests, r => r.PathAndQuery.StartsWith("/api/v2/search", StringComparison.Ordinal));
        Assert.DoesNotContain("min_id", search.PathAndQuery);
        Assert.Equal(2, result.Posts.Count);
        Assert.Equal("109379950000000010", MastodonCursor.Parse(result.NewCursor).Search);
    }

    [Fact]
    public async Task PollAsync_SearchRefused_FailsWithMastodonsError()
    {
        _server.Handler = async context =>
        {
            context.Response.ContentType = "application/json";
            if (context.Request.Path == "/api/v2/search")
            {
                context.Response.StatusCode = 403;
                await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes("""{"error":"This action is outside the authorized scopes"}"""));
                return;
            }
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes("[]"));
        };

        var error = await Assert.ThrowsAsync<PollFailedException>(() => _connector.PollAsync(MastodonSource(""","search":"acme" """), null, default));

        Assert.Equal("Mastodon answered 403 to GET /api/v2/search: This action is outside the authorized scopes", error.Message);
    }

    [Fact]
    public async Task PollAsync_Unauthorized_ThrowsWithMastodonError()
    {
        Reply(401, """{"error":"The access token is invalid"}""");

        var error = await Assert.ThrowsAsync<PollFailedException>(() => _connector.PollAsync(MastodonSource(), null, default));

        Assert.Contains("The access token is invalid", error.Message);
    }

    [Fact]
    public async Task SendAsync_PublicReply_PostsStatusInThread()
    {
        Reply(200, MastodonFixtures.CreatedStatus);

        var result = await _connector.SendAsync(Message(MastodonSource(), "Sorry to hear that", ReplyVisibility.Public), default);

        Assert.True(result.Sent);
        Assert.Equal("109380000000000099", result.ExternalId);
        var request = Assert.Single(_server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/api/v1/statuses", request.PathAndQuery);
        Assert.Equal($"Bearer {Token}", request.Headers["Authorization"]);
        Assert.Equal("earshot-reply-77", request.Headers["Idempotency-Key"]);
        var form = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(request.Body);
        Assert.Equal("Sorry to hear that", form["status"].ToString());
        Assert.Equal("109379883446771234", form["in_reply_to_id"].ToString());
        Assert.Equal("public", form["visibility"].ToString());
    }

    [Fact]
    public async Task SendAsync_PrivateReply_IsDirectStatusMentioningTheCustomer()
    {
        Reply(200, MastodonFixtures.CreatedStatus);

        var result = await _connector.SendAsync(Message(MastodonSource(), "Please send your booking code.", ReplyVisibility.Private), default);

        Assert.True(result.Sent);
        var form = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(Assert.Single(_server.Requests).Body);
        Assert.Equal("@jo@social.example.test Please send your booking code.", form["status"].ToString());
        Assert.Equal("direct", form["visibility"].ToString());
        Assert.Equal("109379883446771234", form["in_reply_to_id"].ToString());
    }

    [Fact]
    public async Task SendAsync_PrivateReplyAlreadyMentioningTheCustomer_MentionNotDoubled()
    {
        Reply(200, MastodonFixtures.CreatedStatus);

        await _connector.SendAsync(Message(MastodonSource(), "Hi @jo@social.example.test, please DM the code.", ReplyVisibility.Private), default);

        var form = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(Assert.Single(_server.Requests).Body);
        Assert.Equal("Hi @jo@social.example.test, please DM the code.", form["status"].ToString());
        Assert.Equal("direct", form["visibility"].ToString());
    }

    [Fact]
    public async Task SendAsync_PrivateReplyWithoutHandle_FailsWithoutRequest()
    {
        var result = await _connector.SendAsync(Message(MastodonSource(), "Hello", ReplyVisibility.Private, handle: null), default);

        Assert.False(result.Sent);
        Assert.False(result.Retryable);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task SendAsync_LongerThan500Characters_RefusedWithoutRequest()
    {
        var result = await _connector.SendAsync(Message(MastodonSource(), new string('a', 501), ReplyVisibility.Public), default);

        Assert.False(result.Sent);
        Assert.False(result.Retryable);
        Assert.Contains("500", result.Error);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task SendAsync_RateLimited_RetryableAfterReset()
    {
        Reply(429, """{"error":"Too many requests"}""", r => r.Headers["X-RateLimit-Reset"] = "2026-11-22T16:05:00.000Z");

        var result = await _connector.SendAsync(Message(MastodonSource(), "Hello", ReplyVisibility.Public), default);

        Assert.False(result.Sent);
        Assert.True(result.Retryable);
        Assert.Equal(TimeSpan.FromMinutes(5), result.RetryAfter);
    }

    [Fact]
    public async Task SendAsync_Unprocessable_SurfacesMastodonErrorNotRetryable()
    {
        Reply(422, """{"error":"Validation failed: Text character limit of 500 exceeded"}""");

        var result = await _connector.SendAsync(Message(MastodonSource(), "Hello", ReplyVisibility.Public), default);

        Assert.False(result.Sent);
        Assert.False(result.Retryable);
        Assert.Equal("Mastodon: Validation failed: Text character limit of 500 exceeded", result.Error);
    }

    [Fact]
    public async Task SendAsync_ServerError_Retryable()
    {
        Reply((int)HttpStatusCode.BadGateway, "<html>Bad gateway</html>");

        var result = await _connector.SendAsync(Message(MastodonSource(), "Hello", ReplyVisibility.Public), default);

        Assert.True(result.Retryable);
        Assert.Contains("502", result.Error);
    }
}
