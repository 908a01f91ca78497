using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Earshot.Core.Agents;
using Earshot.Core.Data;
using Earshot.Core.Routing;
using Earshot.Core.Workspaces;
using Earshot.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Spectre.Console;

namespace Earshot.Cli;

/// <summary>
/// The routing part of <c>earshot bench</c>: the pure router's decision time with 1,000 agents and 10,000 waiting
/// conversations, and, given a PostgreSQL server, post arrival → offer latency end to end through a real server.
/// </summary>
public static class RoutingBench
{
    /// <summary>Adds the pure router's rows: one decision over all agents, and a whole waiting list.</summary>
    public static void Pure(Table table, DateTime now)
    {
        var agents = RoutingScenario.Agents(1_000, now);
        var waiting = RoutingScenario.Waiting(10_000, now);
        foreach (var work in waiting.Take(500))
        {
            Router.Choose(work, agents, now); // warm-up: JIT tiers
        }
        var perDecision = new double[waiting.Count];
        for (var i = 0; i < waiting.Count; i++)
        {
            var t = Stopwatch.GetTimestamp();
            Router.Choose(waiting[i], agents, now);
            perDecision[i] = Stopwatch.GetElapsedTime(t).TotalMicroseconds;
        }
        table.AddRow("router: one decision, 1,000 agents", $"{1_000_000 / perDecision.Average():N0} decisions/s", Percentiles(perDecision, "µs"));

        for (var i = 0; i < 3; i++)
        {
            Router.ChooseAll(waiting, agents, now); // warm-up: JIT tiers
        }
        // CPU time as well as wall time: on a shared machine the wall clock also counts other processes' turns.
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var decisions = Router.ChooseAll(waiting, agents, now);
        var elapsed = watch.Elapsed;
        var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        table.AddRow("router: 10,000 waiting, 1,000 agents", $"{decisions.Count:N0} offers in {elapsed.TotalMilliseconds:0} ms (CPU {cpuUsed.TotalMilliseconds:0} ms)",
            $"{elapsed.TotalMicroseconds / Math.Max(1, decisions.Count):0.0} µs/decision (CPU {cpuUsed.TotalMicroseconds / Math.Max(1, decisions.Count):0.0} µs)");
    }

    // The end-to-end bench's agents: each has three social slots, so rate × (seconds + 3) posts fit before offers wait.
    const int Agents = 1_000;
    const int SocialCapacity = 3;

    /// <summary>
    /// Starts a server on a new database of the PostgreSQL server <paramref name="server"/>, adds 1,000 available
    /// agents, posts care complaints at <paramref name="rate"/> per second for <paramref name="seconds"/> seconds, and
    /// measures from each post's arrival (received_at) to its conversation's first offer. The database is dropped after.
    /// </summary>
    public static async Task EndToEndAsync(Table table, string server, int rate, int seconds, CancellationToken ct)
    {
        var name = $"earshot_bench_{Guid.NewGuid():N}";
        await ExecuteAsync(server, $"CREATE DATABASE {name}", ct);
        var key = ApiKey.NewSecret();
        Environment.SetEnvironmentVariable("Earshot__Database__Provider", "Postgres");
        Environment.SetEnvironmentVariable("ConnectionStrings__Earshot", new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString);
        Environment.SetEnvironmentVariable(DatabaseInitializer.AdminKeyVariable, key);
        try
        {
            await using var app = EarshotWebApp.Build(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"], demo: false);
            await app.StartAsync(ct);
            var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
            while (!(await http.GetAsync("/health", ct)).IsSuccessStatusCode)
            {
                await Task.Delay(200, ct);
            }
            var contexts = app.Services.GetRequiredService<IDbContextFactory<EarshotDbContext>>();
            await AddAgentsAsync(contexts, Agents, ct);

            // Warm-up: three seconds of the same load, excluded from the figures, so the first measured posts do not
            // pay for JIT compilation, EF Core's query compilation and the classifier's first load (as on a server
            // that has been running). Their conversations hold offers and so load the agents, like real traffic.
            var warmUp = rate * 3;
            await PostAtRateAsync(http, "warmup", warmUp, rate, ct);
            await WaitForOffersAsync(contexts, warmUp, ct);

            var total = rate * seconds;
            if (warmUp + total > Agents * SocialCapacity)
            {
                // The bench's agents never answer, so once every social slot holds an offer the rest wait for offers to
                // expire: that measures the offer timeout, not routing.
                table.AddRow("note", $"{warmUp + total:N0} posts exceed the agents' {Agents * SocialCapacity:N0} social slots",
                    "posts beyond the slots wait for an offer to time out; keep rate × (seconds + 3) within the slots");
            }
            await PostAtRateAsync(http, "bench", total, rate, ct);

            await WaitForOffersAsync(contexts, warmUp + total, ct);
            await using var db = await contexts.CreateDbContextAsync(ct);
            var rows = (await db.Posts.AsNoTracking().Where(p => p.ConversationId != null && p.ExternalId.StartsWith("bench-"))
                    .Select(p => new
                    {
                        p.ReceivedAt,
                        Queued = db.Conversations.Where(c => c.Id == p.ConversationId).Select(c => c.OpenedAt).First(),
                        Offered = db.Offers.Where(o => o.ConversationId == p.ConversationId).Min(o => (DateTime?)o.OfferedAt),
                    })
                    .ToListAsync(ct))
                .Where(x => x.Offered is not null).ToList();
            var latencies = rows.Select(x => (x.Offered!.Value - x.ReceivedAt).TotalMilliseconds).ToArray();
            var queued = rows.Select(x => (x.Queued - x.ReceivedAt).TotalMilliseconds).ToArray();
            var routed = rows.Select(x => (x.Offered!.Value - x.Queued).TotalMilliseconds).ToArray();
            table.AddRow($"PostgreSQL: post arrival → offer at {rate} care posts/s",
                $"{latencies.Length:N0} of {total:N0} offered", latencies.Length == 0 ? "none offered" : Percentiles(latencies, "ms", withP90: true));
            if (rows.Count > 0)
            {
                table.AddRow("  of which arrival → queued (ingest, triage, thread)", "", Percentiles(queued, "ms", withP90: true));
                table.AddRow("  of which queued → offer (routing)", "", Percentiles(routed, "ms", withP90: true));
            }
            await app.StopAsync(ct);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)", CancellationToken.None);
        }
    }

    /// <summary>Posts <paramref name="count"/> care complaints through the API at <paramref name="rate"/> a second,
    /// a tenth of a second's worth at a time, without waiting for the answers (so the pace holds).</summary>
    static async Task PostAtRateAsync(HttpClient http, string prefix, int count, int rate, CancellationToken ct)
    {
        var perTick = Math.Max(1, rate / 10);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        for (var sent = 0; sent < count && await timer.WaitForNextTickAsync(ct);)
        {
            var batch = Math.Min(perTick, count - sent);
            var body = new StringBuilder("[");
            for (var i = 0; i < batch; i++)
            {
                body.Append(i == 0 ? "" : ",").Append("{\"id\":\"").Append(prefix).Append('-').Append(sent + i)
                    .Append("\",\"platform\":\"x\",\"text\":\"@acmeair my bag is lost and nobody answers, terrible service (case ")
                    .Append(prefix).Append(' ').Append(sent + i).Append(")\",\"author\":{\"handle\":\"").Append(prefix).Append(sent + i).Append("\"}}");
            }
            body.Append(']');
            _ = http.PostAsync("/api/v1/posts", new StringContent(body.ToString(), Encoding.UTF8, "application/json"), ct); // keep the pace
            sent += batch;
        }
    }

    /// <summary>Waits (at most a minute) until <paramref name="count"/> conversations have been offered.</summary>
    static async Task WaitForOffersAsync(IDbContextFactory<EarshotDbContext> contexts, int count, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var waited = Stopwatch.StartNew();
        while (await db.Offers.Select(o => o.ConversationId).Distinct().CountAsync(ct) < count && waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(250, ct);
        }
    }

    static async Task AddAgentsAsync(IDbContextFactory<EarshotDbContext> contexts, int count, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var workspace = await db.Workspaces.SingleAsync(w => w.Slug == "default", ct);
        var now = DateTime.UtcNow;
        for (var i = 0; i < count; i++)
        {
            var agent = WorkspaceProvisioner.NewAgent(workspace.Id, $"bench agent {i}", $"bench{i}@bench.test", AgentRoleName.Agent, null, now);
            agent.Presence = Presence.Available;
            agent.Capacity = new() { ["social"] = SocialCapacity, ["email"] = 1 };
            db.Agents.Add(agent);
        }
        await db.SaveChangesAsync(ct);
    }

    static async Task ExecuteAsync(string server, string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    public static string Percentiles(double[] values, string unit, bool withP90 = false)
    {
        Array.Sort(values);
        string At(double q) => $"{values[Math.Min(values.Length - 1, (int)(values.Length * q))]:0.0} {unit}";
        return withP90
            ? $"p50 {At(0.5)}, p90 {At(0.9)}, p99 {At(0.99)}, max {values[^1]:0.0} {unit}"
            : $"p50 {At(0.5)}, p99 {At(0.99)}";
    }
}
