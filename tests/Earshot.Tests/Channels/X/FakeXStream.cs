using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Earshot.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace Earshot.Tests.Channels.X;

/// <summary>
/// X's filtered stream on loopback: the app's rule set behind <c>GET</c>/<c>POST /2/tweets/search/stream/rules</c>
/// (add with ids assigned, delete by ids, <c>dry_run</c>, invalid and duplicate rules reported in <c>errors</c> with a
/// 2xx as X does), <c>GET /2/tweets/search/stream</c> as newline-delimited JSON scripted per connection, and recent
/// search answering <see cref="RecentSearch"/>.
/// </summary>
sealed class FakeXStream : IAsyncDisposable
{
    public const string Sent = "2026-11-23T12:00:00.000Z";
    readonly List<(string Id, string Value, string? Tag)> _rules = [];
    LocalHttpServer _server = null!;
    int _nextRuleId = 1000;

    public Uri BaseAddress => _server.BaseAddress;
    public IEnumerable<RecordedRequest> Requests => _server.Requests;
    public Queue<Func<Writer, Task>> Connections { get; } = new();
    public Queue<string> RecentSearch { get; } = new();

    /// <summary>Headers of every stream connect answer (e.g. <c>x-rate-limit-remaining</c>).</summary>
    public Dictionary<string, string> StreamHeaders { get; } = new() { ["x-rate-limit-limit"] = "50", ["x-rate-limit-remaining"] = "49" };

    /// <summary>Instead of a stream: this status and body (429 Too Many Requests, 401...).</summary>
    public (int Status, string Body)? StreamRefusal { get; set; }

    public IReadOnlyList<(string Id, string Value, string? Tag)> Rules
    {
        get { lock (_rules) { return _rules.ToList(); } }
    }

    public static async Task<FakeXStream> StartAsync()
    {
        var fake = new FakeXStream { _server = await LocalHttpServer.StartAsync() };
        fake._server.Handler = fake.HandleAsync;
        return fake;
    }

    public void HasRule(string id, string value, string? tag)
    {
        lock (_rules)
        {
            _rules.Add((id, value, tag));
        }
    }

    async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value;
        context.Response.ContentType = "application/json";
        switch (path)
        {
            case "/2/tweets/search/stream/rules" when context.Request.Method == "GET":
                await context.Response.WriteAsync(RulesAnswer(Rules, new JsonObject { ["sent"] = Sent, ["result_count"] = Rules.Count }));
                return;
            case "/2/tweets/search/stream/rules":
                await ChangeRulesAsync(context);
                return;
            case "/2/tweets/search/stream":
                await StreamAsync(context);
                return;
            case "/2/tweets/search/recent":
                await context.Response.WriteAsync(RecentSearch.TryDequeue(out var page) ? page : XFixtures.Empty);
                return;
            default:
                context.Response.StatusCode = 404;
                await context.Response.WriteAsync("""{"title":"Not Found Error","detail":"Sorry, that page does not exist.","type":"https://api.x.com/2/problems/resource-not-found"}""");
                return;
        }
    }

    static string RulesAnswer(IEnumerable<(string Id, string Value, string? Tag)> rules, JsonObject meta, JsonArray? errors = null)
    {
        var answer = new JsonObject();
        var data = new JsonArray(rules.Select(r => (JsonNode)new JsonObject { ["id"] = r.Id, ["value"] = r.Value, ["tag"] = r.Tag }).ToArray());
        if (data.Count > 0)
        {
            answer["data"] = data;
        }
        answer["meta"] = meta;
        if (errors is { Count: > 0 })
        {
            answer["errors"] = errors;
        }
        return answer.ToJsonString();
    }

    async Task ChangeRulesAsync(HttpContext context)
    {
        using var body = JsonDocument.Parse(await new StreamReader(context.Request.Body).ReadToEndAsync());
        var dryRun = context.Request.Query["dry_run"] == "true";
        if (body.RootElement.TryGetProperty("delete", out var delete))
        {
            var ids = delete.GetProperty("ids").EnumerateArray().Select(i => i.GetString()).ToHashSet();
            int deleted;
            lock (_rules)
            {
                deleted = dryRun ? _rules.Count(r => ids.Contains(r.Id)) : _rules.RemoveAll(r => ids.Contains(r.Id));
            }
            await context.Response.WriteAsync(RulesAnswer([], new JsonObject
            {
                ["sent"] = Sent, ["summary"] = new JsonObject { ["deleted"] = deleted, ["not_deleted"] = ids.Count - deleted },
            }));
            return;
        }
        var created = new List<(string Id, string Value, string? Tag)>();
        var errors = new JsonArray();
        foreach (var add in body.RootElement.GetProperty("add").EnumerateArray())
        {
            var value = add.GetProperty("value").GetString()!;
            var tag = add.TryGetProperty("tag", out var t) ? t.GetString() : null;
            if (Rules.FirstOrDefault(r => r.Value == value) is { Id: not null } duplicate)
            {
                errors.Add(new JsonObject { ["value"] = value, ["id"] = duplicate.Id, ["title"] = "DuplicateRule", ["type"] = "https://api.x.com/2/problems/duplicate-rules" });
            }
            else if (value.Contains("has:nonsense", StringComparison.Ordinal))
            {
                errors.Add(new JsonObject
                {
                    ["value"] = value, ["title"] = "UnprocessableEntity", ["type"] = "https://api.x.com/2/problems/invalid-rules",
                    ["details"] = new JsonArray("Reference to invalid operator 'has:nonsense'. Operator is not available in current product or product packaging."),
                });
            }
            else
            {
                // A dry run checks the rule and creates nothing, so it assigns no id.
                created.Add((dryRun ? "" : $"{Interlocked.Increment(ref _nextRuleId)}", value, tag));
            }
        }
        if (!dryRun && errors.Count == 0)
        {
            lock (_rules)
            {
                _rules.AddRange(created);
            }
        }
        context.Response.StatusCode = 201;
        await context.Response.WriteAsync(RulesAnswer(dryRun ? created.Select(c => (c.Id, c.Value, c.Tag)) : created, new JsonObject
        {
            ["sent"] = Sent,
            ["summary"] = new JsonObject { ["created"] = errors.Count == 0 && !dryRun ? created.Count : 0, ["not_created"] = errors.Count, ["valid"] = created.Count, ["invalid"] = errors.Count },
        }, errors));
    }

    async Task StreamAsync(HttpContext context)
    {
        foreach (var (name, value) in StreamHeaders)
        {
            context.Response.Headers[name] = value;
        }
        if (StreamRefusal is { } refusal)
        {
            context.Response.StatusCode = refusal.Status;
            await context.Response.WriteAsync(refusal.Body);
            return;
        }
        await context.Response.StartAsync();
        if (Connections.TryDequeue(out var script))
        {
            await script(new Writer(context));
        }
    }

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    /// <summary>Writes lines to one stream connection, each flushed at once.</summary>
    public sealed class Writer(HttpContext context)
    {
        /// <summary>A tweet line: the tweet, its author in includes.users and the rules it matched.</summary>
        public Task TweetAsync(string id, string text, params (string Id, string? Tag)[] matched) => WriteAsync(TweetLine(id, text, matched) + "\r\n");

        public static string TweetLine(string id, string text, params (string Id, string? Tag)[] matched) => new JsonObject
        {
            ["data"] = new JsonObject
            {
                ["id"] = id, ["text"] = text, ["author_id"] = "2244994945", ["created_at"] = "2026-11-23T11:59:30.000Z", ["lang"] = "en",
                ["edit_history_tweet_ids"] = new JsonArray(id),
            },
            ["includes"] = new JsonObject
            {
                ["users"] = new JsonArray(new JsonObject
                {
                    ["id"] = "2244994945", ["name"] = "Jo Traveller", ["username"] = "jo_travels", ["verified"] = true,
                    ["public_metrics"] = new JsonObject { ["followers_count"] = 5400 },
                }),
            },
            ["matching_rules"] = new JsonArray(matched.Select(m => (JsonNode)new JsonObject { ["id"] = m.Id, ["tag"] = m.Tag }).ToArray()),
        }.ToJsonString();

        /// <summary>X sends an empty line every 20 seconds to keep the connection open.</summary>
        public Task KeepAliveAsync() => WriteAsync("\r\n");

        public Task OperationalDisconnectAsync() => WriteAsync("""
            {"errors":[{"title":"operational-disconnect","disconnect_type":"UpstreamOperationalDisconnect","detail":"This stream has been disconnected upstream for operational reasons.","type":"https://api.x.com/2/problems/operational-disconnect"}]}
            """ + "\r\n");

        public async Task DropAsync()
        {
            await Task.Delay(300);
            context.Abort();
        }

        async Task WriteAsync(string text)
        {
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(text));
            await context.Response.Body.FlushAsync();
        }
    }
}
