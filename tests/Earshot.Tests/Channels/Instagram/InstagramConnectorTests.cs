using System.Text;
using Earshot.Core.Channels;
using Earshot.Core.Channels.Instagram;
using Earshot.Core.Channels.Meta;
using Earshot.Core.Replies;
using Earshot.Tests.Infrastructure;
using static Earshot.Tests.Channels.Facebook.GraphFixtures;

namespace Earshot.Tests.Channels.Instagram;

/// <summary>Instagram replies against a local Graph API: comment replies, private replies, messages, errors.</summary>
public sealed class InstagramConnectorTests : IAsyncLifetime
{
    const string Token = "IGAAtoken456";
    const string CommentId = "17865799348089039";
    LocalHttpServer _server = null!;
    InstagramConnector _connector = null!;
    (int Status, string Body) _answer = (200, """{"id":"17870000000000001"}""");

    public async Task InitializeAsync()
    {
        _server = await LocalHttpServer.StartAsync();
        _server.Handler = async context =>
        {
            context.Response.StatusCode = _answer.Status;
            context.Response.ContentType = "application/json";
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(_answer.Body));
        };
        _connector = new InstagramConnector(new GraphApi(ChannelHttp.CreateClient()));
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    OutboundMessage Message(string text, ReplyVisibility visibility, string inReplyTo = CommentId, string? handle = "jo.travels") =>
        new(new Source
        {
            Platform = "instagram", Name = "Acme Air IG", Connector = InstagramConnector.ConnectorName,
            Settings = $$"""{"graph_base":"{{_server.BaseAddress}}v21.0","ig_user_id":"{{IgUserId}}","access_token":"{{Token}}"}""",
        }, 1, text, visibility, inReplyTo, handle);

    [Fact]
    public async Task SendAsync_PublicReply_PostsRepliesEdgeOfTheComment()
    {
        var result = await _connector.SendAsync(Message("@jo.travels so sorry, we're on it", ReplyVisibility.Public), default);

        Assert.True(result.Sent);
        Assert.Equal("17870000000000001", result.ExternalId);
        var request = Assert.Single(_server.Requests);
        Assert.Equal(("POST", $"/v21.0/{CommentId}/replies"), (request.Method, request.PathAndQuery));
        Assert.Equal($"Bearer {Token}", request.Headers["Authorization"]);
        Assert.Equal("""{"message":"@jo.travels so sorry, we\u0027re on it"}""", request.Body);
    }

    [Fact]
    public async Task SendAsync_PrivateReply_MessagesWithRecipientCommentId()
    {
        _answer = (200, """{"recipient_id":"1234567890123456","message_id":"aWdfZAG1faXRlbTox"}""");

        var result = await _connector.SendAsync(Message("Please DM your booking code", ReplyVisibility.Private), default);

        Assert.Equal("aWdfZAG1faXRlbTox", result.ExternalId);
        var request = Assert.Single(_server.Requests);
        Assert.Equal(("POST", $"/v21.0/{IgUserId}/messages"), (request.Method, request.PathAndQuery));
        Assert.Equal($$$"""{"recipient":{"comment_id":"{{{CommentId}}}"},"message":{"text":"Please DM your booking code"}}""", request.Body);
    }

    [Fact]
    public async Task SendAsync_ReplyToADirectMessage_MessagesTheSender()
    {
        _answer = (200, """{"recipient_id":"1234567890123456","message_id":"aWdfZAG1faXRlbToy"}""");

        var result = await _connector.SendAsync(Message("Happy to help", ReplyVisibility.Public, inReplyTo: "aWdfZAG1faXRlbToxOklHTWVzc2FnZA", handle: "1234567890123456"), default);

        Assert.True(result.Sent);
        Assert.Equal("""{"recipient":{"id":"1234567890123456"},"message":{"text":"Happy to help"}}""", Assert.Single(_server.Requests).Body);
    }

    [Fact]
    public async Task SendAsync_GraphError_SurfacedAsFailedReply()
    {
        _answer = (400, """{"error":{"message":"(#100) The comment does not support replies","type":"OAuthException","code":100,"fbtrace_id":"Ax1"}}""");

        var result = await _connector.SendAsync(Message("Hi", ReplyVisibility.Public), default);

        Assert.False(result.Retryable);
        Assert.Equal("Meta: (#100) The comment does not support replies (OAuthException, code 100)", result.Error);
    }
}
