using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Earshot.Tests.Infrastructure;

namespace Earshot.Tests.Api;

/// <summary>The HTTP API of a real server (workers running) over SQLite and over PostgreSQL.</summary>
public abstract class ApiTests<TDatabase> : IClassFixture<TDatabase>, IAsyncLifetime where TDatabase : TestDatabase
{
    readonly EarshotAppFactory _app;
    readonly HttpClient _api;

    protected ApiTests(TDatabase database)
    {
        _app = new EarshotAppFactory(database);
        _api = _app.CreateApiClient();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    async Task<JsonElement> GetJsonAsync(string url) => await _api.GetFromJsonAsync<JsonElement>(url);

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer wrong-key")]
    [InlineData("Basic abc")]
    public async Task AnyCall_WithoutValidKey_Is401ProblemJson(string? authorization)
    {
        var client = _app.CreateClient();
        if (authorization is not null)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);
        }

        var response = await client.GetAsync("/api/v1/conversations");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Bearer", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task PostedComplaint_IsTriagedAndQueuedWithinOneSecond()
    {
        var response = await _api.PostAsync("/api/v1/posts", Json("""
            {"id":"api-1720","platform":"x","text":"@acmeair lost my bag again, 3rd time!! #fail",
             "author":{"handle":"jo","name":"Jo","followers":5400,"verified":false},
             "created_at":"2026-11-20T10:15:00Z","metrics":{"likes":3,"reposts":1,"replies":0}}
            """));
        var started = DateTime.UtcNow;

        var conversation = await Eventually.ReturnsValueAsync(async () =>
        {
            var page = await GetJsonAsync("/api/v1/conversations?status=open&limit=50");
            return page.GetProperty("items").EnumerateArray().Cast<JsonElement?>()
                .FirstOrDefault(c => c!.Value.GetProperty("subject").GetString()!.Contains("lost my bag"));
        }, TimeSpan.FromSeconds(5), "the conversation");
        var elapsed = DateTime.UtcNow - started;

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.True(elapsed < TimeSpan.FromSeconds(1), $"queued after {elapsed.TotalMilliseconds:0} ms");
        var detail = await GetJsonAsync($"/api/v1/conversations/{conversation.GetProperty("id").GetInt64()}");
        var triage = detail.GetProperty("posts")[0].GetProperty("triage");
        Assert.Equal("care", triage.GetProperty("bucket").GetString());
        Assert.Equal("complaint", triage.GetProperty("intent").GetString());
        Assert.True(detail.GetProperty("conversation").GetProperty("priority_parts").GetProperty("intent").GetInt32() > 0);
    }

    [Fact]
    public async Task SamePostTwice_IsStoredOnce()
    {
        const string body = """{"id":"dup-42","platform":"x","text":"where is my refund @acmeair?"}""";

        var first = await (await _api.PostAsync("/api/v1/posts", Json(body))).Content.ReadFromJsonAsync<JsonElement>();
        var second = await (await _api.PostAsync("/api/v1/posts", Json($"[{body},{body}]"))).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(1, first.GetProperty("accepted").GetInt32());
        Assert.Equal((0, 2), (second.GetProperty("accepted").GetInt32(), second.GetProperty("duplicates").GetInt32()));
    }

    [Theory]
    [InlineData("""{"text":"hi","author":{"followers":"many"}}""", "author.followers")]
    [InlineData("""{"platform":"x"}""", "text")]
    [InlineData("""[{"text":"ok"},{"text":""}]""", "[1].text")]
    [InlineData("""{"text":"hi","metrics":{"likes":-1}}""", "metrics")]
    [InlineData("""{"text":"hi","created_at":"yesterday"}""", "created_at")]
    public async Task MalformedPost_Is400NamingTheField_AndStoresNothing(string body, string field)
    {
        var before = (await GetJsonAsync("/api/v1/posts?limit=500")).GetProperty("items").GetArrayLength();

        var response = await _api.PostAsync("/api/v1/posts", Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.Contains(field.TrimStart('[', '0', '1', ']', '.'), problem.GetProperty("detail").GetString());
        Assert.Equal(before, (await GetJsonAsync("/api/v1/posts?limit=500")).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task NotJson_Is400ProblemJson()
    {
        var response = await _api.PostAsync("/api/v1/posts", Json("{not json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task OversizedBody_Is413()
    {
        var huge = "[" + string.Join(",", Enumerable.Repeat("""{"text":"x"}""", 400_000)) + "]";

        var response = await _api.PostAsync("/api/v1/posts", Json(huge));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task AgentAcceptsRepliesResolves_AndTheReportCountsIt()
    {
        var queues = await GetJsonAsync("/api/v1/queues");
        var care = queues.EnumerateArray().First(q => q.GetProperty("name").GetString() == "Care").GetProperty("id").GetInt64();
        var created = await _api.PostAsJsonAsync("/api/v1/agents", new { name = "Eve", email = $"eve-{Guid.NewGuid():N}@example.test", role = "agent", skills = new Dictionary<string, int> { ["en"] = 5 }, capacity = new Dictionary<string, int> { ["social"] = 20 }, queues = new[] { care } });
        var agentId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        await _api.PutAsJsonAsync($"/api/v1/agents/{agentId}/presence", new { status = "available" });

        await _api.PostAsync("/api/v1/posts", Json("""{"id":"e2e-1","platform":"mastodon","text":"@acmeair my flight was cancelled and nobody answers, I need help now","author":{"handle":"kim"}}"""));
        // Other tests of the class leave care conversations open: take the offer for this post's conversation.
        var conversationId = await Eventually.ReturnsValueAsync(async () =>
        {
            var posts = await GetJsonAsync("/api/v1/posts?limit=100");
            var post = posts.GetProperty("items").EnumerateArray().FirstOrDefault(p => p.GetProperty("external_id").GetString() == "e2e-1");
            return post.ValueKind == JsonValueKind.Object && post.GetProperty("conversation_id").ValueKind == JsonValueKind.Number
                ? (long?)post.GetProperty("conversation_id").GetInt64() : null;
        }, TimeSpan.FromSeconds(10), "the post's conversation");
        var offer = await Eventually.ReturnsValueAsync(async () =>
        {
            var offers = await GetJsonAsync($"/api/v1/agents/{agentId}/offers");
            var mine = offers.EnumerateArray().FirstOrDefault(o => o.GetProperty("conversation_id").GetInt64() == conversationId);
            return mine.ValueKind == JsonValueKind.Object ? (JsonElement?)mine : null;
        }, TimeSpan.FromSeconds(10), "an offer");
        var accept = await _api.PostAsync($"/api/v1/offers/{offer.GetProperty("id").GetInt64()}/accept", null);
        var reply = await _api.PostAsJsonAsync($"/api/v1/conversations/{conversationId}/replies", new { text = "Sorry Kim, we're on it: check your DMs.", visibility = "public" });
        await Eventually.HoldsAsync(async () =>
            (await GetJsonAsync($"/api/v1/conversations/{conversationId}")).GetProperty("replies")[0].GetProperty("status").GetString() == "sent",
            TimeSpan.FromSeconds(10), "the reply to be sent");
        var resolve = await _api.PostAsJsonAsync($"/api/v1/conversations/{conversationId}/resolve", new { disposition = "rebooked" });
        var again = await _api.PostAsJsonAsync($"/api/v1/conversations/{conversationId}/resolve", new { disposition = "rebooked" });
        var report = await Eventually.ReturnsValueAsync(async () =>
        {
            var summary = await GetJsonAsync("/api/v1/reports/summary");
            return summary.GetProperty("total").GetProperty("conversations_resolved").GetInt32() > 0 ? (JsonElement?)summary : null;
        }, TimeSpan.FromSeconds(5), "the report to count the resolution");

        Assert.Equal(HttpStatusCode.OK, accept.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, reply.StatusCode);
        Assert.Equal(HttpStatusCode.OK, resolve.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var detail = await GetJsonAsync($"/api/v1/conversations/{conversationId}");
        Assert.Equal(("resolved", agentId), (detail.GetProperty("conversation").GetProperty("status").GetString(), detail.GetProperty("assignee").GetProperty("id").GetInt64()));
        var mastodon = report.GetProperty("channels").EnumerateArray().Single(c => c.GetProperty("channel").GetString() == "mastodon");
        Assert.Equal((1, 1, 1), (mastodon.GetProperty("conversations_opened").GetInt32(), mastodon.GetProperty("conversations_resolved").GetInt32(), mastodon.GetProperty("first_responses").GetInt32()));
        Assert.True(mastodon.GetProperty("first_response_median_seconds").GetDouble() >= 0);
    }

    [Theory]
    [InlineData("""{"text":"","visibility":"public"}""", "text")]
    [InlineData("""{"text":"hello","visibility":"loud"}""", "visibility")]
    [InlineData("""{"text":"hello"}""", "visibility")]
    [InlineData("""{"text":"hello","visibility":"public","attachments":[{"url":"ftp://files.example.test/a.png"}]}""", "attachments[0].url")]
    [InlineData("""{"text":"hello","visibility":"public","attachments":[{"url":"https://files.example.test/a.png"},{"url":""}]}""", "attachments[1].url")]
    [InlineData("""{"text":"hello","visibility":"public","attachments":[null]}""", "attachments[0].url")]
    public async Task BadReply_Is400NamingTheField(string body, string field)
    {
        var response = await _api.PostAsync("/api/v1/conversations/1/replies", Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
    }

    [Fact]
    public async Task Reply_LongerThanTheNetworkAllows_Is400NamingText_AndNothingIsQueued()
    {
        await _api.PostAsync("/api/v1/posts", Json("""{"id":"len-1","platform":"x","text":"@acmeair my bag is lost, where is it? I need help now","author":{"handle":"lenny"}}"""));
        var conversationId = await Eventually.ReturnsValueAsync(async () =>
        {
            var posts = await GetJsonAsync("/api/v1/posts?limit=100");
            var post = posts.GetProperty("items").EnumerateArray().FirstOrDefault(p => p.GetProperty("external_id").GetString() == "len-1");
            return post.ValueKind == JsonValueKind.Object && post.GetProperty("conversation_id").ValueKind == JsonValueKind.Number
                ? (long?)post.GetProperty("conversation_id").GetInt64() : null;
        }, TimeSpan.FromSeconds(10), "the post's conversation");

        // 141 CJK characters weigh 282 on X; the same text fits a direct message.
        var text = new string('語', 141);
        var tooLong = await _api.PostAsJsonAsync($"/api/v1/conversations/{conversationId}/replies", new { text, visibility = "public" });
        var asDm = await _api.PostAsJsonAsync($"/api/v1/conversations/{conversationId}/replies", new { text, visibility = "private" });

        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        var problem = await tooLong.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("text", problem.GetProperty("field").GetString());
        Assert.Contains("282", problem.GetProperty("detail").GetString());
        Assert.Contains("280", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Accepted, asDm.StatusCode);
        var replies = (await GetJsonAsync($"/api/v1/conversations/{conversationId}")).GetProperty("replies");
        Assert.Equal(["private"], replies.EnumerateArray().Select(r => r.GetProperty("visibility").GetString()));
    }

    [Fact]
    public async Task RulePreview_InvalidQuery_Is400WithPosition()
    {
        var response = await _api.PostAsJsonAsync("/api/v1/rules/preview", new { query = "(refund OR delay" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("position").GetInt32() >= 0);
    }

    [Fact]
    public async Task RulePreview_ShowsMatchingStoredPosts()
    {
        await _api.PostAsync("/api/v1/posts", Json("""[{"id":"pv-1","text":"Acme Air refund taking forever"},{"id":"pv-2","text":"lovely weather"}]"""));

        var preview = await (await _api.PostAsJsonAsync("/api/v1/rules/preview", new { query = "\"acme air\" AND refund" })).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Contains(preview.GetProperty("posts").EnumerateArray(), p => p.GetProperty("external_id").GetString() == "pv-1");
        Assert.DoesNotContain(preview.GetProperty("posts").EnumerateArray(), p => p.GetProperty("external_id").GetString() == "pv-2");
    }

    [Fact]
    public async Task Correction_NotForUs_MovesThePostToAnalyticsAndCounts()
    {
        var ingested = await (await _api.PostAsync("/api/v1/posts", Json("""{"id":"cor-1","text":"@acmeair where is my refund???"}"""))).Content.ReadFromJsonAsync<JsonElement>();
        var postId = ingested.GetProperty("post_ids")[0].GetInt64();
        await Eventually.HoldsAsync(async () => (await GetJsonAsync($"/api/v1/posts/{postId}")).GetProperty("status").GetString() == "processed",
            TimeSpan.FromSeconds(5), "the post to be triaged");

        var bad = await _api.PostAsJsonAsync($"/api/v1/posts/{postId}/corrections", new { intent = "angry" });
        var ok = await _api.PostAsJsonAsync($"/api/v1/posts/{postId}/corrections", new { not_for_us = true });

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("intent", (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var triage = (await GetJsonAsync($"/api/v1/posts/{postId}")).GetProperty("triage");
        Assert.Equal(("analytics", false), (triage.GetProperty("bucket").GetString(), triage.GetProperty("actionable").GetBoolean()));
        Assert.Contains(triage.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("decision").GetString() == "corrected");
    }

    [Fact]
    public async Task Correction_Sentiment_MovesTheScoreToThatSide_AnUnknownLabelIs400OnSentiment()
    {
        var ingested = await (await _api.PostAsync("/api/v1/posts", Json("""{"id":"cor-2","text":"@acmeair where is my refund???"}"""))).Content.ReadFromJsonAsync<JsonElement>();
        var postId = ingested.GetProperty("post_ids")[0].GetInt64();
        await Eventually.HoldsAsync(async () => (await GetJsonAsync($"/api/v1/posts/{postId}")).GetProperty("status").GetString() == "processed",
            TimeSpan.FromSeconds(5), "the post to be triaged");

        var bad = await _api.PostAsJsonAsync($"/api/v1/posts/{postId}/corrections", new { sentiment = "angry" });
        var ok = await _api.PostAsJsonAsync($"/api/v1/posts/{postId}/corrections", new { sentiment = "Positive" });

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("sentiment", (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("positive", (await ok.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sentiment").GetString());
        var triage = (await GetJsonAsync($"/api/v1/posts/{postId}")).GetProperty("triage");
        Assert.True(triage.GetProperty("sentiment").GetProperty("compound").GetDouble() >= 0.05);
    }

    [Fact]
    public async Task SignIn_RightPassword_SetsCookie_WrongPasswordIs401()
    {
        var email = $"sam-{Guid.NewGuid():N}@example.test";
        await _api.PostAsJsonAsync("/api/v1/agents", new { name = "Sam", email, role = "supervisor", password = "correct horse battery" });
        var browser = _app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = true });

        var wrong = await browser.PostAsJsonAsync("/auth/sign-in", new { email, password = "nope nope nope" });
        var anonymous = await browser.GetAsync("/auth/me");
        var right = await browser.PostAsJsonAsync("/auth/sign-in", new { email = email.ToUpperInvariant(), password = "correct horse battery" });
        var me = await browser.GetFromJsonAsync<JsonElement>("/auth/me");
        var apiWithCookie = await browser.GetAsync("/api/v1/conversations");

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(("Sam", "supervisor"), (me.GetProperty("name").GetString(), me.GetProperty("role").GetString()));
        Assert.Equal(HttpStatusCode.Unauthorized, apiWithCookie.StatusCode);
    }

    [Theory]
    [InlineData("/health", "Healthy")]
    [InlineData("/metrics", "earshot_posts_ingested")]
    [InlineData("/openapi/v1.json", "/api/v1/conversations/{id}/replies")]
    public async Task ServiceEndpoints_Answer(string path, string expected)
    {
        // A new post each time: a duplicate is not ingested again and would count nothing.
        await _api.PostAsync("/api/v1/posts", Json($$"""{"id":"m-{{Guid.NewGuid():N}}","text":"metrics warm-up"}"""));

        var client = _app.CreateClient();

        await Eventually.HoldsAsync(async () => (await client.GetStringAsync(path)).Contains(expected), TimeSpan.FromSeconds(20), $"{path} to show {expected}");
    }
}

public sealed class SqliteApiTests(SqliteTestDatabase database) : ApiTests<SqliteTestDatabase>(database);

public sealed class PostgresApiTests(PostgresTestDatabase database) : ApiTests<PostgresTestDatabase>(database);
