using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Earshot.Core.Conversations;
using Earshot.Core.Workspaces;
using Earshot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Tests.Api;

/// <summary>SLA policies through the API: read one, edit it with its bands, delete it, and the refusals.</summary>
public abstract class SlaPoliciesApiTests<TDatabase> : IClassFixture<TDatabase>, IAsyncLifetime where TDatabase : TestDatabase
{
    readonly EarshotAppFactory _app;
    readonly HttpClient _api;

    protected SlaPoliciesApiTests(TDatabase database)
    {
        _app = new EarshotAppFactory(database);
        _api = _app.CreateApiClient();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    static object Band(string name, int min, int first = 900) =>
        new { name, min_priority = min, first_response_seconds = first, next_response_seconds = 1800, resolution_seconds = 14400 };

    async Task<long> NewPolicyAsync(string prefix = "Policy")
    {
        var created = await _api.PostAsJsonAsync("/api/v1/sla-policies", new { name = $"{prefix} {Guid.NewGuid():N}", bands = new[] { Band("urgent", 80) } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    static async Task<string?> FieldAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return problem.TryGetProperty("field", out var field) ? field.GetString() : null;
    }

    [Fact]
    public async Task Put_ChangesNameTargetsAndBands_GetShowsThem()
    {
        var id = await NewPolicyAsync();
        var name = $"Renamed {Guid.NewGuid():N}";

        var put = await _api.PutAsJsonAsync($"/api/v1/sla-policies/{id}", new
        {
            name, first_response_seconds = 1200, resolution_seconds = 7200,
            bands = new[] { Band("urgent", 90, 300), Band("high", 60, 600) },
        });
        var got = await _api.GetFromJsonAsync<JsonElement>($"/api/v1/sla-policies/{id}");
        var keep = await _api.PutAsJsonAsync($"/api/v1/sla-policies/{id}", new { next_response_seconds = 3000 });
        var kept = await keep.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal((name, 1200, 7200), (got.GetProperty("name").GetString(), got.GetProperty("first_response_seconds").GetInt32(), got.GetProperty("resolution_seconds").GetInt32()));
        Assert.Equal(["urgent", "high"], got.GetProperty("bands").EnumerateArray().Select(b => b.GetProperty("name").GetString()));
        Assert.Equal((90, 300), (got.GetProperty("bands")[0].GetProperty("min_priority").GetInt32(), got.GetProperty("bands")[0].GetProperty("first_response_seconds").GetInt32()));
        Assert.Equal(HttpStatusCode.OK, keep.StatusCode);
        Assert.Equal((name, 3000, 2), (kept.GetProperty("name").GetString(), kept.GetProperty("next_response_seconds").GetInt32(), kept.GetProperty("bands").GetArrayLength()));
    }

    [Fact]
    public async Task Put_BadInput_Is400NamingTheField_AndUnknownIs404()
    {
        var id = await NewPolicyAsync();

        var resolutionFirst = await _api.PutAsJsonAsync($"/api/v1/sla-policies/{id}", new { first_response_seconds = 7200, resolution_seconds = 3600 });
        var zero = await _api.PutAsJsonAsync($"/api/v1/sla-policies/{id}", new { next_response_seconds = 0 });
        var sameName = await _api.PutAsJsonAsync($"/api/v1/sla-policies/{id}", new { bands = new[] { Band("urgent", 80), Band("Urgent", 60) } });
        var samePriority = await _api.PutAsJsonAsync($"/api/v1/sla-policies/{id}", new { bands = new[] { Band("urgent", 80), Band("high", 80) } });
        var outOfRange = await _api.PutAsJsonAsync($"/api/v1/sla-policies/{id}", new { bands = new[] { Band("urgent", 101) } });
        var bandResolution = await _api.PutAsJsonAsync($"/api/v1/sla-policies/{id}",
            new { bands = new[] { new { name = "urgent", min_priority = 80, first_response_seconds = 3600, next_response_seconds = 600, resolution_seconds = 600 } } });
        var blankName = await _api.PutAsJsonAsync($"/api/v1/sla-policies/{id}", new { name = " " });
        var unknown = await _api.PutAsJsonAsync("/api/v1/sla-policies/987654", new { name = "x" });
        var unchanged = await _api.GetFromJsonAsync<JsonElement>($"/api/v1/sla-policies/{id}");

        Assert.Equal("resolution_seconds", await FieldAsync(resolutionFirst, HttpStatusCode.BadRequest));
        Assert.Equal("next_response_seconds", await FieldAsync(zero, HttpStatusCode.BadRequest));
        Assert.Equal("bands[1].name", await FieldAsync(sameName, HttpStatusCode.BadRequest));
        Assert.Equal("bands[1].min_priority", await FieldAsync(samePriority, HttpStatusCode.BadRequest));
        Assert.Equal("bands[0].min_priority", await FieldAsync(outOfRange, HttpStatusCode.BadRequest));
        Assert.Equal("bands[0].resolution_seconds", await FieldAsync(bandResolution, HttpStatusCode.BadRequest));
        Assert.Equal("name", await FieldAsync(blankName, HttpStatusCode.BadRequest));
        await FieldAsync(unknown, HttpStatusCode.NotFound);
        Assert.Equal(3600, unchanged.GetProperty("first_response_seconds").GetInt32());
        Assert.Equal(80, unchanged.GetProperty("bands")[0].GetProperty("min_priority").GetInt32());
    }

    [Fact]
    public async Task Post_ResolutionBeforeFirstResponse_Is400()
    {
        var response = await _api.PostAsJsonAsync("/api/v1/sla-policies", new { name = $"Bad {Guid.NewGuid():N}", first_response_seconds = 7200, resolution_seconds = 3600 });

        Assert.Equal("resolution_seconds", await FieldAsync(response, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Delete_UsedByAQueue_Is409UntilTheQueueMoves_ThenGone()
    {
        var id = await NewPolicyAsync();
        var queue = (await (await _api.PostAsJsonAsync("/api/v1/queues", new { name = $"Timed {Guid.NewGuid():N}", sla_policy_id = id }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        var refused = await _api.DeleteAsync($"/api/v1/sla-policies/{id}");
        var refusal = await refused.Content.ReadFromJsonAsync<JsonElement>();
        var stillThere = await _api.GetAsync($"/api/v1/sla-policies/{id}");
        await _api.PutAsJsonAsync($"/api/v1/queues/{queue}", new { sla_policy_id = await NewPolicyAsync("Other") });
        var deleted = await _api.DeleteAsync($"/api/v1/sla-policies/{id}");
        var gone = await _api.GetAsync($"/api/v1/sla-policies/{id}");
        var again = await _api.DeleteAsync($"/api/v1/sla-policies/{id}");

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Timed", refusal.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, stillThere.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        await FieldAsync(again, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Put_NewTargets_LeaveDueTimesAlreadySetOnOpenConversations()
    {
        var id = await NewPolicyAsync();
        var queueId = (await (await _api.PostAsJsonAsync("/api/v1/queues", new { name = $"Due {Guid.NewGuid():N}", sla_policy_id = id }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var due = new DateTime(2031, 1, 6, 10, 0, 0, DateTimeKind.Utc);
        long conversationId;
        await using (var db = _app.CreateContext())
        {
            var workspace = await db.Queues.IgnoreQueryFilters().Where(q => q.Id == queueId).Select(q => q.WorkspaceId).SingleAsync();
            var source = await WorkspaceProvisioner.SourceAsync(db, workspace, WorkspaceProvisioner.ApiSourceName, default);
            var conversation = new Conversation
            {
                WorkspaceId = workspace, SourceId = source.Id, Channel = "x", Medium = "social", QueueId = queueId,
                OpenedAt = due.AddHours(-1), LastActivityAt = due.AddHours(-1), FirstResponseDueAt = due, ResolutionDueAt = due.AddHours(23),
                RootExternalId = $"root-{Guid.NewGuid():N}", Subject = "waiting",
            };
            db.Conversations.Add(conversation);
            await db.SaveChangesAsync();
            conversationId = conversation.Id;
        }

        var put = await _api.PutAsJsonAsync($"/api/v1/sla-policies/{id}", new { first_response_seconds = 300, resolution_seconds = 600 });

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        await using var check = _app.CreateContext();
        var after = await check.Conversations.IgnoreQueryFilters().AsNoTracking().SingleAsync(c => c.Id == conversationId);
        Assert.Equal((due, due.AddHours(23)), (after.FirstResponseDueAt, after.ResolutionDueAt));
    }
}

public sealed class SqliteSlaPoliciesApiTests(SqliteTestDatabase database) : SlaPoliciesApiTests<SqliteTestDatabase>(database);

public sealed class PostgresSlaPoliciesApiTests(PostgresTestDatabase database) : SlaPoliciesApiTests<PostgresTestDatabase>(database);
