using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Earshot.Core.Routing;
using Earshot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Tests.Cli;

/// <summary>Two `earshot serve` processes on one PostgreSQL share the work without offering anything twice.</summary>
public sealed class TwoNodeTests(PostgresTestDatabase database) : IClassFixture<PostgresTestDatabase>
{
    [Fact]
    public async Task TwoServers_OnePostgres_NeverOfferAConversationTwiceNorOverCapacity()
    {
        var dir = Directory.CreateTempSubdirectory("earshot-nodes-");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", EarshotAppFactory.AdminKey);
        var ports = new[] { EarshotProcess.FreePort(), EarshotProcess.FreePort() };
        using var first = EarshotProcess.Start(database, dir.FullName, "serve", "--urls", $"http://127.0.0.1:{ports[0]}");
        await Eventually.HoldsAsync(() => EarshotProcess.IsUpAsync(http, ports[0]), TimeSpan.FromSeconds(60), "the first node");
        using var second = EarshotProcess.Start(database, dir.FullName, "serve", "--urls", $"http://127.0.0.1:{ports[1]}");
        await Eventually.HoldsAsync(() => EarshotProcess.IsUpAsync(http, ports[1]), TimeSpan.FromSeconds(60), "the second node");

        for (var i = 0; i < 10; i++)
        {
            var created = await http.PostAsJsonAsync($"http://127.0.0.1:{ports[i % 2]}/api/v1/agents",
                new { name = $"agent {i}", email = $"agent{i}@example.test", capacity = new Dictionary<string, int> { ["social"] = 3 } });
            var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
            await http.PutAsJsonAsync($"http://127.0.0.1:{ports[(i + 1) % 2]}/api/v1/agents/{id}/presence", new { status = "available" });
        }
        for (var batch = 0; batch < 10; batch++)
        {
            var body = "[" + string.Join(",", Enumerable.Range(0, 10).Select(i =>
                "{\"id\":\"n-" + batch + "-" + i + "\",\"platform\":\"x\",\"text\":\"@acmeair my bag is lost and nobody answers, terrible service\",\"author\":{\"handle\":\"c" + batch + "x" + i + "\"}}")) + "]";
            await http.PostAsync($"http://127.0.0.1:{ports[batch % 2]}/api/v1/posts", new StringContent(body, Encoding.UTF8, "application/json"));
        }

        await using var db = database.CreateContext();
        await Eventually.HoldsAsync(async () => await db.Offers.CountAsync() >= 30, TimeSpan.FromSeconds(60), "every agent's capacity to be offered");
        var offers = await db.Offers.Where(o => o.Status == OfferStatus.Pending).ToListAsync();
        var audit = await db.AuditEntries.Where(a => a.Action == "offer").ToListAsync();

        Assert.Equal(30, offers.Count);
        Assert.All(offers.GroupBy(o => o.ConversationId), g => Assert.Single(g));
        Assert.All(offers.GroupBy(o => o.AgentId), g => Assert.Equal(3, g.Count()));
        Assert.Equal(30, audit.Count);
        Assert.Equal(audit.Count, audit.Select(a => a.Subject).Distinct().Count());
    }
}
