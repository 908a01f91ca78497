using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Earshot.Tests.Infrastructure;

namespace Earshot.Tests.Api;

/// <summary>Workflows, queue updates, alerts, SLA bands, agent schedules and reply collisions through the API.</summary>
public abstract class RoutingRulesApiTests<TDatabase> : IClassFixture<TDatabase>, IAsyncLifetime where TDatabase : TestDatabase
{
    readonly EarshotAppFactory _app;
    readonly HttpClient _api;

    protected RoutingRulesApiTests(TDatabase database)
    {
        _app = new EarshotAppFactory(database);
        _api = _app.CreateApiClient();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    async Task<long> NewQueueAsync(object? extra = null)
    {
        var response = await _api.PostAsJsonAsync("/api/v1/queues", extra ?? new { name = $"Q {Guid.NewGuid():N}" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    async Task<long> NewAgentAsync(string role)
    {
        var response = await _api.PostAsJsonAsync("/api/v1/agents", new { name = $"{role} {Guid.NewGuid():N}", email = $"{Guid.NewGuid():N}@example.test", role });
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Workflows_CreateListUpdateDelete_RoundTrip()
    {
        var queue = await NewQueueAsync();

        var created = await _api.PostAsJsonAsync("/api/v1/workflows", new
        {
            name = "VIP Spanish", position = 5, queue_id = queue, priority_boost = 15, required_skills = new { es = 3 },
            conditions = new { buckets = new[] { "care" }, languages = new[] { "ES" }, contact_tiers = new[] { "gold" }, risks = new[] { "churn" } },
        });
        var rule = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = rule.GetProperty("id").GetInt64();
        var put = await _api.PutAsJsonAsync($"/api/v1/workflows/{id}", new { name = "VIP Spanish", position = 1, queue_id = queue, enabled = false });
        var list = await _api.GetFromJsonAsync<JsonElement>("/api/v1/workflows");
        var deleted = await _api.DeleteAsync($"/api/v1/workflows/{id}");
        var gone = await _api.GetAsync($"/api/v1/workflows/{id}");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("es", rule.GetProperty("conditions").GetProperty("languages")[0].GetString());
        Assert.Equal(15, rule.GetProperty("priority_boost").GetInt32());
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var listed = list.EnumerateArray().Single(r => r.GetProperty("id").GetInt64() == id);
        Assert.Equal((1, false), (listed.GetProperty("position").GetInt32(), listed.GetProperty("enabled").GetBoolean()));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Theory]
    [InlineData("""{"name":"r","queue_id":QUEUE,"conditions":{"risks":["fire"]}}""", "conditions.risks[0]")]
    [InlineData("""{"name":"r","queue_id":QUEUE,"conditions":{"buckets":["analytics"]}}""", "conditions.buckets[0]")]
    [InlineData("""{"name":"r"}""", "queue_id")]
    [InlineData("""{"name":"r","queue_id":987654}""", "queue_id")]
    [InlineData("""{"queue_id":QUEUE}""", "name")]
    [InlineData("""{"name":"r","queue_id":QUEUE,"priority_boost":500}""", "priority_boost")]
    [InlineData("""{"name":"r","queue_id":QUEUE,"required_skills":{"es":9}}""", "required_skills.es")]
    public async Task Workflows_InvalidRule_Is400NamingTheField(string body, string field)
    {
        var queue = await NewQueueAsync();

        var response = await _api.PostAsync("/api/v1/workflows",
            new StringContent(body.Replace("QUEUE", queue.ToString()), System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(field, (await ProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("field").GetString());
    }

    [Fact]
    public async Task Queues_Put_ChangesGivenFieldsKeepsOthersAndValidates()
    {
        var queue = await NewQueueAsync(new { name = $"Put {Guid.NewGuid():N}", sticky_window_seconds = 600, auto_accept = true });

        var put = await _api.PutAsJsonAsync($"/api/v1/queues/{queue}", new
        {
            offer_timeout_seconds = 15, wrap_up_seconds = 30,
            escalation_steps = new object[] { new { after_minutes = 10, alert_supervisor = true } },
        });
        var badWrapUp = await _api.PutAsJsonAsync($"/api/v1/queues/{queue}", new { wrap_up_seconds = -1 });
        var selfOverflow = await _api.PutAsJsonAsync($"/api/v1/queues/{queue}", new { escalation_steps = new object[] { new { after_minutes = 1, overflow_queue_id = queue } } });
        var missing = await _api.PutAsJsonAsync("/api/v1/queues/987654", new { wrap_up_seconds = 5 });

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var json = await put.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((15, 30, 600, true), (json.GetProperty("offer_timeout_seconds").GetInt32(), json.GetProperty("wrap_up_seconds").GetInt32(),
            json.GetProperty("sticky_window_seconds").GetInt32(), json.GetProperty("auto_accept").GetBoolean()));
        Assert.True(json.GetProperty("escalation_steps")[0].GetProperty("alert_supervisor").GetBoolean());
        Assert.Equal("wrap_up_seconds", (await ProblemAsync(badWrapUp, HttpStatusCode.BadRequest)).GetProperty("field").GetString());
        Assert.Equal("escalation_steps[0].overflow_queue_id", (await ProblemAsync(selfOverflow, HttpStatusCode.BadRequest)).GetProperty("field").GetString());
        await ProblemAsync(missing, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task SlaPolicies_WithBands_StoredAndValidated()
    {
        var created = await _api.PostAsJsonAsync("/api/v1/sla-policies", new
        {
            name = $"Banded {Guid.NewGuid():N}", first_response_seconds = 3600,
            bands = new[] { new { name = "urgent", min_priority = 80, first_response_seconds = 900, next_response_seconds = 1800, resolution_seconds = 14400 } },
        });
        var bad = await _api.PostAsJsonAsync("/api/v1/sla-policies", new
        {
            name = $"Bad {Guid.NewGuid():N}",
            bands = new[] { new { name = "urgent", min_priority = 180, first_response_seconds = 900, next_response_seconds = 1800, resolution_seconds = 14400 } },
        });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var band = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("bands")[0];
        Assert.Equal(("urgent", 80, 900), (band.GetProperty("name").GetString(), band.GetProperty("min_priority").GetInt32(), band.GetProperty("first_response_seconds").GetInt32()));
        Assert.Equal("bands[0].min_priority", (await ProblemAsync(bad, HttpStatusCode.BadRequest)).GetProperty("field").GetString());
    }

    [Fact]
    public async Task Agents_ScheduleAndWrapUpPresence_RoundTrip()
    {
        var agent = await NewAgentAsync("agent");

        var schedule = await _api.PutAsJsonAsync($"/api/v1/agents/{agent}/schedule",
            new { time_zone = "Europe/Madrid", hours = new[] { new { day = "monday", opens = "08:00", closes = "16:00" } } });
        var badSchedule = await _api.PutAsJsonAsync($"/api/v1/agents/{agent}/schedule", new { hours = new[] { new { day = "someday", opens = "08:00", closes = "16:00" } } });
        var wrapUp = await _api.PutAsJsonAsync($"/api/v1/agents/{agent}/presence", new { status = "wrap_up" });

        Assert.Equal(HttpStatusCode.OK, schedule.StatusCode);
        Assert.Equal("16:00", (await schedule.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("schedule").GetProperty("hours")[0].GetProperty("closes").GetString());
        Assert.Equal("hours[0]", (await ProblemAsync(badSchedule, HttpStatusCode.BadRequest)).GetProperty("field").GetString());
        Assert.Equal("wrap_up", (await wrapUp.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("presence").GetString());
    }

    [Fact]
    public async Task Alerts_ListAndAcknowledgeUnknown_AreOkAnd404()
    {
        var list = await _api.GetAsync("/api/v1/alerts?all=true&limit=10");
        var unknown = await _api.PostAsync("/api/v1/alerts/987654/acknowledge", null);

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(JsonValueKind.Array, (await list.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").ValueKind);
        await ProblemAsync(unknown, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Replies_TwoAgentsAtOnceWithSameVersion_SecondGets409SayingWhoReplied()
    {
        var owner = await NewAgentAsync("agent");
        var supervisor = await NewAgentAsync("supervisor");
        var task = await (await _api.PostAsJsonAsync("/api/v1/tasks", new { queue = "Care", channel = "chat", medium = "chat", subject = "Where is my bag?", external_id = Guid.NewGuid().ToString("N") }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var id = task.GetProperty("id").GetInt64();
        await _api.PostAsJsonAsync($"/api/v1/conversations/{id}/transfer", new { agent_id = owner, reason = "owner for the test" });
        var version = (await _api.GetFromJsonAsync<JsonElement>($"/api/v1/conversations/{id}")).GetProperty("conversation").GetProperty("version").GetInt32();

        var first = await _api.PostAsJsonAsync($"/api/v1/conversations/{id}/replies", new { text = "On it!", visibility = "private", agent_id = owner, expected_version = version });
        var second = await _api.PostAsJsonAsync($"/api/v1/conversations/{id}/replies", new { text = "Hello!", visibility = "private", agent_id = supervisor, expected_version = version });

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        var problem = await ProblemAsync(second, HttpStatusCode.Conflict);
        Assert.StartsWith("Conversation changed:", problem.GetProperty("detail").GetString());
        Assert.Contains("replied at", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("/api/v1/workflows/{id}")]
    [InlineData("/api/v1/alerts/{id}/acknowledge")]
    [InlineData("/api/v1/queues/{id}")]
    [InlineData("/api/v1/agents/{id}/schedule")]
    public async Task OpenApi_DescribesTheRoutingEndpoints(string path)
    {
        var document = await _app.CreateClient().GetStringAsync("/openapi/v1.json");

        Assert.Contains($"\"{path}\"", document);
    }

    [Fact]
    public async Task Replies_NotTheOwner_Is403UnlessSupervisor()
    {
        var owner = await NewAgentAsync("agent");
        var other = await NewAgentAsync("agent");
        var supervisor = await NewAgentAsync("supervisor");
        var task = await (await _api.PostAsJsonAsync("/api/v1/tasks", new { queue = "Care", channel = "chat", medium = "chat", subject = "Refund?", external_id = Guid.NewGuid().ToString("N") }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var id = task.GetProperty("id").GetInt64();
        await _api.PostAsJsonAsync($"/api/v1/conversations/{id}/transfer", new { agent_id = owner, reason = "owner for the test" });

        var byOther = await _api.PostAsJsonAsync($"/api/v1/conversations/{id}/replies", new { text = "Let me", visibility = "private", agent_id = other });
        var bySupervisor = await _api.PostAsJsonAsync($"/api/v1/conversations/{id}/replies", new { text = "Stepping in", visibility = "private", agent_id = supervisor });

        Assert.Equal("agent_id", (await ProblemAsync(byOther, HttpStatusCode.Forbidden)).GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.Accepted, bySupervisor.StatusCode);
    }
}

public sealed class SqliteRoutingRulesApiTests(SqliteTestDatabase database) : RoutingRulesApiTests<SqliteTestDatabase>(database);

public sealed class PostgresRoutingRulesApiTests(PostgresTestDatabase database) : RoutingRulesApiTests<PostgresTestDatabase>(database);
