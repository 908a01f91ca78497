using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Earshot.Core.Conversations;
using Earshot.Core.Routing;
using Earshot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Xunit.Abstractions;

namespace Earshot.Tests.Cli;

/// <summary>
/// Routing under real concurrency: three `earshot serve` processes on one PostgreSQL, 200 agents who accept, reject,
/// ignore and resolve through the API, and care conversations posted in bursts (2,000 in the suite so it stays fast on
/// two cores; EARSHOT_SCALE_CONVERSATIONS=20000 runs the full size). Afterwards the offers, the
/// reporting events and the audit trail must show that no conversation was ever offered to two agents at once, no
/// agent ever held more than their capacity, and every conversation was offered.
/// Run alone with: ./test.sh --filter "Category=RoutingAtScale".
/// </summary>
[Trait("Category", "RoutingAtScale")]
public sealed class RoutingAtScaleTests(PostgresTestDatabase database, ITestOutputHelper output) : IClassFixture<PostgresTestDatabase>
{
    const int Nodes = 3;
    const int Agents = 200;
    const int Burst = 500;

    static int Conversations => int.TryParse(Environment.GetEnvironmentVariable("EARSHOT_SCALE_CONVERSATIONS"), out var n) && n > 0 ? n : 2_000;

    [Fact]
    public async Task ThreeNodes_200Agents_ConversationsInBursts_NeverDoubleOfferNorOverCapacity_AndOfferEveryOne()
    {
        var total = Conversations;
        var clock = Stopwatch.StartNew();
        var dir = Directory.CreateTempSubdirectory("earshot-scale-");
        // Three nodes share the test server's connections with the test itself: a smaller pool each.
        var nodeConnection = new NpgsqlConnectionStringBuilder(database.ConnectionString) { MaxPoolSize = 25 }.ConnectionString;
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 32 }) { Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", EarshotAppFactory.AdminKey);
        var ports = Enumerable.Range(0, Nodes).Select(_ => EarshotProcess.FreePort()).ToArray();
        var urls = ports.Select(p => $"http://127.0.0.1:{p}").ToArray();
        var nodes = new List<EarshotProcess>();
        try
        {
            // The first node creates the schema and the default workspace; the others join it.
            nodes.Add(EarshotProcess.StartWith(database, nodeConnection, dir.FullName, "serve", "--urls", urls[0]));
            await Eventually.HoldsAsync(() => EarshotProcess.IsUpAsync(http, ports[0]), TimeSpan.FromSeconds(90), "the first node");
            for (var i = 1; i < Nodes; i++)
            {
                nodes.Add(EarshotProcess.StartWith(database, nodeConnection, dir.FullName, "serve", "--urls", urls[i]));
            }
            for (var i = 1; i < Nodes; i++)
            {
                await Eventually.HoldsAsync(() => EarshotProcess.IsUpAsync(http, ports[i]), TimeSpan.FromSeconds(90), $"node {i + 1}");
            }

            var (manualQueue, autoQueue) = await SetUpQueuesAsync(http, urls);
            await CreateAgentsAsync(http, urls, manualQueue, autoQueue);
            output.WriteLine($"{clock.Elapsed:mm\\:ss} nodes up, queues and {Agents} agents ready");

            using var stop = new CancellationTokenSource();
            var driver = new AgentDriver(database, http, urls, output);
            var driving = driver.RunAsync(stop.Token);
            await PostInBurstsAsync(http, urls, total);
            output.WriteLine($"{clock.Elapsed:mm\\:ss} {total:N0} posts accepted by the API");

            await using (var db = database.CreateContext())
            {
                var deadline = TimeSpan.FromMinutes(Math.Max(20, total / 500.0)); // 40 minutes for the full 20,000 on two cores
                var waited = Stopwatch.StartNew();
                while (true)
                {
                    var resolved = await db.Conversations.CountAsync(c => c.Status == ConversationStatus.Resolved);
                    if (resolved >= total)
                    {
                        break;
                    }
                    Assert.True(driver.Failure is null, driver.Failure);
                    if (waited.Elapsed > deadline || driving.IsFaulted)
                    {
                        var byStatus = await db.Conversations.GroupBy(c => c.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
                        Assert.Fail($"Only {resolved:N0} of {total:N0} conversations were resolved after {deadline}: "
                                    + string.Join(", ", byStatus.Select(s => $"{s.Key} {s.Count}"))
                                    + (driving.Exception is { } ex ? $"; driver failed: {ex}" : "")
                                    + $"\n--- node 1 output (tail) ---\n{Tail(nodes[0].Output)}");
                    }
                    await Task.Delay(500);
                }
            }
            await stop.CancelAsync();
            await driving;
            Assert.True(driver.Failure is null, driver.Failure);
            output.WriteLine($"{clock.Elapsed:mm\\:ss} all resolved; driver: {driver.Summary}");

            await VerifyTrailAsync(total);
            output.WriteLine($"{clock.Elapsed:mm\\:ss} trail verified");
        }
        finally
        {
            foreach (var node in nodes)
            {
                node.Dispose();
            }
            dir.Delete(recursive: true);
        }
    }

    /// <summary>
    /// The default care queue takes work by offer (20 s to answer, generous for a loaded machine); a second queue auto-accepts, and a workflow rule
    /// sends Mastodon posts there, so both kinds of assignment and the workflow run at once.
    /// </summary>
    static async Task<(long Manual, long Auto)> SetUpQueuesAsync(HttpClient http, string[] urls)
    {
        var queues = await http.GetFromJsonAsync<JsonElement>($"{urls[0]}/api/v1/queues");
        var manual = queues.EnumerateArray().First(q => q.GetProperty("is_default").GetBoolean() && q.GetProperty("bucket").GetString() == "care").GetProperty("id").GetInt64();
        var put = await http.PutAsJsonAsync($"{urls[1]}/api/v1/queues/{manual}", new { offer_timeout_seconds = 20, sticky_window_seconds = 0 });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var auto = await http.PostAsJsonAsync($"{urls[2]}/api/v1/queues", new { name = "Care auto", bucket = "care", auto_accept = true, sticky_window_seconds = 0 });
        Assert.Equal(HttpStatusCode.Created, auto.StatusCode);
        var autoId = (await auto.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var rule = await http.PostAsJsonAsync($"{urls[0]}/api/v1/workflows",
            new { name = "Mastodon goes to the auto queue", conditions = new { platforms = new[] { "mastodon" } }, queue_id = autoId });
        Assert.Equal(HttpStatusCode.Created, rule.StatusCode);
        return (manual, autoId);
    }

    /// <summary>Half the agents work each queue; capacities 1, 2 and 3 so the limits differ between agents.</summary>
    static async Task CreateAgentsAsync(HttpClient http, string[] urls, long manualQueue, long autoQueue)
    {
        await Parallel.ForEachAsync(Enumerable.Range(0, Agents), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            var created = await http.PostAsJsonAsync($"{urls[i % Nodes]}/api/v1/agents", new
            {
                name = $"agent {i}",
                email = $"agent{i}@scale.test",
                capacity = new Dictionary<string, int> { ["social"] = 1 + i % 3 },
                queues = new[] { i < Agents / 2 ? manualQueue : autoQueue },
            }, ct);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var id = (await created.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetInt64();
            var presence = await http.PutAsJsonAsync($"{urls[(i + 1) % Nodes]}/api/v1/agents/{id}/presence", new { status = "available" }, ct);
            Assert.Equal(HttpStatusCode.OK, presence.StatusCode);
        });
    }

    static readonly string[] Texts =
    [
        "@acmeair my bag is lost and nobody answers, terrible service",
        "@acmeair flight cancelled again and no refund, worst airline ever",
        "@acmeair I have been waiting on hold for two hours, this is unacceptable",
        "@acmeair you charged me twice for the same ticket, please fix this now",
    ];

    /// <summary>Care posts in bursts of 500 to the three nodes in turn, each from its own customer.</summary>
    static async Task PostInBurstsAsync(HttpClient http, string[] urls, int total)
    {
        for (var start = 0; start < total; start += Burst)
        {
            var body = new StringBuilder("[");
            for (var i = start; i < Math.Min(total, start + Burst); i++)
            {
                if (i > start)
                {
                    body.Append(',');
                }
                var platform = i % 2 == 0 ? "x" : "mastodon";
                body.Append("{\"id\":\"s-").Append(i).Append("\",\"platform\":\"").Append(platform)
                    .Append("\",\"text\":\"").Append(Texts[i % Texts.Length]).Append(" (case ").Append(i)
                    .Append(")\",\"author\":{\"handle\":\"customer").Append(i).Append("\"}}");
            }
            body.Append(']');
            var response = await http.PostAsync($"{urls[start / Burst % Nodes]}/api/v1/posts", new StringContent(body.ToString(), Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            await Task.Delay(150); // bursts, not one stream
        }
    }

    async Task VerifyTrailAsync(int total)
    {
        await using var db = database.CreateContext();
        var conversations = await db.Conversations.AsNoTracking()
            .Select(c => new { c.Id, c.Status, c.AssigneeId, c.ResolvedAt, c.QueueId }).ToListAsync();
        var offers = await db.Offers.AsNoTracking()
            .Select(o => new { o.Id, o.ConversationId, o.AgentId, o.Status, o.OfferedAt, o.RespondedAt }).ToListAsync();
        var capacity = (await db.Agents.AsNoTracking().Select(a => new { a.Id, a.Capacity }).ToListAsync())
            .ToDictionary(a => a.Id, a => a.Capacity.GetValueOrDefault("social"));
        var assignedEvents = await db.ReportingEvents.AsNoTracking()
            .Where(e => e.Kind == Core.Reporting.ReportingEventKind.ConversationAssigned)
            .Select(e => new { e.ConversationId, e.AgentId }).ToListAsync();
        var offerAudits = await db.AuditEntries.AsNoTracking().CountAsync(a => a.Action == "offer");
        output.WriteLine($"{conversations.Count:N0} conversations, {offers.Count:N0} offers "
                         + string.Join(", ", offers.GroupBy(o => o.Status).Select(g => $"{g.Key} {g.Count():N0}")));

        // Every post became a conversation, every conversation was offered, accepted once and resolved.
        Assert.Equal(total, conversations.Count);
        Assert.All(conversations, c => Assert.Equal(ConversationStatus.Resolved, c.Status));
        var offersByConversation = offers.GroupBy(o => o.ConversationId).ToDictionary(g => g.Key, g => g.OrderBy(o => o.OfferedAt).ThenBy(o => o.Id).ToList());
        Assert.All(conversations, c => Assert.True(offersByConversation.ContainsKey(c.Id), $"conversation {c.Id} was never offered"));
        Assert.All(conversations, c =>
        {
            var accepted = Assert.Single(offersByConversation[c.Id], o => o.Status == OfferStatus.Accepted);
            Assert.Equal(c.AssigneeId, accepted.AgentId);
        });
        Assert.Equal(total, assignedEvents.Count);
        Assert.Equal(total, assignedEvents.Select(e => e.ConversationId).Distinct().Count());
        Assert.Equal(offers.Count, offerAudits); // each offer audited once, with its reason

        // Never two offers of one conversation open at once: each ends before the next one starts.
        foreach (var (conversationId, list) in offersByConversation)
        {
            for (var i = 1; i < list.Count; i++)
            {
                var previous = list[i - 1];
                Assert.True(previous.RespondedAt is { } ended && ended <= list[i].OfferedAt,
                    $"conversation {conversationId}: offer {previous.Id} ({previous.Status}, {previous.OfferedAt:O}–{previous.RespondedAt:O}) overlaps offer {list[i].Id} ({list[i].OfferedAt:O})");
            }
        }

        // Replay every agent's load in time order: an offer takes a slot when made; a rejected, expired or withdrawn
        // offer gives it back when answered; an accepted one holds it until the conversation is resolved.
        var resolvedAt = conversations.ToDictionary(c => c.Id, c => c.ResolvedAt!.Value);
        var peak = 0;
        foreach (var agent in offers.GroupBy(o => o.AgentId))
        {
            var changes = new List<(DateTime At, int Delta)>();
            foreach (var o in agent)
            {
                changes.Add((o.OfferedAt, +1));
                changes.Add((o.Status == OfferStatus.Accepted ? resolvedAt[o.ConversationId] : o.RespondedAt!.Value, -1));
            }
            var load = 0;
            // Releases before takes at the same instant: the database keeps microseconds, two events can share one.
            foreach (var change in changes.OrderBy(c => c.At).ThenBy(c => c.Delta))
            {
                load += change.Delta;
                Assert.True(load <= capacity[agent.Key], $"agent {agent.Key} held {load} conversations at {change.At:O}, capacity {capacity[agent.Key]}");
                peak = Math.Max(peak, load);
            }
        }
        // The offer paths other than accept ran too, and agents were actually used up to their capacity.
        Assert.Contains(offers, o => o.Status == OfferStatus.Rejected);
        Assert.Contains(offers, o => o.Status == OfferStatus.Expired);
        Assert.Equal(3, peak);
    }

    static string Tail(string text) => text.Length <= 4000 ? text : text[^4000..];

    /// <summary>
    /// 200 simulated people at their desktops: every pending offer is accepted through the API, except one in twenty
    /// rejected and one in twenty left to expire; every assigned conversation is resolved shortly after.
    /// </summary>
    sealed class AgentDriver(PostgresTestDatabase database, HttpClient http, string[] urls, ITestOutputHelper output)
    {
        readonly ConcurrentDictionary<long, byte> _seenOffers = new();
        readonly ConcurrentDictionary<long, byte> _resolving = new();
        readonly Channel<Func<CancellationToken, Task>> _work = Channel.CreateBounded<Func<CancellationToken, Task>>(2_000);
        int _accepted, _rejected, _ignored, _resolved, _conflicts;

        /// <summary>The first unexpected answer of the API, if any.</summary>
        public string? Failure { get; private set; }

        public string Summary => $"{_accepted:N0} accepts, {_rejected:N0} rejects, {_ignored:N0} left to expire, {_resolved:N0} resolves, {_conflicts:N0} 409s";

        public async Task RunAsync(CancellationToken ct)
        {
            var workers = Enumerable.Range(0, 12).Select(_ => WorkAsync(ct)).ToList();
            try
            {
                await DispatchAsync(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
            }
            _work.Writer.TryComplete();
            await Task.WhenAll(workers);
        }

        async Task DispatchAsync(CancellationToken ct)
        {
            await using var db = database.CreateContext();
            while (!ct.IsCancellationRequested)
            {
                db.ChangeTracker.Clear();
                var pending = await db.Offers.AsNoTracking().Where(o => o.Status == OfferStatus.Pending)
                    .OrderBy(o => o.Id).Take(1000).Select(o => o.Id).ToListAsync(ct);
                foreach (var id in pending.Where(id => _seenOffers.TryAdd(id, 0)))
                {
                    switch (id % 20)
                    {
                        case 0:
                            await _work.Writer.WriteAsync(c => AnswerAsync($"/api/v1/offers/{id}/reject", id, () => Interlocked.Increment(ref _rejected), c), ct);
                            break;
                        case 1:
                            Interlocked.Increment(ref _ignored); // the agent looks away: the offer times out
                            break;
                        default:
                            await _work.Writer.WriteAsync(c => AnswerAsync($"/api/v1/offers/{id}/accept", id, () => Interlocked.Increment(ref _accepted), c), ct);
                            break;
                    }
                }
                var handledBefore = DateTime.UtcNow.AddMilliseconds(-200);
                var assigned = await db.Conversations.AsNoTracking()
                    .Where(c => c.Status == ConversationStatus.Assigned && c.AssignedAt < handledBefore)
                    .OrderBy(c => c.AssignedAt).Take(1000).Select(c => c.Id).ToListAsync(ct);
                foreach (var id in assigned.Where(id => _resolving.TryAdd(id, 0)))
                {
                    await _work.Writer.WriteAsync(c => ResolveAsync(id, c), ct);
                }
                await Task.Delay(100, ct);
            }
        }

        async Task WorkAsync(CancellationToken ct)
        {
            await foreach (var job in _work.Reader.ReadAllAsync(CancellationToken.None))
            {
                if (ct.IsCancellationRequested)
                {
                    continue;
                }
                try
                {
                    await job(ct);
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    output.WriteLine($"driver: {ex.GetType().Name}: {ex.Message}");
                }
                catch (Exception ex)
                {
                    Failure ??= ex.ToString(); // an answer the API must never give (a 500, a 400)
                }
            }
        }

        async Task AnswerAsync(string path, long offerId, Action counted, CancellationToken ct)
        {
            using var response = await http.PostAsync(urls[offerId % urls.Length] + path, null, ct);
            if (response.StatusCode == HttpStatusCode.Conflict)
            {
                Interlocked.Increment(ref _conflicts); // expired or withdrawn meanwhile: the router offers it again
                return;
            }
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            counted();
        }

        async Task ResolveAsync(long conversationId, CancellationToken ct)
        {
            using var response = await http.PostAsJsonAsync(urls[conversationId % urls.Length] + $"/api/v1/conversations/{conversationId}/resolve",
                new { disposition = "answered" }, ct);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                Interlocked.Increment(ref _resolved);
                return;
            }
            Interlocked.Increment(ref _conflicts);
            _resolving.TryRemove(conversationId, out _); // try again on the next pass
        }
    }
}
