using System.Text;
using System.Text.Json;
using Earshot.Core.Channels.Mastodon;
using Earshot.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace Earshot.Tests.Channels.Mastodon;

/// <summary>
/// A Mastodon instance on loopback for the streaming API: mention notifications are published over time and served
/// by the REST API (<c>GET /api/v1/notifications</c> with since_id / max_id / limit, newest first) and by the
/// notification stream (<c>GET /api/v1/streaming/user/notification</c>, <c>text/event-stream</c>). A stream
/// connection first replays what was published after its <c>Last-Event-ID</c> (when <see cref="Replays"/>), then
/// runs the next script of <see cref="Connections"/>; the hashtag stream runs <see cref="TagConnections"/>.
/// </summary>
sealed class FakeMastodon : IAsyncDisposable
{
    readonly List<(string Id, string Json)> _published = [];
    LocalHttpServer _server = null!;
    int _catchUps;
    int _connections;

    public Uri BaseAddress => _server.BaseAddress;
    public IEnumerable<RecordedRequest> Requests => _server.Requests;

    /// <summary>Whether a reconnect with Last-Event-ID gets the events it missed (stock Mastodon does not).</summary>
    public bool Replays { get; set; } = true;

    /// <summary>One script per notification-stream connection; without one the stream ends at once.</summary>
    public Queue<Func<SseWriter, Task>> Connections { get; } = new();

    public Queue<Func<SseWriter, Task>> TagConnections { get; } = new();

    /// <summary>The answer to every request to a stream path instead of a stream (401, 429...).</summary>
    public (int Status, string Body, string? Reset)? StreamRefusal { get; set; }

    /// <summary>The answer of the hashtag timeline (<c>GET /api/v1/timelines/tag/…</c>).</summary>
    public string TagTimeline { get; set; } = "[]";

    public static async Task<FakeMastodon> StartAsync()
    {
        var fake = new FakeMastodon { _server = await LocalHttpServer.StartAsync() };
        fake._server.Handler = fake.HandleAsync;
        return fake;
    }

    /// <summary>A mention notification with id <paramref name="id"/> carrying status <c>9{id}</c>.</summary>
    public static string Mention(string id, string text) => $$"""
        {"id":"{{id}}","type":"mention","created_at":"2026-11-23T12:00:00.000Z",
         "account":{"id":"5","acct":"jo@social.example.test","display_name":"Jo","followers_count":10},
         "status":{"id":"9{{id}}","created_at":"2026-11-23T12:00:00.000Z","in_reply_to_id":null,"visibility":"public","language":"en",
           "content":"<p>@acmeair {{text}}</p>","replies_count":0,"reblogs_count":0,"favourites_count":0,
           "account":{"id":"5","acct":"jo@social.example.test","display_name":"Jo","followers_count":10} } }
        """.ReplaceLineEndings("");

    /// <summary>Publishes a mention: from now on the REST API lists it.</summary>
    public string Publish(string id, string text)
    {
        var json = Mention(id, text);
        lock (_published)
        {
            _published.Add((id, json));
        }
        return json;
    }

    async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        if (path.StartsWith("/api/v1/streaming/", StringComparison.Ordinal))
        {
            if (StreamRefusal is { } refusal)
            {
                context.Response.StatusCode = refusal.Status;
                context.Response.ContentType = "application/json";
                if (refusal.Reset is { } reset)
                {
                    context.Response.Headers["X-RateLimit-Reset"] = reset;
                }
                await context.Response.WriteAsync(refusal.Body);
                return;
            }
            context.Response.ContentType = "text/event-stream";
            await context.Response.StartAsync();
            var writer = new SseWriter(context, this, path == "/api/v1/streaming/user/notification" ? Interlocked.Increment(ref _connections) : 0);
            // The streaming server greets with a comment first, as Mastodon's does.
            await writer.CommentAsync(")");
            if (path == "/api/v1/streaming/user/notification")
            {
                var lastEventId = context.Request.Headers["Last-Event-ID"].ToString();
                if (Replays && lastEventId.Length > 0)
                {
                    foreach (var (id, json) in PublishedAfter(lastEventId))
                    {
                        await writer.EventAsync("notification", json, id);
                    }
                }
                if (Connections.TryDequeue(out var script))
                {
                    await script(writer);
                }
            }
            else if (path == "/api/v1/streaming/hashtag" && TagConnections.TryDequeue(out var tagScript))
            {
                await tagScript(writer);
            }
            return;
        }
        if (path == "/api/v1/notifications")
        {
            var since = context.Request.Query["since_id"].ToString();
            var max = context.Request.Query["max_id"].ToString();
            var limit = int.Parse(context.Request.Query["limit"].ToString() is { Length: > 0 } l ? l : "40");
            var page = PublishedAfter(since)
                .Where(n => max.Length == 0 || MastodonIds.Compare(n.Id, max) < 0)
                .OrderByDescending(n => n.Id, Comparer<string>.Create(MastodonIds.Compare))
                .Take(limit)
                .Select(n => n.Json);
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("[" + string.Join(",", page) + "]");
            await context.Response.Body.FlushAsync();
            Interlocked.Increment(ref _catchUps);
            return;
        }
        if (path.StartsWith("/api/v1/timelines/tag/", StringComparison.Ordinal))
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(TagTimeline);
            return;
        }
        context.Response.StatusCode = 404;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync("""{"error":"Record not found"}""");
    }

    List<(string Id, string Json)> PublishedAfter(string id)
    {
        lock (_published)
        {
            return _published.Where(n => id.Length == 0 || MastodonIds.Compare(n.Id, id) > 0).ToList();
        }
    }

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    /// <summary>Writes server-sent events to one stream connection, flushing each so the client sees it at once.</summary>
    public sealed class SseWriter(HttpContext context, FakeMastodon server, int connection)
    {
        /// <summary>
        /// Waits until the client's REST catch-up of this poll was answered, so what is sent next reaches the client
        /// only through the stream.
        /// </summary>
        public async Task AfterCatchUpAsync()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            while (Volatile.Read(ref server._catchUps) < connection)
            {
                await Task.Delay(10, timeout.Token);
            }
        }

        public async Task EventAsync(string type, string data, string? id = null)
        {
            var frame = new StringBuilder($"event: {type}\n");
            if (id is not null)
            {
                frame.Append($"id: {id}\n");
            }
            frame.Append($"data: {data}\n\n");
            await WriteAsync(frame.ToString());
        }

        /// <summary>Publishes a mention and sends it live on this stream.</summary>
        public Task LiveMentionAsync(string id, string text) => EventAsync("notification", server.Publish(id, text), id);

        public Task CommentAsync(string text) => WriteAsync($":{text}\n\n");

        /// <summary>The first half of an event frame, as a connection cut mid-write leaves it.</summary>
        public Task PartialAsync(string type, string data, string id) => WriteAsync($"event: {type}\nid: {id}\ndata: {data[..(data.Length / 2)]}");

        /// <summary>Cuts the connection, as a network drop would, after giving what was written time to leave.</summary>
        public async Task DropAsync()
        {
            await Task.Delay(300);
            context.Abort();
        }

        async Task WriteAsync(string text)
        {
            await context.Response.WriteAsync(text);
            await context.Response.Body.FlushAsync();
        }
    }
}
