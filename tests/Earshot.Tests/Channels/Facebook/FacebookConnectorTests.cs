using System.Text;
using Earshot.Core.Channels;
using Earshot.Core.Channels.Facebook;
using Earshot.Core.Channels.Meta;
using Earshot.Core.Replies;
using Earshot.Tests.Infrastructure;
using static Earshot.Tests.Channels.Facebook.GraphFixtures;

namespace Earshot.Tests.Channels.Facebook;

/// <summary>Facebook page replies against a local Graph API: the exact requests, and Meta's error bodies surfaced.</summary>
public sealed class FacebookConnectorTests : IAsyncLifetime
{
    const string Token = "EAAGpagetoken123";
    const string CommentId = "900000000000001_1200000000000001";
    LocalHttpServer _server = null!;
    FacebookConnector _connector = null!;
    (int Status, string Body) _answer = (200, CommentCreated);

    public async Task InitializeAsync()
    {
        _server = await LocalHttpServer.StartAsync();
        _server.Handler = async context =>
        {
            context.Response.StatusCode = _answer.Status;
            context.Response.ContentType = "application/json";
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(_answer.Body));
        };
        _connector = new FacebookConnector(new GraphApi(ChannelHttp.CreateClient()));
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    Source PageSource() => new()
    {
        Platform = "facebook",
        Name = "Acme Air page",
        Connector = FacebookConnector.ConnectorName,
        Settings = $$"""{"graph_base":"{{_server.BaseAddress}}v21.0","page_id":"{{PageId}}","page_access_token":"{{Token}}","app_secret":"s"}""",
    };

    OutboundMessage Message(string text, ReplyVisibility visibility, string inReplyTo = CommentId, string? handle = "6211000000000042") =>
        new(PageSource(), 1, text, visibility, inReplyTo, handle);

    [Fact]
    public async Task SendAsync_PublicReplyToComment_PostsCommentsEdgeOfTheComment()
    {
        var result = await _connector.SendAsync(Message("So sorry, Jo. We're on it.", ReplyVisibility.Public), default);

        Assert.True(result.Sent);
        Assert.Equal("900000000000001_1200000000000099", result.ExternalId);
        var request = Assert.Single(_server.Requests);
        Assert.Equal(("POST", $"/v21.0/{CommentId}/comments"), (request.Method, request.PathAndQuery));
        Assert.Equal($"Bearer {Token}", request.Headers["Authorization"]);
        Assert.StartsWith("application/json", request.ContentType);
        Assert.Equal("""{"message":"So sorry, Jo. We\u0027re on it."}""", request.Body);
    }

    [Fact]
    public async Task SendAsync_PrivateReplyToComment_MessagesThePageWithRecipientCommentId()
    {
        _answer = (200, MessageSent);

        var result = await _connector.SendAsync(Message("Please send your booking code.", ReplyVisibility.Private), default);

        Assert.True(result.Sent);
        Assert.Equal("m_sent00001", result.ExternalId);
        var request = Assert.Single(_server.Requests);
        Assert.Equal(("POST", $"/v21.0/{PageId}/messages"), (request.Method, request.PathAndQuery));
        Assert.Equal($$$"""{"recipient":{"comment_id":"{{{CommentId}}}"},"messaging_type":"RESPONSE","message":{"text":"Please send your booking code."}}""", request.Body);
    }

    [Fact]
    public async Task SendAsync_ReplyToAMessengerMessage_MessagesTheSendersPageScopedId()
    {
        _answer = (200, MessageSent);

        var result = await _connector.SendAsync(Message("Refund is on its way.", ReplyVisibility.Public, inReplyTo: "m_AG5Hz2Uq7tuw", handle: "7300000000000011"), default);

        Assert.True(result.Sent);
        Assert.Equal("""{"recipient":{"id":"7300000000000011"},"messaging_type":"RESPONSE","message":{"text":"Refund is on its way."}}""", Assert.Single(_server.Requests).Body);
    }

    [Fact]
    public async Task SendAsync_OutsideTheMessagingWindow_FailsWithMetasMessage()
    {
        _answer = (400, OutsideWindow);

        var result = await _connector.SendAsync(Message("Hello", ReplyVisibility.Private), default);

        Assert.False(result.Sent);
        Assert.False(result.Retryable);
        Assert.Equal("Meta: (#10) This message is sent outside of allowed window. (OAuthException, code 10)", result.Error);
    }

    [Fact]
    public async Task SendAsync_ApplicationRequestLimit_RetryableLater()
    {
        _answer = (400, Throttled);

        var result = await _connector.SendAsync(Message("Hello", ReplyVisibility.Public), default);

        Assert.True(result.Retryable);
        Assert.NotNull(result.RetryAfter);
        Assert.Contains("Application request limit reached", result.Error);
    }

    [Fact]
    public async Task SendAsync_ExpiredToken_FailsNotRetryable()
    {
        _answer = (400, ExpiredToken);

        var result = await _connector.SendAsync(Message("Hello", ReplyVisibility.Public), default);

        Assert.False(result.Retryable);
        Assert.Contains("Session has expired", result.Error);
    }

    [Fact]
    public async Task SendAsync_CommentTooLong_FailsWithoutRequest()
    {
        var result = await _connector.SendAsync(Message(new string('a', 8001), ReplyVisibility.Public), default);

        Assert.False(result.Sent);
        Assert.Contains("8,000", result.Error);
        Assert.Empty(_server.Requests);
    }
}
