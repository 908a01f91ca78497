using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Earshot.Core.Contacts;
using Earshot.Core.Conversations;
using Earshot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Tests.Api;

public sealed class SqliteContactsApiTests(SqliteTestDatabase database) : ContactsApiTests<SqliteTestDatabase>(database);

public sealed class PostgresContactsApiTests(PostgresTestDatabase database) : ContactsApiTests<PostgresTestDatabase>(database);

/// <summary>The contacts API on a real server: search, details, link by hand, merge and undo, and its 4xx answers.</summary>
public abstract class ContactsApiTests<TDatabase> : IClassFixture<TDatabase>, IAsyncLifetime where TDatabase : TestDatabase
{
    readonly EarshotAppFactory _app;
    readonly HttpClient _api;

    protected ContactsApiTests(TDatabase database)
    {
        _app = new EarshotAppFactory(database);
        _api = _app.CreateApiClient();
    }

    public async Task InitializeAsync() => await _api.GetAsync("/api/v1/queues");

    public async Task DisposeAsync() => await _app.DisposeAsync();

    /// <summary>Imports two contacts with unique ids; returns their ids.</summary>
    async Task<(long Jo, long Old, string Tag)> SeedAsync()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        await using var db = _app.CreateContext();
        var workspace = await db.Workspaces.OrderBy(w => w.Id).FirstAsync();
        var outcomes = await ContactImport.UpsertAsync(db, workspace.Id,
        [
            new ContactRecord($"C-{tag}", $"Jo {tag}", $"jo-{tag}@customer.test", "gold", 8000, ContactRecord.ParseHandles($"x:@jo_{tag}").Handles),
            new ContactRecord($"D-{tag}", $"Jo old {tag}", null, null, 0, ContactRecord.ParseHandles($"mastodon:@jo_{tag}@m.social").Handles),
        ], DateTime.UtcNow, default);
        return (outcomes[0].ContactId, outcomes[1].ContactId, tag);
    }

    [Fact]
    public async Task List_Query_FindsByNameEmailCustomerIdAndHandle()
    {
        var (jo, _, tag) = await SeedAsync();

        foreach (var q in new[] { $"jo {tag}".ToUpperInvariant(), $"jo-{tag}@customer", $"C-{tag}", $"@jo_{tag}" })
        {
            var page = await _api.GetFromJsonAsync<JsonElement>($"/api/v1/contacts?q={Uri.EscapeDataString(q)}");
            Assert.Contains(jo, page.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetInt64()));
        }
    }

    [Fact]
    public async Task Get_Contact_ShowsFactsAndIdentities()
    {
        var (jo, _, tag) = await SeedAsync();

        var detail = await _api.GetFromJsonAsync<JsonElement>($"/api/v1/contacts/{jo}");

        var contact = detail.GetProperty("contact");
        Assert.Equal(("gold", 8000d, $"C-{tag}"), (contact.GetProperty("tier").GetString(), contact.GetProperty("lifetime_value").GetDouble(), contact.GetProperty("customer_id").GetString()));
        var handles = detail.GetProperty("identities").EnumerateArray().Select(i => $"{i.GetProperty("platform").GetString()}:{i.GetProperty("handle").GetString()}").Order().ToList();
        Assert.Equal([$"email:jo-{tag}@customer.test", $"x:jo_{tag}"], handles);
        Assert.All(detail.GetProperty("identities").EnumerateArray(), i => Assert.Equal("crm", i.GetProperty("linked_by").GetString()));
        Assert.Equal(JsonValueKind.Array, detail.GetProperty("conversations").ValueKind);
    }

    [Fact]
    public async Task LinkIdentity_ByHand_LinksAndBadRequestsAreProblems()
    {
        var (jo, _, tag) = await SeedAsync();

        var linked = await _api.PostAsJsonAsync($"/api/v1/contacts/{jo}/identities", new { platform = "bluesky", handle = $"@jo-{tag}.bsky.social" });
        var empty = await _api.PostAsJsonAsync($"/api/v1/contacts/{jo}/identities", new { });
        var missing = await _api.PostAsJsonAsync("/api/v1/contacts/999999999/identities", new { platform = "x", handle = "nobody" });

        Assert.Equal(HttpStatusCode.OK, linked.StatusCode);
        var identity = await linked.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((jo, "agent"), (identity.GetProperty("contact_id").GetInt64(), identity.GetProperty("linked_by").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal("application/problem+json", empty.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task MergeThenUndo_MovesIdentitiesAndBack()
    {
        var (jo, old, tag) = await SeedAsync();

        var merged = await _api.PostAsJsonAsync($"/api/v1/contacts/{jo}/merge", new { from_contact_id = old });
        var mergeId = (await merged.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var afterMerge = await _api.GetFromJsonAsync<JsonElement>($"/api/v1/contacts/{jo}");
        var hidden = await _api.GetFromJsonAsync<JsonElement>($"/api/v1/contacts?q={Uri.EscapeDataString($"D-{tag}")}");
        var undone = await _api.PostAsync($"/api/v1/contacts/merges/{mergeId}/undo", null);
        var again = await _api.PostAsync($"/api/v1/contacts/merges/{mergeId}/undo", null);
        var afterUndo = await _api.GetFromJsonAsync<JsonElement>($"/api/v1/contacts/{old}");

        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        Assert.Contains(afterMerge.GetProperty("identities").EnumerateArray(), i => i.GetProperty("platform").GetString() == "mastodon");
        Assert.Empty(hidden.GetProperty("items").EnumerateArray());
        Assert.Equal(HttpStatusCode.OK, undone.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("mastodon", Assert.Single(afterUndo.GetProperty("identities").EnumerateArray()).GetProperty("platform").GetString());
        Assert.Equal(1, afterUndo.GetProperty("merges")[0].GetProperty("identities").GetInt32());
    }

    [Fact]
    public async Task Merge_BadRequests_AreProblemsNot500()
    {
        var (jo, _, _) = await SeedAsync();

        var noFrom = await _api.PostAsJsonAsync($"/api/v1/contacts/{jo}/merge", new { });
        var self = await _api.PostAsJsonAsync($"/api/v1/contacts/{jo}/merge", new { from_contact_id = jo });
        var unknown = await _api.PostAsJsonAsync($"/api/v1/contacts/{jo}/merge", new { from_contact_id = 999999999 });
        var unknownUndo = await _api.PostAsync("/api/v1/contacts/merges/999999999/undo", null);

        Assert.Equal(HttpStatusCode.BadRequest, noFrom.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, self.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownUndo.StatusCode);
    }
}
