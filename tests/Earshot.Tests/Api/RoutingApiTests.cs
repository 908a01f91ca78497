using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Earshot.Tests.Infrastructure;

namespace Earshot.Tests.Api;

/// <summary>Routing settings through the API: queues' sticky window and escalation steps, agents' heartbeat.</summary>
public abstract class RoutingApiTests<TDatabase> : IClassFixture<TDatabase>, IAsyncLifetime where TDatabase : TestDatabase
{
    readonly EarshotAppFactory _app;
    readonly HttpClient _api;

    protected RoutingApiTests(TDatabase database)
    {
        _app = new EarshotAppFactory(database);
        _api = _app.CreateApiClient();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Create_WithEscalationSteps_StoresAndShowsThem()
    {
        var overflow = await (await _api.PostAsJsonAsync("/api/v1/queues", new { name = $"Overflow {Guid.NewGuid():N}" })).Content.ReadFromJsonAsync<JsonElement>();
        var overflowId = overflow.GetProperty("id").GetInt64();

        var response = await _api.PostAsJsonAsync("/api/v1/queues", new
        {
            name = $"Escalating {Guid.NewGuid():N}",
            sticky_window_seconds = 3600,
            escalation_steps = new object[]
            {
                new { after_minutes = 5, raise_priority_by = 10 },
                new { after_minutes = 15, widen_skills = true, overflow_queue_id = overflowId },
            },
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var queue = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3600, queue.GetProperty("sticky_window_seconds").GetInt32());
        var steps = queue.GetProperty("escalation_steps");
        Assert.Equal(2, steps.GetArrayLength());
        Assert.Equal(overflowId, steps[1].GetProperty("overflow_queue_id").GetInt64());
    }

    [Fact]
    public async Task Heartbeat_KnownAndUnknownAgent_Is204Or404()
    {
        var agent = await (await _api.PostAsJsonAsync("/api/v1/agents", new { name = "Hal", email = $"hal-{Guid.NewGuid():N}@example.test", role = "agent" }))
            .Content.ReadFromJsonAsync<JsonElement>();

        var known = await _api.PostAsync($"/api/v1/agents/{agent.GetProperty("id").GetInt64()}/heartbeat", null);
        var unknown = await _api.PostAsync("/api/v1/agents/987654/heartbeat", null);

        Assert.Equal(HttpStatusCode.NoContent, known.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Calendar_PutThenGet_RoundTripsAndRejectsBadZone()
    {
        var body = new { time_zone = "Europe/Madrid", hours = new[] { new { day = "monday", opens = "09:00", closes = "17:00" } }, holidays = new[] { "2026-12-08" } };

        var put = await _api.PutAsJsonAsync("/api/v1/calendar", body);
        var got = await _api.GetFromJsonAsync<JsonElement>("/api/v1/calendar");
        var bad = await _api.PutAsJsonAsync("/api/v1/calendar", new { time_zone = "Mars/Olympus" });
        await _api.PutAsJsonAsync("/api/v1/calendar", new { time_zone = "UTC" }); // leave the shared workspace around the clock

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("Europe/Madrid", got.GetProperty("time_zone").GetString());
        Assert.Equal("17:00", got.GetProperty("hours")[0].GetProperty("closes").GetString());
        Assert.Equal("2026-12-08", got.GetProperty("holidays")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("time_zone", (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
    }

    [Fact]
    public async Task Create_OverflowToMissingQueue_Is400NamingTheField()
    {
        var response = await _api.PostAsJsonAsync("/api/v1/queues", new
        {
            name = $"Bad {Guid.NewGuid():N}",
            escalation_steps = new object[] { new { after_minutes = 5, overflow_queue_id = 987654 } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("escalation_steps[0].overflow_queue_id", problem.GetProperty("field").GetString());
    }
}

public sealed class SqliteRoutingApiTests(SqliteTestDatabase database) : RoutingApiTests<SqliteTestDatabase>(database);

public sealed class PostgresRoutingApiTests(PostgresTestDatabase database) : RoutingApiTests<PostgresTestDatabase>(database);
