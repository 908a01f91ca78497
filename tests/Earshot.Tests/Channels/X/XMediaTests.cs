using System.Text.Json;
using Earshot.Core.Channels;
using Earshot.Core.Channels.X;
using Earshot.Core.Replies;
using Earshot.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;

namespace Earshot.Tests.Channels.X;

/// <summary>Images in X replies: POST /2/media/upload, then media.media_ids on the tweet (attachments on a DM).</summary>
public sealed class XMediaTests : IAsyncLifetime
{
    readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
    readonly List<(string ContentType, int Length, string? Category, string? MediaType)> _uploads = [];
    LocalHttpServer _server = null!;
    XConnector _connector = null!;
    (int Status, string Body)? _uploadAnswer;

    public async Task InitializeAsync()
    {
        _server = await LocalHttpServer.StartAsync();
        _connector = new XConnector(ChannelHttp.CreateClient(), _time);
        _server.Handler = async context =>
        {
            context.Response.ContentType = "application/json";
            var path = context.Request.Path.Value!;
            if (path == "/2/media/upload")
            {
                var form = await context.Request.ReadFormAsync();
                var media = form.Files["media"]!;
                _uploads.Add((media.ContentType, (int)media.Length, form["media_category"].FirstOrDefault(), form["media_type"].FirstOrDefault()));
                var (status, body) = _uploadAnswer ?? (200, $$"""{"data":{"id":"187000000000000000{{_uploads.Count}}","media_key":"3_187000000000000000{{_uploads.Count}}","size":{{media.Length}},"expires_after_secs":86400} }""");
                context.Response.StatusCode = status;
                await context.Response.WriteAsync(body);
            }
            else if (path == "/2/tweets")
            {
                context.Response.StatusCode = 201;
                await context.Response.WriteAsync(XFixtures.CreatedTweet);
            }
            else if (path.StartsWith("/2/users/by/username/", StringComparison.Ordinal))
            {
                await context.Response.WriteAsync(XFixtures.UserByUsername);
            }
            else if (path.StartsWith("/2/dm_conversations/with/", StringComparison.Ordinal))
            {
                context.Response.StatusCode = 201;
                await context.Response.WriteAsync(XFixtures.CreatedDm);
            }
            else
            {
                context.Response.StatusCode = 404;
                await context.Response.WriteAsync("""{"title":"Not Found Error","detail":"Sorry, that page does not exist."}""");
            }
        };
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    OutboundMessage Message(ReplyVisibility visibility, params OutboundMedia[] media) => new(
        new Source
        {
            Platform = "x", Name = "Acme on X", Connector = XConnector.ConnectorName,
            Settings = $$"""{"api_base":"{{_server.BaseAddress}}","access_token":"user-token","query":"acme"}""",
        },
        42, "Here is the form", visibility, "1860000000000000300", "jo_travels", Media: media);

    static string Json(string body) => JsonSerializer.Serialize(JsonDocument.Parse(body).RootElement);

    [Fact]
    public async Task SendAsync_WithImages_UploadsThenPostsTheTweetWithMediaIds()
    {
        var result = await _connector.SendAsync(Message(ReplyVisibility.Public,
            new OutboundMedia("image/png", MediaFixtures.Png(500)), new OutboundMedia("image/jpeg", MediaFixtures.Jpeg(700))), default);

        Assert.True(result.Sent, result.Error);
        Assert.Equal([("image/png", 500, "tweet_image", "image/png"), ("image/jpeg", 700, "tweet_image", "image/jpeg")], _uploads);
        var uploads = _server.Requests.Where(r => r.PathAndQuery == "/2/media/upload").ToList();
        Assert.All(uploads, r => Assert.Equal("Bearer user-token", r.Headers["Authorization"]));
        Assert.All(uploads, r => Assert.StartsWith("multipart/form-data", r.ContentType));
        var tweet = Assert.Single(_server.Requests, r => r.PathAndQuery == "/2/tweets");
        Assert.Equal("""{"text":"Here is the form","reply":{"in_reply_to_tweet_id":"1860000000000000300"},"media":{"media_ids":["1870000000000000001","1870000000000000002"]}}""",
            Json(tweet.Body));
    }

    [Fact]
    public async Task SendAsync_GifWithAnotherImage_RefusedBeforeAnyRequest()
    {
        var result = await _connector.SendAsync(Message(ReplyVisibility.Public,
            new OutboundMedia("image/gif", MediaFixtures.Gif()), new OutboundMedia("image/png", MediaFixtures.Png())), default);

        Assert.False(result.Sent);
        Assert.False(result.Retryable);
        Assert.StartsWith("X takes image/gif only as the single attachment of a post.", result.Error);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task SendAsync_ImageOver5MB_RefusedBeforeAnyRequest()
    {
        var result = await _connector.SendAsync(Message(ReplyVisibility.Public, new OutboundMedia("image/png", MediaFixtures.Png(5 * 1024 * 1024 + 1))), default);

        Assert.False(result.Sent);
        Assert.StartsWith("The attachment is 5 MB (5,242,881 bytes); X allows 5 MB (5,242,880 bytes) for image/png.", result.Error);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task SendAsync_GifUpTo15MB_IsUploadedAsTweetGif()
    {
        var result = await _connector.SendAsync(Message(ReplyVisibility.Public, new OutboundMedia("image/gif", MediaFixtures.Gif(12 * 1024 * 1024))), default);

        Assert.True(result.Sent, result.Error);
        Assert.Equal("tweet_gif", Assert.Single(_uploads).Category);
    }

    [Fact]
    public async Task SendAsync_DirectMessageWithAnImage_UploadsAsDmImageAndAttachesIt()
    {
        var result = await _connector.SendAsync(Message(ReplyVisibility.Private, new OutboundMedia("image/jpeg", MediaFixtures.Jpeg())), default);

        Assert.True(result.Sent, result.Error);
        Assert.Equal("dm_image", Assert.Single(_uploads).Category);
        var dm = Assert.Single(_server.Requests, r => r.PathAndQuery.StartsWith("/2/dm_conversations/with/", StringComparison.Ordinal));
        Assert.Equal("""{"text":"Here is the form","attachments":[{"media_id":"1870000000000000001"}]}""", Json(dm.Body));
    }

    [Fact]
    public async Task SendAsync_DirectMessageWithTwoImages_RefusedBeforeUpload()
    {
        var result = await _connector.SendAsync(Message(ReplyVisibility.Private,
            new OutboundMedia("image/jpeg", MediaFixtures.Jpeg()), new OutboundMedia("image/png", MediaFixtures.Png())), default);

        Assert.False(result.Sent);
        Assert.StartsWith("The reply carries 2 attachments; An X direct message allows 1.", result.Error);
        Assert.Empty(_uploads);
    }

    [Fact]
    public async Task SendAsync_UploadRateLimited_RetryableAfterResetAndNoTweet()
    {
        _uploadAnswer = (429, XFixtures.TooManyRequests);

        var result = await _connector.SendAsync(Message(ReplyVisibility.Public, new OutboundMedia("image/png", MediaFixtures.Png())), default);

        Assert.False(result.Sent);
        Assert.True(result.Retryable);
        Assert.Equal("X: Too Many Requests", result.Error);
        Assert.DoesNotContain(_server.Requests, r => r.PathAndQuery == "/2/tweets");
    }
}
