using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Earshot.Core.Channels.Webhook;
using Earshot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Tests.Channels.Facebook;

/// <summary>/hooks/facebook and /hooks/instagram on a real server: the hub.challenge handshake and signed deliveries.</summary>
public abstract class MetaWebhookApiTests<TDatabase> : IClassFixture<TDatabase>, IAsyncLifetime where TDatabase : TestDatabase
{
    readonly EarshotAppFactory _app;
    readonly HttpClient _api;
    // Every test has its own page, account and app secret: the sources of earlier tests share the database.
    readonly string _pageId = Random.Shared.NextInt64(100_000_000_000_000, 999_999_999_999_999).ToString();
    readonly string _igUserId = Random.Shared.NextInt64(17_000_000_000_000_000, 17_999_999_999_999_999).ToString();
    readonly string _secret = $"app-secret-{Guid.NewGuid():N}";
    readonly string _verifyToken = $"verify-{Guid.NewGuid():N}";
    long _pageSourceId;
    long _igSourceId;

    protected MetaWebhookApiTests(TDatabase database)
    {
        _app = new EarshotAppFactory(database);
        _api = _app.CreateApiClient();
    }

    public async Task InitializeAsync()
    {
        _pageSourceId = await CreateSourceAsync("facebook", new { page_id = _pageId, page_access_token = "EAAG-token", app_secret = _secret, verify_token = _verifyToken });
        _igSourceId = await CreateSourceAsync("instagram", new { ig_user_id = _igUserId, access_token = "IGAA-token", app_secret = _secret, verify_token = _verifyToken });
    }

    async Task<long> CreateSourceAsync(string platform, object settings)
    {
        var response = await _api.PostAsJsonAsync("/api/v1/sources", new { platform, name = $"{platform} {Guid.NewGuid():N}", settings });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    async Task<HttpResponseMessage> DeliverAsync(string platform, string body, string? signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/hooks/{platform}") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Hub-Signature-256", signature);
        }
        return await _app.CreateClient().SendAsync(request);
    }

    string Signed(string body) => WebhookSignature.Sign(_secret, Encoding.UTF8.GetBytes(body));

    async Task<List<(string ExternalId, string? Handle, string? InReplyTo, string Platform)>> StoredAsync(long sourceId)
    {
        await using var db = _app.CreateContext();
        return (await db.Posts.IgnoreQueryFilters().Where(p => p.SourceId == sourceId).OrderBy(p => p.ExternalId)
                .Select(p => new { p.ExternalId, p.AuthorHandle, p.InReplyToExternalId, p.Platform }).ToListAsync())
            .Select(p => (p.ExternalId, p.AuthorHandle, p.InReplyToExternalId, p.Platform)).ToList();
    }

    [Theory]
    [InlineData("facebook")]
    [InlineData("instagram")]
    public async Task Verify_RightVerifyToken_EchoesTheChallenge(string platform)
    {
        var response = await _app.CreateClient().GetAsync($"/hooks/{platform}?hub.mode=subscribe&hub.verify_token={_verifyToken}&hub.challenge=1158201444");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("1158201444", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Verify_WrongVerifyToken_Is403WithoutTheChallenge()
    {
        var response = await _app.CreateClient().GetAsync("/hooks/facebook?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1158201444");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("1158201444", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Verify_NoChallenge_Is400()
    {
        var response = await _app.CreateClient().GetAsync($"/hooks/facebook?hub.verify_token={_verifyToken}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Receive_SignedFeedComments_StoresNewCommentsForThePageSource()
    {
        var body = GraphFixtures.FeedComments.Replace(GraphFixtures.PageId, _pageId);

        var response = await DeliverAsync("facebook", body, Signed(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await StoredAsync(_pageSourceId);
        Assert.Equal([
            ("900000000000001_1200000000000001", "6211000000000042", $"{_pageId}_900000000000001", "facebook"),
            ("900000000000001_1200000000000002", "6211000000000077", "900000000000001_1200000000000001", "facebook")], stored);
    }

    [Fact]
    public async Task Receive_SameDeliveryTwice_StoredOnce()
    {
        var body = GraphFixtures.Messenger.Replace(GraphFixtures.PageId, _pageId);

        await DeliverAsync("facebook", body, Signed(body));
        var again = await DeliverAsync("facebook", body, Signed(body));

        var json = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, json.GetProperty("accepted").GetInt32());
        Assert.Equal(2, json.GetProperty("duplicates").GetInt32());
        Assert.Equal(2, (await StoredAsync(_pageSourceId)).Count);
    }

    [Fact]
    public async Task Receive_SignedInstagramComments_StoresThem()
    {
        var body = GraphFixtures.InstagramComments.Replace(GraphFixtures.IgUserId, _igUserId);

        var response = await DeliverAsync("instagram", body, Signed(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await StoredAsync(_igSourceId);
        Assert.Equal(["17865799348089039", "17865799348089040"], stored.Select(s => s.ExternalId));
        Assert.All(stored, s => Assert.Equal("instagram", s.Platform));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("sha256=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("sha1=da39a3ee5e6b4b0d3255bfef95601890afd80709")]
    [InlineData("sha256=zz")]
    public async Task Receive_MissingOrWrongSignature_Is401AndStoresNothing(string? signature)
    {
        var body = GraphFixtures.FeedComments.Replace(GraphFixtures.PageId, _pageId);

        var response = await DeliverAsync("facebook", body, signature);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await StoredAsync(_pageSourceId));
    }

    [Fact]
    public async Task Receive_SignedWithAnotherAppSecret_Is401()
    {
        var body = GraphFixtures.FeedComments.Replace(GraphFixtures.PageId, _pageId);

        var response = await DeliverAsync("facebook", body, WebhookSignature.Sign("someone-elses-secret", Encoding.UTF8.GetBytes(body)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await StoredAsync(_pageSourceId));
    }

    [Fact]
    public async Task Receive_BodyChangedAfterSigning_Is401()
    {
        var body = GraphFixtures.FeedComments.Replace(GraphFixtures.PageId, _pageId);

        var response = await DeliverAsync("facebook", body.Replace("Third time", "Fourth time"), Signed(body));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await StoredAsync(_pageSourceId));
    }

    [Fact]
    public async Task Receive_SignedButForAnUnknownPage_IsAcceptedAndIgnored()
    {
        var body = GraphFixtures.FeedComments;

        var response = await DeliverAsync("facebook", body, Signed(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ignored").GetInt32());
        Assert.Empty(await StoredAsync(_pageSourceId));
    }

    [Fact]
    public async Task Receive_SignedGarbage_Is400()
    {
        const string body = """{"object":"page","entry":"nope"}""";

        var response = await DeliverAsync("facebook", body, Signed(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}

public sealed class SqliteMetaWebhookApiTests(SqliteTestDatabase database) : MetaWebhookApiTests<SqliteTestDatabase>(database);

public sealed class PostgresMetaWebhookApiTests(PostgresTestDatabase database) : MetaWebhookApiTests<PostgresTestDatabase>(database);
