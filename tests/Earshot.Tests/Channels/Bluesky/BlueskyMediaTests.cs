using System.Text.Json;
using Earshot.Core.Channels;
using Earshot.Core.Channels.Bluesky;
using Earshot.Core.Replies;
using Earshot.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using static Earshot.Tests.Channels.Bluesky.BlueskyFixtures;

namespace Earshot.Tests.Channels.Bluesky;

/// <summary>
/// Images in Bluesky replies: each uploaded with com.atproto.repo.uploadBlob, attached to the post record as an
/// app.bsky.embed.images embed, limits (4 images, 1,000,000 bytes, JPEG/PNG/WebP/GIF) checked before anything is sent.
/// </summary>
public sealed class BlueskyMediaTests : IAsyncLifetime
{
    readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
    readonly List<(string? ContentType, string? Authorization, byte[] Bytes)> _uploads = [];
    LocalHttpServer _server = null!;
    BlueskyConnector _connector = null!;
    (int Status, string Body)? _uploadAnswer;

    public async Task InitializeAsync()
    {
        _server = await LocalHttpServer.StartAsync();
        _connector = new BlueskyConnector(ChannelHttp.CreateClient(), _time);
        _server.Handler = async context =>
        {
            context.Response.ContentType = "application/json";
            switch (context.Request.Path.Value)
            {
                case "/xrpc/com.atproto.server.createSession":
                    await context.Response.WriteAsync(Session);
                    return;
                case "/xrpc/app.bsky.feed.getPosts":
                    await context.Response.WriteAsync(ParentInThread);
                    return;
                case "/xrpc/com.atproto.repo.uploadBlob":
                    using (var copy = new MemoryStream())
                    {
                        await context.Request.Body.CopyToAsync(copy);
                        _uploads.Add((context.Request.ContentType, context.Request.Headers.Authorization.ToString(), copy.ToArray()));
                    }
                    var n = _uploads.Count;
                    var (status, body) = _uploadAnswer ?? (200,
                        $$$"""{"blob":{"$type":"blob","ref":{"$link":"bafkreiimage{{{n}}}"},"mimeType":"{{{_uploads[^1].ContentType}}}","size":{{{_uploads[^1].Bytes.Length}}}}}""");
                    context.Response.StatusCode = status;
                    await context.Response.WriteAsync(body);
                    return;
                case "/xrpc/com.atproto.repo.createRecord":
                    await context.Response.WriteAsync(Created);
                    return;
                case "/files/photo.jpg":
                    context.Response.ContentType = "image/jpeg";
                    await context.Response.Body.WriteAsync(MediaFixtures.Jpeg(2048));
                    return;
                default:
                    context.Response.StatusCode = 404;
                    await context.Response.WriteAsync("""{"error":"MethodNotImplemented","message":"Method Not Implemented"}""");
                    return;
            }
        };
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    Source BlueskySource() => new()
    {
        Id = 12, Platform = "bluesky", Name = "Acme on Bluesky", Connector = BlueskyConnector.ConnectorName,
        Settings = $$"""{"service":"{{_server.BaseAddress}}","identifier":"acmeair.bsky.social","app_password":"abcd-efgh-ijkl-mnop","keywords":"acme"}""",
    };

    OutboundMessage Message(params OutboundMedia[] media) =>
        new(BlueskySource(), 5, "Here is the claim form", ReplyVisibility.Public, $"at://{JoDid}/app.bsky.feed.post/3lbqjo2", JoDid, Media: media);

    List<RecordedRequest> CreateRecords() => _server.Requests.Where(r => r.PathAndQuery == "/xrpc/com.atproto.repo.createRecord").ToList();

    [Fact]
    public async Task SendAsync_WithImages_UploadsEachBlobThenEmbedsThemInThePostRecord()
    {
        var png = MediaFixtures.Png(300);

        var result = await _connector.SendAsync(Message(
            new OutboundMedia("image/png", png, Description: "Claim form, step 1"),
            new OutboundMedia(Url: new Uri(_server.BaseAddress, "files/photo.jpg").ToString())), default);

        Assert.True(result.Sent, result.Error);
        Assert.Equal($"at://{BrandDid}/app.bsky.feed.post/3lbqacme9", result.ExternalId);
        // The URL image is fetched (and checked) before the sign-in; the blobs go up after the parent is found.
        Assert.Equal(
            ["/files/photo.jpg", "/xrpc/com.atproto.server.createSession", "/xrpc/app.bsky.feed.getPosts",
             "/xrpc/com.atproto.repo.uploadBlob", "/xrpc/com.atproto.repo.uploadBlob", "/xrpc/com.atproto.repo.createRecord"],
            _server.Requests.Select(r => r.PathAndQuery.Split('?')[0]));
        Assert.Equal(2, _uploads.Count);
        Assert.Equal(("image/png", "Bearer eyJhbGciOiJFUzI1NksifQ.access"), (_uploads[0].ContentType, _uploads[0].Authorization));
        Assert.Equal(png, _uploads[0].Bytes);
        Assert.Equal(("image/jpeg", "Bearer eyJhbGciOiJFUzI1NksifQ.access"), (_uploads[1].ContentType, _uploads[1].Authorization));
        Assert.Equal(MediaFixtures.Jpeg(2048), _uploads[1].Bytes);

        using var body = JsonDocument.Parse(Assert.Single(CreateRecords()).Body);
        var record = body.RootElement.GetProperty("record");
        Assert.Equal("Here is the claim form", record.GetProperty("text").GetString());
        Assert.Equal($"at://{JoDid}/app.bsky.feed.post/3lbqjo2", record.GetProperty("reply").GetProperty("parent").GetProperty("uri").GetString());
        var embed = record.GetProperty("embed");
        Assert.Equal("app.bsky.embed.images", embed.GetProperty("$type").GetString());
        var images = embed.GetProperty("images").EnumerateArray().ToList();
        Assert.Equal(2, images.Count);
        Assert.Equal("Claim form, step 1", images[0].GetProperty("alt").GetString());
        Assert.Equal("", images[1].GetProperty("alt").GetString());
        Assert.Equal($$$"""{"$type":"blob","ref":{"$link":"bafkreiimage1"},"mimeType":"image/png","size":{{{png.Length}}}}""",
            images[0].GetProperty("image").GetRawText());
        Assert.Equal("""{"$type":"blob","ref":{"$link":"bafkreiimage2"},"mimeType":"image/jpeg","size":2048}""",
            images[1].GetProperty("image").GetRawText());
    }

    [Fact]
    public async Task SendAsync_ImageOverAMillionBytes_FailsNamingItAndTheLimitAndSendsNothing()
    {
        var result = await _connector.SendAsync(Message(
            new OutboundMedia("image/png", MediaFixtures.Png(1000)),
            new OutboundMedia("image/jpeg", MediaFixtures.Jpeg(1_000_001))), default);

        Assert.False(result.Sent);
        Assert.False(result.Retryable);
        Assert.Equal("Attachment 2 is 976.6 KB (1,000,001 bytes); Bluesky allows 976.6 KB (1,000,000 bytes) for image/jpeg. Change the attachments and send again.", result.Error);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task SendAsync_ExactlyAMillionBytes_IsUploaded()
    {
        var result = await _connector.SendAsync(Message(new OutboundMedia("image/jpeg", MediaFixtures.Jpeg(1_000_000))), default);

        Assert.True(result.Sent, result.Error);
        Assert.Equal(1_000_000, Assert.Single(_uploads).Bytes.Length);
    }

    [Fact]
    public async Task SendAsync_FiveImages_FailsBeforeAnythingIsSent()
    {
        var five = Enumerable.Range(0, 5).Select(_ => new OutboundMedia("image/png", MediaFixtures.Png())).ToArray();

        var result = await _connector.SendAsync(Message(five), default);

        Assert.False(result.Sent);
        Assert.False(result.Retryable);
        Assert.Equal("The reply carries 5 attachments; Bluesky allows 4. Change the attachments and send again.", result.Error);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task SendAsync_NotAnImage_RefusedNamingTheTypesTaken()
    {
        var result = await _connector.SendAsync(Message(new OutboundMedia("application/pdf", MediaFixtures.Pdf())), default);

        Assert.False(result.Sent);
        Assert.Equal("The attachment is application/pdf; Bluesky replies take JPEG, PNG, WEBP, GIF. Change the attachments and send again.", result.Error);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task SendAsync_MislabelledBytes_UploadedWithTheTypeOfTheirSignature()
    {
        var png = MediaFixtures.Png(500);

        var result = await _connector.SendAsync(Message(new OutboundMedia("image/jpeg", png)), default);

        Assert.True(result.Sent, result.Error);
        Assert.Equal("image/png", Assert.Single(_uploads).ContentType);
    }

    [Fact]
    public async Task SendAsync_UploadRefused_FailsWithTheXrpcErrorAndCreatesNoRecord()
    {
        _uploadAnswer = (400, """{"error":"InvalidRequest","message":"Blob too large"}""");

        var result = await _connector.SendAsync(Message(new OutboundMedia("image/png", MediaFixtures.Png())), default);

        Assert.False(result.Sent);
        Assert.False(result.Retryable);
        Assert.Equal("Bluesky: InvalidRequest: Blob too large", result.Error);
        Assert.Empty(CreateRecords());
    }

    [Fact]
    public async Task SendAsync_ChatMessageWithImages_FailsSayingChatTakesNoImages()
    {
        var message = Message(new OutboundMedia("image/png", MediaFixtures.Png())) with { Visibility = ReplyVisibility.Private };

        var result = await _connector.SendAsync(message, default);

        Assert.False(result.Sent);
        Assert.False(result.Retryable);
        Assert.Equal("Bluesky chat takes no images; remove the attachments and send again.", result.Error);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public void Connector_SaysItTakesMedia() => Assert.True(((IChannelConnector)_connector).TakesMedia);
}
