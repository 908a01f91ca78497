using System.Text;
using System.Text.Json;
using Earshot.Core.Channels;
using Earshot.Core.Channels.Polling;
using Earshot.Core.Channels.X;
using Earshot.Core.Replies;
using Earshot.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;

namespace Earshot.Tests.Channels.X;

/// <summary>The X API v2 connector against a local server replaying the documented payloads.</summary>
public sealed class XConnectorTests : IAsyncLifetime
{
    const string Token = "x-user-token-123";
    readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
    LocalHttpServer _server = null!;
    XConnector _connector = null!;

    public async Task InitializeAsync()
    {
        _server = await LocalHttpServer.StartAsync();
        _connector = new XConnector(ChannelHttp.CreateClient(), _time);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    Source XSource(string settings = """ "query":"@AcmeAir OR #acmefail" """) => new()
    {
        Platform = "x",
        Name = "Acme on X",
        Connector = XConnector.ConnectorName,
        Settings = $$"""{"api_base":"{{_server.BaseAddress}}","access_token":"{{Token}}",{{settings}}}""",
    };

    void Reply(int status, string json, Action<HttpResponse>? headers = null) =>
        _server.Handler = async context =>
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            headers?.Invoke(context.Response);
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(json));
        };

    static OutboundMessage Message(Source source, string text, ReplyVisibility visibility, string? handle = "jo_travels") =>
        new(source, 42, text, visibility, "1860000000000000300", handle);

    static string Query(RecordedRequest request) => Uri.UnescapeDataString(request.PathAndQuery);

    [Fact]
    public async Task PollAsync_FirstPoll_ReadsOnePageMapsAuthorsAndKeepsNewestId()
    {
        Reply(200, XFixtures.SearchPage1);

        var result = await _connector.PollAsync(XSource(), null, default);

        Assert.Equal(["1860000000000000200", "1860000000000000300"], result.Posts.Select(p => p.Id));
        var jo = result.Posts[1];
        Assert.Equal("@AcmeAir lost my bag again & nobody answers. 3rd time!! #fail", jo.Text);
        Assert.Equal("jo_travels", jo.Author?.Handle);
        Assert.Equal("Jo Traveller", jo.Author?.Name);
        Assert.Equal(5400, jo.Author?.Followers);
        Assert.True(jo.Author?.Verified);
        Assert.Equal("1860000000000000100", jo.InReplyTo);
        Assert.Equal("en", jo.Lang);
        Assert.Equal(7, jo.Metrics?.Likes);
        Assert.Equal(3, jo.Metrics?.Reposts);
        Assert.Null(result.Posts[0].Lang);
        var request = Assert.Single(_server.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal("/2/tweets/search/recent?query=@AcmeAir OR #acmefail&max_results=100"
                     + "&tweet.fields=created_at,lang,conversation_id,public_metrics,referenced_tweets&expansions=author_id&user.fields=public_metrics,verified",
            Query(request));
        Assert.Equal($"Bearer {Token}", request.Headers["Authorization"]);
        Assert.Equal("1860000000000000300", XCursor.Parse(result.NewCursor).Search);
    }

    [Fact]
    public async Task PollAsync_WithSinceId_PagesWithNextTokenUntilTheLastPage()
    {
        _server.Handler = async context =>
        {
            context.Response.ContentType = "application/json";
            var body = context.Request.Query.ContainsKey("next_token") ? XFixtures.SearchPage2 : XFixtures.SearchPage1;
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(body));
        };
        var cursor = new XCursor { Search = "1860000000000000001" }.Serialize();

        var result = await _connector.PollAsync(XSource(), cursor, default);

        Assert.Equal(["1860000000000000150", "1860000000000000200", "1860000000000000300"], result.Posts.Select(p => p.Id));
        var queries = _server.Requests.Select(Query).ToList();
        Assert.Equal(2, queries.Count);
        Assert.Contains("&since_id=1860000000000000001", queries[0]);
        Assert.DoesNotContain("next_token", queries[0]);
        Assert.EndsWith("&since_id=1860000000000000001&next_token=b26v89c19zqg8o3fpzbkk9xyz", queries[1]);
        Assert.Equal("1860000000000000300", XCursor.Parse(result.NewCursor).Search);
    }

    [Fact]
    public async Task PollAsync_RateLimitRemainingZero_StopsPaging()
    {
        Reply(200, XFixtures.SearchPage1, r => r.Headers["x-rate-limit-remaining"] = "0");

        var result = await _connector.PollAsync(XSource(), new XCursor { Search = "1" }.Serialize(), default);

        Assert.Single(_server.Requests);
        Assert.Equal(2, result.Posts.Count);
        var cursor = XCursor.Parse(result.NewCursor);
        Assert.Equal("1860000000000000300", cursor.Search);
        Assert.Equal(new XGap("1", "1860000000000000200"), cursor.SearchGap);
    }

    [Fact]
    public async Task PollAsync_GapLeftByAnEarlierPoll_IsReadFirstWithUntilIdThenClosed()
    {
        _server.Handler = async context =>
        {
            context.Response.ContentType = "application/json";
            var body = context.Request.Query.ContainsKey("until_id") ? XFixtures.SearchPage2 : XFixtures.Empty;
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(body));
        };
        var cursor = new XCursor { Search = "1860000000000000300", SearchGap = new XGap("1", "1860000000000000200") }.Serialize();

        var result = await _connector.PollAsync(XSource(), cursor, default);

        var queries = _server.Requests.Select(Query).ToList();
        Assert.EndsWith("&since_id=1&until_id=1860000000000000200", queries[0]);
        Assert.EndsWith("&since_id=1860000000000000300", queries[1]);
        Assert.Equal(["1860000000000000150"], result.Posts.Select(p => p.Id));
        var next = XCursor.Parse(result.NewCursor);
        Assert.Null(next.SearchGap);
        Assert.Equal("1860000000000000300", next.Search);
    }

    [Fact]
    public async Task PollAsync_Mentions_ReadsTheUsersMentionsTimelineWithPaginationToken()
    {
        _server.Handler = async context =>
        {
            context.Response.ContentType = "application/json";
            var body = context.Request.Path.Value!.EndsWith("/mentions") ? XFixtures.Mentions : XFixtures.Empty;
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(body));
        };

        var result = await _connector.PollAsync(XSource(""" "user_id":"1234567890" """), new XCursor { Mentions = "1860000000000000390" }.Serialize(), default);

        var post = Assert.Single(result.Posts);
        Assert.Equal("riley", post.Author?.Handle);
        var request = Assert.Single(_server.Requests);
        Assert.StartsWith("/2/users/1234567890/mentions?max_results=100&", Query(request));
        Assert.EndsWith("&since_id=1860000000000000390", Query(request));
        Assert.Equal("1860000000000000400", XCursor.Parse(result.NewCursor).Mentions);
    }

    [Fact]
    public async Task PollAsync_429WithResetHeader_FailsWithWaitUntilReset()
    {
        var reset = _time.GetUtcNow().AddMinutes(7).ToUnixTimeSeconds();
        Reply(429, XFixtures.TooManyRequests, r =>
        {
            r.Headers["x-rate-limit-limit"] = "450";
            r.Headers["x-rate-limit-remaining"] = "0";
            r.Headers["x-rate-limit-reset"] = reset.ToString();
        });

        var error = await Assert.ThrowsAsync<PollFailedException>(() => _connector.PollAsync(XSource(), null, default));

        Assert.Equal(TimeSpan.FromMinutes(7), error.RetryAfter);
        Assert.Contains("Too Many Requests", error.Message);
    }

    [Fact]
    public async Task PollAsync_InvalidQuery_FailsWithTheProblemAndItsParameterError()
    {
        Reply(400, XFixtures.InvalidQuery);

        var error = await Assert.ThrowsAsync<PollFailedException>(() => _connector.PollAsync(XSource(), null, default));

        Assert.Contains("Invalid Request", error.Message);
        Assert.Contains("missing closing parenthesis", error.Message);
        Assert.Null(error.RetryAfter);
    }

    [Fact]
    public async Task PollAsync_NoQueryNoUser_FailsNamingTheSettings()
    {
        var error = await Assert.ThrowsAsync<PollFailedException>(() => _connector.PollAsync(XSource(""" "other":"x" """), null, default));

        Assert.Contains("query", error.Message);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task SendAsync_PublicReply_PostsTweetWithInReplyToTweetId()
    {
        Reply(201, XFixtures.CreatedTweet);

        var result = await _connector.SendAsync(Message(XSource(), "  So sorry, Jo. We're on it.  ", ReplyVisibility.Public), default);

        Assert.True(result.Sent);
        Assert.Equal("1860000000000000999", result.ExternalId);
        var request = Assert.Single(_server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/2/tweets", request.PathAndQuery);
        Assert.Equal($"Bearer {Token}", request.Headers["Authorization"]);
        Assert.StartsWith("application/json", request.ContentType);
        Assert.Equal("""{"text":"So sorry, Jo. We\u0027re on it.","reply":{"in_reply_to_tweet_id":"1860000000000000300"}}""", request.Body);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("So sorry, Jo. We're on it.", body.RootElement.GetProperty("text").GetString());
    }

    [Fact]
    public async Task SendAsync_PrivateReply_LooksUpTheUserThenSendsADirectMessage()
    {
        _server.Handler = async context =>
        {
            context.Response.ContentType = "application/json";
            var dm = context.Request.Method == "POST";
            context.Response.StatusCode = dm ? 201 : 200;
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(dm ? XFixtures.CreatedDm : XFixtures.UserByUsername));
        };

        var result = await _connector.SendAsync(Message(XSource(), "Please send your booking code.", ReplyVisibility.Private, "@jo_travels"), default);

        Assert.True(result.Sent);
        Assert.Equal("1582838650000000007", result.ExternalId);
        var requests = _server.Requests.ToList();
        Assert.Equal(2, requests.Count);
        Assert.Equal(("GET", "/2/users/by/username/jo_travels"), (requests[0].Method, requests[0].PathAndQuery));
        Assert.Equal(("POST", "/2/dm_conversations/with/2244994945/messages"), (requests[1].Method, requests[1].PathAndQuery));
        Assert.Equal("""{"text":"Please send your booking code."}""", requests[1].Body);
        Assert.Equal($"Bearer {Token}", requests[1].Headers["Authorization"]);
    }

    [Fact]
    public async Task SendAsync_Over280WeightedCharacters_FailsWithMessageAndSendsNothing()
    {
        var text = new string('a', 248) + " https://example.test/a/very/long/path/that/x/shortens/to/23/characters " + "bbbbbbb";

        var atLimit = XTextLength.Weighted(text);
        var result = await _connector.SendAsync(Message(XSource(), text + "c", ReplyVisibility.Public), default);

        Assert.Equal(280, atLimit);
        Assert.False(result.Sent);
        Assert.False(result.Retryable);
        Assert.Contains("281", result.Error);
        Assert.Contains("280", result.Error);
        Assert.Empty(_server.Requests);
    }

    [Theory]
    [InlineData("hello", 5)]
    [InlineData("see https://example.test/x?y=1 now", 4 + 23 + 4)]
    [InlineData("日本語", 6)]
    [InlineData("ok 👍", 5)]
    [InlineData("café — “quoted”", 15)]
    public void Weighted_CountsUrlsAs23AndWideCharactersAs2(string text, int expected) =>
        Assert.Equal(expected, XTextLength.Weighted(text));

    [Fact]
    public async Task SendAsync_DuplicateContent_FailsWithXsProblemDetail()
    {
        Reply(403, XFixtures.DuplicateContent);

        var result = await _connector.SendAsync(Message(XSource(), "Hello", ReplyVisibility.Public), default);

        Assert.False(result.Sent);
        Assert.False(result.Retryable);
        Assert.Equal("X: Forbidden: You are not allowed to create a Tweet with duplicate content.", result.Error);
    }

    [Fact]
    public async Task SendAsync_429WithResetHeader_RetryableAfterTheReset()
    {
        var reset = _time.GetUtcNow().AddSeconds(90).ToUnixTimeSeconds();
        Reply(429, XFixtures.TooManyRequests, r => r.Headers["x-rate-limit-reset"] = reset.ToString());

        var result = await _connector.SendAsync(Message(XSource(), "Hello", ReplyVisibility.Public), default);

        Assert.True(result.Retryable);
        Assert.Equal(TimeSpan.FromSeconds(90), result.RetryAfter);
        Assert.Contains("Too Many Requests", result.Error);
    }

    [Fact]
    public async Task SendAsync_PrivateReplyToUnknownUser_FailsWithXsError()
    {
        Reply(200, """{"errors":[{"value":"nobody_here","detail":"Could not find user with username: [nobody_here].","title":"Not Found Error","resource_type":"user","parameter":"username","resource_id":"nobody_here","type":"https://api.twitter.com/2/problems/resource-not-found"}]}""");

        var result = await _connector.SendAsync(Message(XSource(), "Hi", ReplyVisibility.Private, "nobody_here"), default);

        Assert.False(result.Sent);
        Assert.Contains("nobody_here", result.Error);
        Assert.Single(_server.Requests);
    }
}
