using System.Text;
using Earshot.Core.Channels;
using Earshot.Core.Channels.Feeds;
using Earshot.Core.Channels.Polling;
using Earshot.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace Earshot.Tests.Channels.Feeds;

/// <summary>The feed connector against a local server serving RSS and Atom documents with real validators.</summary>
public sealed class FeedConnectorTests : IAsyncLifetime
{
    LocalHttpServer _server = null!;
    readonly FeedConnector _connector = new(ChannelHttp.CreateClient());

    public async Task InitializeAsync() => _server = await LocalHttpServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    Source FeedSource() => new()
    {
        Platform = "rss",
        Name = "Reviews",
        Connector = FeedConnector.ConnectorName,
        Settings = $$"""{"url":"{{_server.BaseAddress}}feed.xml"}""",
    };

    /// <summary>Serves <paramref name="feed"/> with validators, and 304 when the client sends them back.</summary>
    void Serve(string feed, string etag = "\"v1\"", string lastModified = "Fri, 20 Nov 2026 11:00:00 GMT") =>
        _server.Handler = async context =>
        {
            if (context.Request.Headers.IfNoneMatch.ToString() == etag)
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }
            context.Response.ContentType = "application/rss+xml; charset=utf-8";
            context.Response.Headers.ETag = etag;
            context.Response.Headers.LastModified = lastModified;
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(feed));
        };

    [Fact]
    public async Task PollAsync_Rss_ReadsItemsWithGuidAuthorDateAndPlainText()
    {
        Serve(FeedFixtures.Rss);

        var result = await _connector.PollAsync(FeedSource(), null, default);

        Assert.Equal(["review-1001", "https://reviews.example.test/r/1002"], result.Posts.Select(p => p.Id));
        var first = result.Posts[0];
        Assert.Equal("Lost my bag, again\n\nThird time this year & nobody answers.\nFlight AC 123.", first.Text);
        Assert.Equal("jo_traveller", first.Author?.Handle);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 10, 15, 0, TimeSpan.Zero), first.CreatedAt);
        Assert.Equal("rss", first.Platform);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 11, 0, 0, TimeSpan.Zero), result.Posts[1].CreatedAt);
    }

    [Fact]
    public async Task PollAsync_Atom_ReadsEntries()
    {
        Serve(FeedFixtures.Atom);

        var result = await _connector.PollAsync(FeedSource(), null, default);

        var entry = Assert.Single(result.Posts);
        Assert.Equal("urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a", entry.Id);
        Assert.Equal("Why I switched from Acme Air\n\nDelays every week and no answer from support.", entry.Text);
        Assert.Equal("Riley", entry.Author?.Handle);
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 18, 30, 2, TimeSpan.Zero), entry.CreatedAt);
    }

    [Fact]
    public async Task PollAsync_SecondRoundUnchanged_SendsValidatorsAndGets304()
    {
        Serve(FeedFixtures.Rss);
        var first = await _connector.PollAsync(FeedSource(), null, default);

        var second = await _connector.PollAsync(FeedSource(), first.NewCursor, default);

        Assert.Empty(second.Posts);
        Assert.Equal(first.NewCursor, second.NewCursor);
        var request = _server.Requests.Last();
        Assert.Equal("\"v1\"", request.Headers["If-None-Match"]);
        Assert.Equal("Fri, 20 Nov 2026 11:00:00 GMT", request.Headers["If-Modified-Since"]);
    }

    [Fact]
    public async Task PollAsync_FeedChanged_ReturnsOnlyUnseenItems()
    {
        Serve(FeedFixtures.Rss);
        var first = await _connector.PollAsync(FeedSource(), null, default);
        Serve(FeedFixtures.RssWithNewItem, etag: "\"v2\"");

        var second = await _connector.PollAsync(FeedSource(), first.NewCursor, default);

        Assert.Equal(["review-1003"], second.Posts.Select(p => p.Id));
        Assert.Equal("\"v2\"", FeedCursor.Parse(second.NewCursor).ETag);
    }

    [Theory]
    [InlineData(FeedFixtures.Malformed, "not well-formed XML")]
    [InlineData(FeedFixtures.WithDtd, "not well-formed XML")]
    [InlineData("<html><body>Not a feed</body></html>", "neither RSS 2.0 nor Atom")]
    public async Task PollAsync_NotAFeed_ThrowsPollFailedNamingTheProblem(string document, string expected)
    {
        Serve(document);

        var error = await Assert.ThrowsAsync<PollFailedException>(() => _connector.PollAsync(FeedSource(), null, default));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public async Task PollAsync_ServerError_ThrowsWithStatusAndRetryAfter()
    {
        _server.Handler = context =>
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "120";
            return Task.CompletedTask;
        };

        var error = await Assert.ThrowsAsync<PollFailedException>(() => _connector.PollAsync(FeedSource(), null, default));

        Assert.Contains("503", error.Message);
        Assert.Equal(TimeSpan.FromSeconds(120), error.RetryAfter);
    }

    [Fact]
    public async Task PollAsync_NoUrlSetting_ThrowsNamingTheKey()
    {
        var source = FeedSource();
        source.Settings = "{}";

        var error = await Assert.ThrowsAsync<PollFailedException>(() => _connector.PollAsync(source, null, default));

        Assert.Contains("'url'", error.Message);
    }
}
