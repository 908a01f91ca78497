using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Earshot.Tests.Infrastructure;

namespace Earshot.Tests.Api;

/// <summary>Open media through <c>POST /api/v1/tasks</c> on a real server, over SQLite and over PostgreSQL.</summary>
public abstract class TasksApiTests<TDatabase> : IClassFixture<TDatabase>, IAsyncLifetime where TDatabase : TestDatabase
{
    readonly EarshotAppFactory _app;
    readonly HttpClient _api;

    protected TasksApiTests(TDatabase database)
    {
        _app = new EarshotAppFactory(database);
        _api = _app.CreateApiClient();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Create_SameExternalIdTwice_CreatesOneTaskAndOffersIt()
    {
        var externalId = $"cb-{Guid.NewGuid():N}";
        var queues = await _api.GetFromJsonAsync<JsonElement>("/api/v1/queues");
        var care = queues.EnumerateArray().First(q => q.GetProperty("name").GetString() == "Care").GetProperty("id").GetInt64();
        var agent = await _api.PostAsJsonAsync("/api/v1/agents", new
        {
            name = "Tess", email = $"tess-{Guid.NewGuid():N}@example.test", role = "agent",
            capacity = new Dictionary<string, int> { ["task"] = 5 }, queues = new[] { care },
        });
        var agentId = (await agent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        await _api.PutAsJsonAsync($"/api/v1/agents/{agentId}/presence", new { status = "available" });
        var body = new { queue = "Care", channel = "phone-callback", medium = "task", subject = "Call back about lost bag", priority = 70, external_id = externalId };

        var first = await _api.PostAsJsonAsync("/api/v1/tasks", body);
        var second = await _api.PostAsJsonAsync("/api/v1/tasks", body);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var created = await first.Content.ReadFromJsonAsync<JsonElement>();
        var again = await second.Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetInt64();
        Assert.Equal(id, again.GetProperty("id").GetInt64());
        Assert.Equal(("phone-callback", "task", 70), (created.GetProperty("channel").GetString(), created.GetProperty("medium").GetString(), created.GetProperty("priority").GetInt32()));
        Assert.NotEqual(JsonValueKind.Null, created.GetProperty("first_response_due_at").ValueKind);
        // Only Tess has capacity in "task": the router must offer it to her, like any conversation.
        var offer = await Eventually.ReturnsValueAsync(async () =>
        {
            var offers = await _api.GetFromJsonAsync<JsonElement>($"/api/v1/agents/{agentId}/offers");
            var items = offers.ValueKind == JsonValueKind.Array ? offers : offers.GetProperty("items");
            return items.EnumerateArray().Cast<JsonElement?>().FirstOrDefault(o => o!.Value.GetProperty("conversation_id").GetInt64() == id);
        }, TimeSpan.FromSeconds(5), "the task's offer");
        Assert.Contains("task", offer.GetProperty("reason").GetString());
    }

    [Theory]
    [InlineData("""{"channel":"crm-case","medium":"task","subject":"x"}""", "queue_id")]
    [InlineData("""{"queue_id":999999,"channel":"crm-case","medium":"task","subject":"x"}""", "queue_id")]
    [InlineData("""{"queue":"Nowhere","channel":"crm-case","medium":"task","subject":"x"}""", "queue")]
    [InlineData("""{"queue":"Care","channel":"CRM case","medium":"task","subject":"x"}""", "channel")]
    [InlineData("""{"queue":"Care","channel":"crm-case","subject":"x"}""", "medium")]
    [InlineData("""{"queue":"Care","channel":"crm-case","medium":"task","subject":""}""", "subject")]
    [InlineData("""{"queue":"Care","channel":"crm-case","medium":"task","subject":"x","priority":101}""", "priority")]
    [InlineData("""{"queue":"Care","channel":"crm-case","medium":"task","subject":"x","contact":"no-such-customer"}""", "contact")]
    public async Task Create_BadInput_Is400NamingTheField(string body, string field)
    {
        var response = await _api.PostAsync("/api/v1/tasks", Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(field, problem.GetProperty("field").GetString());
    }
}

public sealed class SqliteTasksApiTests(SqliteTestDatabase database) : TasksApiTests<SqliteTestDatabase>(database);

public sealed class PostgresTasksApiTests(PostgresTestDatabase database) : TasksApiTests<PostgresTestDatabase>(database);
