using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Earshot.Core.Channels.Webhook;
using Earshot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Tests.Channels;

/// <summary>POST /hooks/webhook/{sourceId} on a real server: signed bodies are stored, others are refused with 401.</summary>
public abstract class WebhookApiTests<TDatabase> : IClassFixture<TDatabase>, IAsyncLifetime where TDatabase : TestDatabase
{
    const string Secret = "hook-secret-42";
    readonly EarshotAppFactory _app;
    readonly HttpClient _api;
    long _sourceId;

    protected WebhookApiTests(TDatabase database)
    {
        _app = new EarshotAppFactory(database);
        _api = _app.CreateApiClient();
    }

    public async Task InitializeAsync()
    {
        var response = await _api.PostAsJsonAsync("/api/v1/sources", new
        {
            platform = "webhook",
            name = $"CRM push {Guid.NewGuid():N}",
            connector = "webhook",
            settings = new { secret = Secret },
        });
        response.EnsureSuccessStatusCode();
        _sourceId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    async Task<HttpResponseMessage> PushAsync(string body, string? signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/hooks/webhook/{_sourceId}") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation(WebhookSignature.Header, signature);
        }
        return await _app.CreateClient().SendAsync(request);
    }

    async Task<int> StoredAsync(string externalId)
    {
        await using var db = _app.CreateContext();
        return await db.Posts.IgnoreQueryFilters().CountAsync(p => p.SourceId == _sourceId && p.ExternalId == externalId);
    }

    [Fact]
    public async Task Receive_SignedArray_StoresEveryPost()
    {
        var body = """[{"id":"wh-1","text":"@acmeair my order never came"},{"id":"wh-2","platform":"shop","text":"refund please"}]""";

        var response = await PushAsync(body, WebhookSignature.Sign(Secret, Encoding.UTF8.GetBytes(body)));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(2, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accepted").GetInt32());
        Assert.Equal(1, await StoredAsync("wh-1"));
        Assert.Equal(1, await StoredAsync("wh-2"));
    }

    [Fact]
    public async Task Receive_SignedObjectWithoutPlatform_TakesTheSourcePlatform()
    {
        var body = """{"id":"wh-3","text":"hello"}""";

        var response = await PushAsync(body, WebhookSignature.Sign(Secret, Encoding.UTF8.GetBytes(body)));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await using var db = _app.CreateContext();
        Assert.Equal("webhook", await db.Posts.IgnoreQueryFilters().Where(p => p.ExternalId == "wh-3").Select(p => p.Platform).SingleAsync());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("sha256=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("sha256=nothex")]
    [InlineData("md5=abc")]
    public async Task Receive_MissingOrWrongSignature_Is401AndStoresNothing(string? signature)
    {
        var body = """{"id":"wh-bad","text":"forged"}""";

        var response = await PushAsync(body, signature);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await StoredAsync("wh-bad"));
    }

    [Fact]
    public async Task Receive_SignatureWithAnotherSecret_Is401()
    {
        var body = """{"id":"wh-other","text":"forged"}""";

        var response = await PushAsync(body, WebhookSignature.Sign("another-secret", Encoding.UTF8.GetBytes(body)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, await StoredAsync("wh-other"));
    }

    [Fact]
    public async Task Receive_BodyChangedAfterSigning_Is401()
    {
        var signed = """{"id":"wh-t","text":"small refund"}""";

        var response = await PushAsync("""{"id":"wh-t","text":"large refund"}""", WebhookSignature.Sign(Secret, Encoding.UTF8.GetBytes(signed)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, await StoredAsync("wh-t"));
    }

    [Fact]
    public async Task Receive_SignedInvalidPost_Is400()
    {
        var body = """{"id":"wh-empty","text":""}""";

        var response = await PushAsync(body, WebhookSignature.Sign(Secret, Encoding.UTF8.GetBytes(body)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await StoredAsync("wh-empty"));
    }

    [Fact]
    public async Task Receive_UnknownSource_Is404()
    {
        var response = await _app.CreateClient().PostAsync("/hooks/webhook/999999", new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

public sealed class SqliteWebhookApiTests(SqliteTestDatabase database) : WebhookApiTests<SqliteTestDatabase>(database);

public sealed class PostgresWebhookApiTests(PostgresTestDatabase database) : WebhookApiTests<PostgresTestDatabase>(database);
