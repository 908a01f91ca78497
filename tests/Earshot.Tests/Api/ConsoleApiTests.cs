using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Earshot.Tests.Infrastructure;

namespace Earshot.Tests.Api;

/// <summary>Search, wallboard and listening endpoints of a real server, over SQLite and over PostgreSQL.</summary>
public abstract class ConsoleApiTests<TDatabase> : IClassFixture<TDatabase>, IAsyncLifetime where TDatabase : TestDatabase
{
    readonly EarshotAppFactory _app;
    readonly HttpClient _api;

    protected ConsoleApiTests(TDatabase database)
    {
        _app = new EarshotAppFactory(database);
        _api = _app.CreateApiClient();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task BadParameters_Are400ProblemsNamingTheField()
    {
        (string Url, string Field)[] cases =
        [
            ("/api/v1/search?q=!!!", "q"),
            ("/api/v1/search?q=-refund", "q"),
            ($"/api/v1/search?q={new string('a', 501)}", "q"),
            ("/api/v1/search?q=x&sentiment=grumpy", "sentiment"),
            ("/api/v1/search?status=lost", "status"),
            ("/api/v1/search?limit=0", "limit"),
            ("/api/v1/search?cursor=not-ours", "cursor"),
            ("/api/v1/search?tag=a,b", "tag"),
            ("/api/v1/search?from=2026-11-23T00:00:00Z&to=2026-11-22T00:00:00Z", "from"),
            ("/api/v1/wallboard?at_risk_minutes=0", "at_risk_minutes"),
            ("/api/v1/listening/summary?from=2026-11-23T00:00:00Z&to=2026-11-23T00:00:00Z", "from"),
            ("/api/v1/listening/summary?from=2020-01-01T00:00:00Z&to=2026-11-23T00:00:00Z", "from"),
        ];

        foreach (var (url, field) in cases)
        {
            var response = await _api.GetAsync(url);

            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{url}: {(int)response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(problem.GetProperty("field").GetString() == field, $"{url}: {problem}");
        }
        var unparsable = await _api.GetAsync("/api/v1/search?queue=abc");
        Assert.Equal(HttpStatusCode.BadRequest, unparsable.StatusCode);
    }

    [Fact]
    public async Task PostedComplaint_IsFoundBySearchWithItsConversation()
    {
        var body = """{"id":"search-api-1","platform":"x","text":"@acmeair my suitcase zyxwvut is lost, terrible service!","author":{"handle":"searcher"}}""";
        var posted = await _api.PostAsync("/api/v1/posts", new StringContent(body, Encoding.UTF8, "application/json"));

        var hit = await Eventually.ReturnsValueAsync(async () =>
        {
            var page = await _api.GetFromJsonAsync<JsonElement>("/api/v1/search?q=ZYXWVUT%20suitcase&sentiment=negative&platform=x&status=open");
            return page.GetProperty("items").EnumerateArray().Cast<JsonElement?>().FirstOrDefault();
        }, TimeSpan.FromSeconds(10), "the search hit");
        var none = await _api.GetFromJsonAsync<JsonElement>("/api/v1/search?q=zyxwvut&sentiment=positive");

        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        Assert.Contains("zyxwvut", hit.GetProperty("text").GetString());
        Assert.Equal("open", hit.GetProperty("conversation_status").GetString());
        Assert.Equal("negative", hit.GetProperty("sentiment_band").GetString());
        Assert.True(hit.GetProperty("conversation_id").GetInt64() > 0);
        Assert.Empty(none.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Wallboard_ShowsTheDefaultQueuesAndPresenceCounts()
    {
        var board = await _api.GetFromJsonAsync<JsonElement>("/api/v1/wallboard?at_risk_minutes=30");

        Assert.Equal(30, board.GetProperty("sla_at_risk_minutes").GetInt32());
        var names = board.GetProperty("queues").EnumerateArray().Select(q => q.GetProperty("name").GetString()).ToList();
        Assert.Contains("Care", names);
        Assert.True(board.GetProperty("agents_by_presence").TryGetProperty("available", out _));
        Assert.True(board.GetProperty("total").TryGetProperty("waiting", out _));
    }

    [Fact]
    public async Task ListeningSummary_DefaultsToTheLastDayPerHour()
    {
        var summary = await _api.GetFromJsonAsync<JsonElement>("/api/v1/listening/summary");

        Assert.Equal("hour", summary.GetProperty("granularity").GetString());
        Assert.InRange(summary.GetProperty("series").GetArrayLength(), 24, 25);
        Assert.False(summary.GetProperty("incident").GetProperty("forming").GetBoolean());
    }
}

public sealed class SqliteConsoleApiTests(SqliteTestDatabase database) : ConsoleApiTests<SqliteTestDatabase>(database);

public sealed class PostgresConsoleApiTests(PostgresTestDatabase database) : ConsoleApiTests<PostgresTestDatabase>(database);
