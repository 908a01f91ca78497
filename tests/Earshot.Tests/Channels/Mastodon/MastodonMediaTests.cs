using System.Text;
using Earshot.Core.Channels;
using Earshot.Core.Channels.Mastodon;
using Earshot.Core.Replies;
using Earshot.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Time.Testing;

namespace Earshot.Tests.Channels.Mastodon;

/// <summary>Images in Mastodon replies: uploaded with POST /api/v2/media, attached with media_ids[], limits checked first.</summary>
public sealed class MastodonMediaTests : IAsyncLifetime
{
    readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
    readonly List<(string ContentType, byte[] Bytes, string FileName, string? Description)> _uploads = [];
    LocalHttpServer _server = null!;
    MastodonConnector _connector = null!;
    (int Status, string Body)? _uploadAnswer;

    public async Task InitializeAsync()
    {
        _server = await LocalHttpServer.StartAsync();
        _connector = new MastodonConnector(ChannelHttp.CreateClient(), _time);
        _server.Handler = async context =>
        {
            context.Response.ContentType = "application/json";
            switch (context.Request.Path.Value)
            {
                case "/api/v2/media":
                    var form = await context.Request.ReadFormAsync();
                    var file = form.Files["file"]!;
                    using (var copy = new MemoryStream())
                    {
                        await file.CopyToAsync(copy);
                        _uploads.Add((file.ContentType, copy.ToArray(), file.FileName, form["description"].FirstOrDefault()));
                    }
                    var (status, body) = _uploadAnswer ?? (200, $$"""{"id":"2234864{{_uploads.Count}}","type":"image","url":"https://files.example.test/{{_uploads.Count}}.png","description":null}""");
                    context.Response.StatusCode = status;
                    await context.Response.WriteAsync(body);
                    return;
                case "/api/v1/statuses":
                    await context.Response.WriteAsync(MastodonFixtures.CreatedStatus);
                    return;
                case "/files/photo.jpg":
                    context.Response.ContentType = "image/jpeg";
                    await context.Response.Body.WriteAsync(MediaFixtures.Jpeg(2048));
                    return;
                default:
                    context.Response.StatusCode = 404;
                    await context.Response.WriteAsync("""{"error":"Record not found"}""");
                    return;
            }
        };
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    Source MastodonSource(string extra = "") => new()
    {
        Platform = "mastodon", Name = "Acme on Mastodon", Connector = MastodonConnector.ConnectorName,
        Settings = $$"""{"instance":"{{_server.BaseAddress}}","access_token":"tok"{{extra}}}""",
    };

    OutboundMessage Message(params OutboundMedia[] media) =>
        new(MastodonSource(), 77, "Here is how to file the claim", ReplyVisibility.Public, "109379883446771234", "jo@social.example.test", Media: media);

    List<RecordedRequest> Statuses() => _server.Requests.Where(r => r.PathAndQuery == "/api/v1/statuses").ToList();

    [Fact]
    public async Task SendAsync_WithImages_UploadsEachThenPostsTheStatusWithTheirMediaIds()
    {
        var png = MediaFixtures.Png(300);

        var result = await _connector.SendAsync(Message(
            new OutboundMedia("image/png", png, Description: "Claim form, step 1"),
            new OutboundMedia(Url: new Uri(_server.BaseAddress, "files/photo.jpg").ToString())), default);

        Assert.True(result.Sent, result.Error);
        Assert.Equal(2, _uploads.Count);
        Assert.Equal(("image/png", "image.png", "Claim form, step 1"), (_uploads[0].ContentType, _uploads[0].FileName, _uploads[0].Description));
        Assert.Equal(png, _uploads[0].Bytes);
        Assert.Equal(("image/jpeg", 2048), (_uploads[1].ContentType, _uploads[1].Bytes.Length));
        Assert.All(_server.Requests.Where(r => r.PathAndQuery == "/api/v2/media"), r => Assert.Equal("Bearer tok", r.Headers["Authorization"]));
        var form = QueryHelpers.ParseQuery(Assert.Single(Statuses()).Body);
        Assert.Equal(["22348641", "22348642"], form["media_ids[]"].Select(v => v!));
        Assert.Equal("109379883446771234", form["in_reply_to_id"].ToString());
    }

    [Fact]
    public async Task SendAsync_FiveImages_RefusedBeforeAnyRequest()
    {
        var images = Enumerable.Range(0, 5).Select(_ => new OutboundMedia("image/png", MediaFixtures.Png())).ToArray();

        var result = await _connector.SendAsync(Message(images), default);

        Assert.False(result.Sent);
        Assert.False(result.Retryable);
        Assert.StartsWith("The reply carries 5 attachments; Mastodon allows 4.", result.Error);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task SendAsync_ImageOverTheServersLimit_RefusedBeforeAnyUpload()
    {
        var message = Message(new OutboundMedia("image/png", MediaFixtures.Png()), new OutboundMedia("image/jpeg", MediaFixtures.Jpeg(3 * 1024 * 1024)))
            with { Source = MastodonSource(""","max_image_bytes":2097152""") };

        var result = await _connector.SendAsync(message, default);

        Assert.False(result.Sent);
        Assert.StartsWith("Attachment 2 is 3 MB (3,145,728 bytes); Mastodon allows 2 MB (2,097,152 bytes) for image/jpeg.", result.Error);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task SendAsync_NotAnImage_RefusedNamingTheTypesTaken()
    {
        var result = await _connector.SendAsync(Message(new OutboundMedia("application/pdf", MediaFixtures.Pdf())), default);

        Assert.False(result.Sent);
        Assert.StartsWith("The attachment is application/pdf; Mastodon replies take JPEG, PNG, GIF, WEBP.", result.Error);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task SendAsync_MislabelledBytes_JudgedByTheirSignature()
    {
        var result = await _connector.SendAsync(Message(new OutboundMedia("application/octet-stream", MediaFixtures.Gif())), default);

        Assert.True(result.Sent, result.Error);
        Assert.Equal("image/gif", Assert.Single(_uploads).ContentType);
    }

    [Fact]
    public async Task SendAsync_UploadRefused_FailsWithMastodonsErrorAndPostsNoStatus()
    {
        _uploadAnswer = (422, """{"error":"Validation failed: File content type is invalid"}""");

        var result = await _connector.SendAsync(Message(new OutboundMedia("image/png", MediaFixtures.Png())), default);

        Assert.False(result.Sent);
        Assert.False(result.Retryable);
        Assert.Equal("Mastodon: Validation failed: File content type is invalid", result.Error);
        Assert.Empty(Statuses());
    }

    [Fact]
    public async Task SendAsync_ImageUrlMissing_FailsNamingTheAddress()
    {
        var url = new Uri(_server.BaseAddress, "files/gone.png").ToString();

        var result = await _connector.SendAsync(Message(new OutboundMedia(Url: url)), default);

        Assert.False(result.Sent);
        Assert.False(result.Retryable);
        Assert.Equal($"The attachment could not be fetched from {url}: 404 Not Found.", result.Error);
        Assert.Empty(Statuses());
    }
}
