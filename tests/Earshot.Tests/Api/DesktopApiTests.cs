using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Earshot.Core.Conversations;
using Earshot.Core.Workspaces;
using Earshot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Earshot.Tests.Api;

/// <summary>What the desktop adds to the API: held replies and their approval, viewers, resolve tags.</summary>
public abstract class DesktopApiTests<TDatabase> : IClassFixture<TDatabase>, IAsyncLifetime where TDatabase : TestDatabase
{
    readonly EarshotAppFactory _app;
    readonly HttpClient _api;

    protected DesktopApiTests(TDatabase database)
    {
        _app = new EarshotAppFactory(database);
        _api = _app.CreateApiClient();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    async Task<long> ConversationAsync(string text)
    {
        var id = $"desk-{Guid.NewGuid():N}";
        var posted = await _api.PostAsJsonAsync("/api/v1/posts", new { id, platform = "x", text, author = new { handle = "kim" + id[5..10] } });
        var postId = (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("post_ids")[0].GetInt64();
        return await Eventually.ReturnsValueAsync(async () =>
        {
            var post = await _api.GetFromJsonAsync<JsonElement>($"/api/v1/posts/{postId}");
            return post.GetProperty("conversation_id").ValueKind == JsonValueKind.Number ? (long?)post.GetProperty("conversation_id").GetInt64() : null;
        }, TimeSpan.FromSeconds(15), "the post's conversation");
    }

    async Task<JsonElement> ReplyAsync(long conversationId, string text)
    {
        var response = await _api.PostAsJsonAsync($"/api/v1/conversations/{conversationId}/replies", new { text, visibility = "public" });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task RiskyReply_IsHeld_ListedForApproval_ThenApprovedAndSent()
    {
        var conversationId = await ConversationAsync("@acmeair my bag is lost again, where is it?");

        var reply = await ReplyAsync(conversationId, "It is your fault, you should have labelled it. We guarantee nothing.");
        var approvals = await _api.GetFromJsonAsync<JsonElement>("/api/v1/approvals");
        var replyId = reply.GetProperty("id").GetInt64();
        var approve = await _api.PostAsync($"/api/v1/replies/{replyId}/approve", null);
        var again = await _api.PostAsync($"/api/v1/replies/{replyId}/approve", null);

        Assert.Equal("awaiting_approval", reply.GetProperty("status").GetString());
        var reasons = reply.GetProperty("review_reasons").EnumerateArray().Select(r => r.GetString()!).ToList();
        Assert.Contains(reasons, r => r.StartsWith("blames the customer"));
        Assert.Contains(reasons, r => r.StartsWith("promises a guarantee"));
        Assert.Contains(approvals.EnumerateArray(), a => a.GetProperty("reply").GetProperty("id").GetInt64() == replyId
                                                         && a.GetProperty("conversation_id").GetInt64() == conversationId);
        Assert.Equal(HttpStatusCode.OK, approve.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        await Eventually.HoldsAsync(async () =>
            (await _api.GetFromJsonAsync<JsonElement>($"/api/v1/conversations/{conversationId}")).GetProperty("replies")
                .EnumerateArray().Single(r => r.GetProperty("id").GetInt64() == replyId).GetProperty("status").GetString() == "sent",
            TimeSpan.FromSeconds(10), "the approved reply to be sent");
    }

    [Fact]
    public async Task CalmReply_GoesStraightToTheOutbox()
    {
        var conversationId = await ConversationAsync("@acmeair my flight was cancelled, please help");

        var reply = await ReplyAsync(conversationId, "Sorry to hear that, please DM us your booking reference.");

        Assert.Equal("queued", reply.GetProperty("status").GetString());
        Assert.Empty(reply.GetProperty("review_reasons").EnumerateArray());
    }

    [Fact]
    public async Task Reject_WithReason_StopsTheReply_WithoutReasonIs400_UnknownIs404()
    {
        var conversationId = await ConversationAsync("@acmeair charged twice for my seat, fix this");
        var replyId = (await ReplyAsync(conversationId, "WE WILL GIVE YOU A FULL REFUND RIGHT NOW")).GetProperty("id").GetInt64();

        var noReason = await _api.PostAsJsonAsync($"/api/v1/replies/{replyId}/reject", new { reason = " " });
        var unknown = await _api.PostAsJsonAsync("/api/v1/replies/99999999/reject", new { reason = "no" });
        var rejected = await _api.PostAsJsonAsync($"/api/v1/replies/{replyId}/reject", new { reason = "Refunds go through the refunds team." });
        var body = await rejected.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal("application/problem+json", noReason.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        Assert.Equal(("rejected", "Refunds go through the refunds team."), (body.GetProperty("status").GetString(), body.GetProperty("rejection_reason").GetString()));
    }

    [Fact]
    public async Task Approvals_WithAnAgentKey_Is403()
    {
        const string agentKey = "agent-role-key-0123456789";
        await using (var db = _app.CreateContext())
        {
            var workspace = await db.Workspaces.SingleAsync(w => w.IsDefault);
            db.ApiKeys.Add(new ApiKey { WorkspaceId = workspace.Id, Name = "agent key", Prefix = "agent-ro", Hash = ApiKey.HashOf(agentKey), Role = AgentRoleName.Agent });
            await db.SaveChangesAsync();
        }
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", agentKey);

        var response = await client.GetAsync("/api/v1/approvals");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Viewers_AreInTheConversationJson_AndExpireAfter30Seconds()
    {
        var conversationId = await ConversationAsync("@acmeair stuck on the tarmac for 90 minutes, no information");
        await _api.PostAsJsonAsync("/api/v1/agents", new { name = "Vic Viewer", email = $"vic-{Guid.NewGuid():N}@example.test", role = "agent" });
        await using var db = _app.CreateContext();
        var conversation = await db.Conversations.SingleAsync(c => c.Id == conversationId);
        var agent = await db.Agents.OrderBy(a => a.Id).FirstAsync(a => a.WorkspaceId == conversation.WorkspaceId && a.Name == "Vic Viewer");

        await new ViewerPresence(TimeProvider.System).TouchAsync(db, conversation.WorkspaceId, conversationId, agent.Id, agent.Name, default);
        await new ViewerPresence(TimeProvider.System).TouchAsync(db, conversation.WorkspaceId, conversationId, agent.Id, agent.Name, default);
        var json = await _api.GetFromJsonAsync<JsonElement>($"/api/v1/conversations/{conversationId}");
        var later = new FakeTimeProvider(DateTimeOffset.UtcNow + ViewerPresence.Expiry + TimeSpan.FromSeconds(1));
        var afterExpiry = await new ViewerPresence(later).CurrentAsync(db, conversationId, default);

        var muchLater = new FakeTimeProvider(DateTimeOffset.UtcNow + ViewerPresence.Expiry * 3);
        var purged = await new ViewerPresence(muchLater).PurgeAsync(db, default);

        Assert.True(purged >= 1);
        Assert.False(await db.ConversationViewers.AnyAsync(v => v.ConversationId == conversationId));
        var viewer = Assert.Single(json.GetProperty("viewers").EnumerateArray());
        Assert.Equal((agent.Id, agent.Name), (viewer.GetProperty("agent_id").GetInt64(), viewer.GetProperty("name").GetString()));
        Assert.Empty(afterExpiry);
    }

    [Fact]
    public async Task Resolve_WithTags_KeepsThemNormalized()
    {
        var conversationId = await ConversationAsync("@acmeair lost my bag in Denver, nobody answers");

        var response = await _api.PostAsJsonAsync($"/api/v1/conversations/{conversationId}/resolve",
            new { disposition = "bag traced", tags = new[] { " Baggage", "VIP", "baggage", "" } });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["baggage", "vip"], body.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
    }
}

public sealed class SqliteDesktopApiTests(SqliteTestDatabase database) : DesktopApiTests<SqliteTestDatabase>(database);

public sealed class PostgresDesktopApiTests(PostgresTestDatabase database) : DesktopApiTests<PostgresTestDatabase>(database);
