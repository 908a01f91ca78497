using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Earshot.Tests.Infrastructure;

/// <summary>
/// A real HTTP server on loopback (Kestrel, port chosen by the OS) that answers with <see cref="Handler"/> and
/// records every request, so connector tests see the exact wire traffic.
/// </summary>
public sealed class LocalHttpServer : IAsyncDisposable
{
    readonly WebApplication _app;

    LocalHttpServer(WebApplication app) => _app = app;

    /// <summary>Answers each request; the default is 404.</summary>
    public Func<HttpContext, Task> Handler { get; set; } = context =>
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    };

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The same server as a ws:// address, for WebSocket clients.</summary>
    public Uri WebSocketAddress => new UriBuilder(BaseAddress) { Scheme = "ws" }.Uri;

    public static async Task<LocalHttpServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new LocalHttpServer(app);
        // Streaming networks (Bluesky's Jetstream) are served over WebSockets by the same handler.
        app.UseWebSockets();
        app.Run(async context =>
        {
            if (context.WebSockets.IsWebSocketRequest)
            {
                server.Requests.Enqueue(new RecordedRequest(context.Request.Method, context.Request.Path + context.Request.QueryString,
                    context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), null, ""));
                await server.Handler(context);
                return;
            }
            // The handler gets the raw bytes back (uploads are binary); the record keeps them as text.
            using var raw = new MemoryStream();
            await context.Request.Body.CopyToAsync(raw);
            var bytes = raw.ToArray();
            var body = System.Text.Encoding.UTF8.GetString(bytes);
            server.Requests.Enqueue(new RecordedRequest(
                context.Request.Method,
                context.Request.Path + context.Request.QueryString,
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                context.Request.ContentType,
                body));
            context.Request.Body = new MemoryStream(bytes);
            await server.Handler(context);
        });
        await app.StartAsync();
        server.BaseAddress = new Uri(app.Urls.First().TrimEnd('/') + "/");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One request the server received, as sent.</summary>
public sealed record RecordedRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string? ContentType, string Body);
