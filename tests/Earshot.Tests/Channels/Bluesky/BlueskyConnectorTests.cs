using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Earshot.Core.Channels;
using Earshot.Core.Channels.Bluesky;
using Earshot.Core.Channels.Polling;
using Earshot.Core.Replies;
using Earshot.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using static Earshot.Tests.Channels.Bluesky.BlueskyFixtures;

namespace Earshot.Tests.Channels.Bluesky;

/// <summary>The Bluesky connector against a local Jetstream WebSocket and XRPC server replaying documented payloads.</summary>
public sealed class BlueskyConnectorTests : IAsyncLifetime
{
    readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
    LocalHttpServer _server = null!;
    BlueskyConnector _connector = null!;
    readonly Dictionary<string, (int Status, string Body)> _routes = new();

    public async Task InitializeAsync()
    {
        _server = await LocalHttpServer.StartAsync();
        _connector = new BlueskyConnector(ChannelHttp.CreateClient(), _time);
        _routes["/xrpc/com.atproto.server.createSession"] = (200, Session);
        _server.Handler = async context =>
        {
            var (status, body) = _routes.TryGetValue(context.Request.Path, out var route) ? route : (404, """{"error":"MethodNotImplemented","message":"Method Not Implemented"}""");
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            if (status == 429)
            {
                context.Response.Headers["ratelimit-limit"] = "5000";
                context.Response.Headers["ratelimit-remaining"] = "0";
                context.Response.Headers["ratelimit-reset"] = _time.GetUtcNow().AddMinutes(3).ToUnixTimeSeconds().ToString();
            }
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(body));
        };
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    Source BlueskySource(string listen = $$"""  "keywords":"acme air, #acmefail","dids":"{{BrandDid}}" """) => new()
    {
        Id = 11,
        Platform = "bluesky",
        Name = "Acme on Bluesky",
        Connector = BlueskyConnector.ConnectorName,
        Settings = $$"""
            {"jetstream":"{{_server.WebSocketAddress}}","service":"{{_server.BaseAddress}}","appview":"{{_server.BaseAddress}}","identifier":"acmeair.bsky.social","app_password":"abcd-efgh-ijkl-mnop",{{listen}}}
            """,
    };

    /// <summary>A Jetstream that sends <paramref name="messages"/> then closes (or drops the connection).</summary>
    void Stream(IEnumerable<string> messages, bool drop = false) =>
        _server.Handler = async context =>
        {
            if (!context.WebSockets.IsWebSocketRequest)
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(context.Request.Path == "/xrpc/app.bsky.actor.getProfiles" ? Profiles : "{}");
                return;
            }
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            foreach (var message in messages)
            {
                await socket.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, true, default);
            }
            if (drop)
            {
                // Give the frames time to leave the server before the connection is cut, as a network drop would.
                await Task.Delay(300);
                context.Abort();
                return;
            }
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", default);
        };

    static string Uri(string did, string rkey) => $"at://{did}/app.bsky.feed.post/{rkey}";

    [Fact]
    public async Task PollAsync_Jetstream_KeepsPostsWithKeywordsMentionsAndRepliesToTheBrand()
    {
        Stream([
            Post(JoDid, 1763899140000001, "3lbqjo1", "Acme Air lost my bag again"),
            Post(SamDid, 1763899140000002, "3lbqsam1", "lovely weather today"),
            Identity(SamDid, 1763899140000003),
            Delete(JoDid, 1763899140000004, "3lbqold"),
            Post(SamDid, 1763899140000005, "3lbqsam2", "same for me", replyParent: Uri(BrandDid, "3lbqacme1")),
            Post(SamDid, 1763899140000006, "3lbqsam3", "@acmeair.bsky.social hello?", mentionDid: BrandDid),
            Post(JoDid, 1763899140000007, "3lbqjo2", "never again #AcmeFail", replyParent: Uri(JoDid, "3lbqjo1")),
        ]);

        var result = await _connector.PollAsync(BlueskySource(), null, default);

        Assert.Equal([Uri(JoDid, "3lbqjo1"), Uri(SamDid, "3lbqsam2"), Uri(SamDid, "3lbqsam3"), Uri(JoDid, "3lbqjo2")], result.Posts.Select(p => p.Id));
        var first = result.Posts[0];
        Assert.Equal("Acme Air lost my bag again", first.Text);
        Assert.Equal(("jo.bsky.social", "Jo Traveller", 5400L), (first.Author?.Handle, first.Author?.Name, first.Author!.Followers));
        Assert.Equal(SamDid, result.Posts[1].Author?.Handle);
        Assert.Equal("en", first.Lang);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 11, 59, 0, TimeSpan.Zero), first.CreatedAt);
        Assert.Equal(Uri(JoDid, "3lbqjo1"), result.Posts[3].InReplyTo);
        Assert.Equal("1763899140000007", result.NewCursor);
        var requests = _server.Requests.ToList();
        Assert.Equal(2, requests.Count);
        Assert.Equal("/subscribe?wantedCollections=app.bsky.feed.post", requests[0].PathAndQuery);
        Assert.Equal($"/xrpc/app.bsky.actor.getProfiles?actors={JoDid}&actors={SamDid}", System.Uri.UnescapeDataString(requests[1].PathAndQuery));
    }

    [Fact]
    public async Task PollAsync_ReconnectWithCursor_ResumesAfterADroppedConnection()
    {
        Stream([Post(JoDid, 1763899140000001, "3lbqjo1", "acme air lost my bag"), Post(JoDid, 1763899140000002, "3lbqjo2", "acme air still nothing")], drop: true);
        var first = await _connector.PollAsync(BlueskySource(), null, default);
        Stream([Post(SamDid, 1763899140000009, "3lbqsam9", "acme air delayed again")]);

        var second = await _connector.PollAsync(BlueskySource(), first.NewCursor, default);

        Assert.Equal("1763899140000002", first.NewCursor);
        Assert.Equal(2, first.Posts.Count);
        Assert.Equal("/subscribe?wantedCollections=app.bsky.feed.post&cursor=1763899140000002", _server.Requests.Last(r => r.PathAndQuery.StartsWith("/subscribe")).PathAndQuery);
        Assert.Equal([Uri(SamDid, "3lbqsam9")], second.Posts.Select(p => p.Id));
        Assert.Equal("1763899140000009", second.NewCursor);
    }

    [Fact]
    public async Task PollAsync_NothingArrives_KeepsTheCursor()
    {
        Stream([]);

        var result = await _connector.PollAsync(BlueskySource(), "1763899140000002", default);

        Assert.Empty(result.Posts);
        Assert.Equal("1763899140000002", result.NewCursor);
    }

    [Fact]
    public async Task PollAsync_FromDids_AsksJetstreamForThoseAuthorsOnly()
    {
        Stream([Post(JoDid, 1763899140000001, "3lbqjo1", "anything at all")]);

        var result = await _connector.PollAsync(BlueskySource($$""" "from_dids":"{{JoDid}}, {{SamDid}}" """), null, default);

        Assert.Single(result.Posts);
        Assert.Equal($"/subscribe?wantedCollections=app.bsky.feed.post&wantedDids={JoDid}&wantedDids={SamDid}",
            System.Uri.UnescapeDataString(_server.Requests.First().PathAndQuery));
    }

    [Fact]
    public async Task PollAsync_NoFilter_FailsNamingTheSettings()
    {
        var error = await Assert.ThrowsAsync<PollFailedException>(() => _connector.PollAsync(BlueskySource(""" "other":"x" """), null, default));

        Assert.Contains("keywords", error.Message);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task PollAsync_NotAWebSocketServer_FailsToConnect()
    {
        _server.Handler = context =>
        {
            context.Response.StatusCode = 404;
            return Task.CompletedTask;
        };

        var error = await Assert.ThrowsAsync<PollFailedException>(() => _connector.PollAsync(BlueskySource(), null, default));

        Assert.Contains("Jetstream", error.Message);
    }

    OutboundMessage Message(string text, ReplyVisibility visibility = ReplyVisibility.Public, string? inReplyTo = null) =>
        new(BlueskySource(), 3, text, visibility, inReplyTo ?? Uri(JoDid, "3lbqjo2"), JoDid);

    [Fact]
    public async Task SendAsync_ReplyInThread_CreatesRecordWithTheThreadRootAndTheParent()
    {
        _routes["/xrpc/app.bsky.feed.getPosts"] = (200, ParentInThread);
        _routes["/xrpc/com.atproto.repo.createRecord"] = (200, Created);

        var result = await _connector.SendAsync(Message("So sorry, Jo. We're tracing your bag now."), default);

        Assert.True(result.Sent, result.Error);
        Assert.Equal(Uri(BrandDid, "3lbqacme9"), result.ExternalId);
        var requests = _server.Requests.ToList();
        Assert.Equal(3, requests.Count);
        Assert.Equal(("POST", "/xrpc/com.atproto.server.createSession"), (requests[0].Method, requests[0].PathAndQuery));
        Assert.Equal("""{"identifier":"acmeair.bsky.social","password":"abcd-efgh-ijkl-mnop"}""", requests[0].Body);
        Assert.Equal(("GET", "/xrpc/app.bsky.feed.getPosts?uris=" + System.Uri.EscapeDataString(Uri(JoDid, "3lbqjo2"))), (requests[1].Method, requests[1].PathAndQuery));
        Assert.Equal("Bearer eyJhbGciOiJFUzI1NksifQ.access", requests[1].Headers["Authorization"]);
        var create = requests[2];
        Assert.Equal(("POST", "/xrpc/com.atproto.repo.createRecord"), (create.Method, create.PathAndQuery));
        Assert.Equal("Bearer eyJhbGciOiJFUzI1NksifQ.access", create.Headers["Authorization"]);
        Assert.StartsWith("application/json", create.ContentType);
        using var body = JsonDocument.Parse(create.Body);
        var root = body.RootElement;
        Assert.Equal(BrandDid, root.GetProperty("repo").GetString());
        Assert.Equal("app.bsky.feed.post", root.GetProperty("collection").GetString());
        var record = root.GetProperty("record");
        Assert.Equal("app.bsky.feed.post", record.GetProperty("$type").GetString());
        Assert.Equal("So sorry, Jo. We're tracing your bag now.", record.GetProperty("text").GetString());
        Assert.Equal("2026-11-23T12:00:00.000Z", record.GetProperty("createdAt").GetString());
        var reply = record.GetProperty("reply");
        Assert.Equal(Uri(JoDid, "3lbqjo1"), reply.GetProperty("root").GetProperty("uri").GetString());
        Assert.Equal("bafyreijo1cid", reply.GetProperty("root").GetProperty("cid").GetString());
        Assert.Equal(Uri(JoDid, "3lbqjo2"), reply.GetProperty("parent").GetProperty("uri").GetString());
        Assert.Equal("bafyreijo2cid", reply.GetProperty("parent").GetProperty("cid").GetString());
    }

    [Fact]
    public async Task SendAsync_ReplyToATopLevelPost_RootAndParentAreThatPost()
    {
        _routes["/xrpc/app.bsky.feed.getPosts"] = (200, TopLevelParent);
        _routes["/xrpc/com.atproto.repo.createRecord"] = (200, Created);

        var result = await _connector.SendAsync(Message("Hello Jo", inReplyTo: Uri(JoDid, "3lbqjo1")), default);

        Assert.True(result.Sent, result.Error);
        using var body = JsonDocument.Parse(_server.Requests.Last().Body);
        var reply = body.RootElement.GetProperty("record").GetProperty("reply");
        Assert.Equal(reply.GetProperty("parent").GetRawText(), reply.GetProperty("root").GetRawText());
        Assert.Equal("bafyreijo1cid", reply.GetProperty("root").GetProperty("cid").GetString());
    }

    [Fact]
    public async Task SendAsync_Over300Graphemes_FailsWithMessageAndSendsNothing()
    {
        var result = await _connector.SendAsync(Message(new string('a', 301)), default);

        Assert.False(result.Sent);
        Assert.False(result.Retryable);
        Assert.Contains("301", result.Error);
        Assert.Contains("300", result.Error);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task SendAsync_300EmojiGraphemes_CountAsThreeHundredAndAreSent()
    {
        _routes["/xrpc/app.bsky.feed.getPosts"] = (200, ParentInThread);
        _routes["/xrpc/com.atproto.repo.createRecord"] = (200, Created);
        var family = string.Concat(Enumerable.Repeat("👨‍👩‍👧", 300));

        var result = await _connector.SendAsync(Message(family), default);

        Assert.True(family.Length > 1000);
        Assert.True(result.Sent, result.Error);
    }

    [Fact]
    public async Task SendAsync_InvalidRecord_FailsWithTheXrpcError()
    {
        _routes["/xrpc/app.bsky.feed.getPosts"] = (200, ParentInThread);
        _routes["/xrpc/com.atproto.repo.createRecord"] = (400, InvalidRecord);

        var result = await _connector.SendAsync(Message("Hello"), default);

        Assert.False(result.Retryable);
        Assert.Equal("Bluesky: InvalidRequest: Invalid app.bsky.feed.post record: Record/text must not be longer than 300 graphemes", result.Error);
    }

    [Fact]
    public async Task SendAsync_RateLimited_RetryableUntilRatelimitReset()
    {
        _routes["/xrpc/app.bsky.feed.getPosts"] = (200, ParentInThread);
        _routes["/xrpc/com.atproto.repo.createRecord"] = (429, RateLimited);

        var result = await _connector.SendAsync(Message("Hello"), default);

        Assert.True(result.Retryable);
        Assert.Equal(TimeSpan.FromMinutes(3), result.RetryAfter);
        Assert.Contains("RateLimitExceeded", result.Error);
    }

    [Fact]
    public async Task SendAsync_WrongAppPassword_FailsWithTheSignInError()
    {
        _routes["/xrpc/com.atproto.server.createSession"] = (401, AuthFailed);

        var result = await _connector.SendAsync(Message("Hello"), default);

        Assert.False(result.Sent);
        Assert.Equal("Bluesky: AuthenticationRequired: Invalid identifier or password", result.Error);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task SendAsync_ExpiredToken_SignsInAgainAndRetriesOnce()
    {
        _routes["/xrpc/app.bsky.feed.getPosts"] = (400, """{"error":"ExpiredToken","message":"Token has expired"}""");

        var result = await _connector.SendAsync(Message("Hello"), default);

        Assert.False(result.Sent);
        Assert.Equal(2, _server.Requests.Count(r => r.PathAndQuery == "/xrpc/com.atproto.server.createSession"));
        Assert.Equal(2, _server.Requests.Count(r => r.PathAndQuery.StartsWith("/xrpc/app.bsky.feed.getPosts")));
    }

    [Fact]
    public async Task SendAsync_PrivateToAHandle_ResolvesTheDidFirst()
    {
        _routes["/xrpc/com.atproto.identity.resolveHandle"] = (200, $$"""{"did":"{{JoDid}}"}""");
        _routes["/xrpc/chat.bsky.convo.getConvoForMembers"] = (200, Convo);
        _routes["/xrpc/chat.bsky.convo.sendMessage"] = (200, MessageSent);

        var result = await _connector.SendAsync(new OutboundMessage(BlueskySource(), 4, "Hi Jo", ReplyVisibility.Private, null, "jo.bsky.social"), default);

        Assert.True(result.Sent, result.Error);
        var requests = _server.Requests.ToList();
        Assert.Equal("/xrpc/com.atproto.identity.resolveHandle?handle=jo.bsky.social", requests[1].PathAndQuery);
        Assert.Equal("/xrpc/chat.bsky.convo.getConvoForMembers?members=" + System.Uri.EscapeDataString(JoDid), requests[2].PathAndQuery);
    }

    [Fact]
    public async Task SendAsync_Private_SendsAChatMessageThroughTheChatProxy()
    {
        _routes["/xrpc/chat.bsky.convo.getConvoForMembers"] = (200, Convo);
        _routes["/xrpc/chat.bsky.convo.sendMessage"] = (200, MessageSent);

        var result = await _connector.SendAsync(Message("Please send your booking code.", ReplyVisibility.Private), default);

        Assert.True(result.Sent, result.Error);
        Assert.Equal("3lbqmsg77", result.ExternalId);
        var requests = _server.Requests.ToList();
        Assert.Equal("/xrpc/chat.bsky.convo.getConvoForMembers?members=" + System.Uri.EscapeDataString(JoDid), requests[1].PathAndQuery);
        Assert.Equal("did:web:api.bsky.chat#bsky_chat", requests[1].Headers["atproto-proxy"]);
        Assert.Equal(("POST", "/xrpc/chat.bsky.convo.sendMessage"), (requests[2].Method, requests[2].PathAndQuery));
        Assert.Equal("did:web:api.bsky.chat#bsky_chat", requests[2].Headers["atproto-proxy"]);
        Assert.Equal("""{"convoId":"3lbqconvo1","message":{"text":"Please send your booking code."}}""", requests[2].Body);
    }
}
