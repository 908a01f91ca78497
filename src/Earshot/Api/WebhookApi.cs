using Earshot.Core.Channels;
using Earshot.Core.Channels.Webhook;
using Earshot.Core.Data;
using Earshot.Core.Ingestion;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Api;

/// <summary>
/// <c>POST /hooks/webhook/{sourceId}</c>: any system pushes posts (the post JSON, one or an array) signed with the
/// source's secret. No API key: the signature is the authentication, so nothing is read before it verifies.
/// </summary>
public static class WebhookApi
{
    public static IEndpointRouteBuilder MapWebhookApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/hooks/webhook/{sourceId:long}", ReceiveAsync)
            .AllowAnonymous()
            .WithTags("Webhooks")
            .WithSummary("Push posts into a generic webhook source, signed with X-Earshot-Signature: sha256=<hex HMAC-SHA256 of the body>")
            .Accepts<PostDocument>("application/json")
            .Produces<IngestResponse>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    static async Task<IResult> ReceiveAsync(long sourceId, HttpRequest request, EarshotDbContext db, PostIngestor ingestor, SourceCredentials credentials,
        TimeProvider time, CancellationToken ct)
    {
        if (request.ContentLength > PostsApi.MaxBodyBytes)
        {
            return Problems.TooLarge($"The body is larger than {PostsApi.MaxBodyBytes / 1024 / 1024} MB; send posts in smaller batches.");
        }
        var source = await db.Sources.IgnoreQueryFilters().AsNoTracking()
            .SingleOrDefaultAsync(s => s.Id == sourceId && s.Connector == WebhookConnector.ConnectorName, ct);
        if (source is null)
        {
            return Problems.NotFound($"There is no webhook source {sourceId}.");
        }
        // The signature covers the exact bytes sent, so read them raw before any parsing.
        var body = await ReadBodyAsync(request, ct);
        if (body is null)
        {
            return Problems.TooLarge($"The body is larger than {PostsApi.MaxBodyBytes / 1024 / 1024} MB; send posts in smaller batches.");
        }
        string? secret;
        try
        {
            secret = SourceSettings.String(credentials.Reveal(source), WebhookSignature.SecretSetting);
        }
        catch (InvalidOperationException)
        {
            // A secret this node cannot decrypt verifies nothing.
            secret = null;
        }
        if (secret is null || !WebhookSignature.Verify(secret, body, request.Headers[WebhookSignature.Header].FirstOrDefault()))
        {
            return Problems.Result(StatusCodes.Status401Unauthorized, "Unauthorized",
                $"The {WebhookSignature.Header} header is missing or is not sha256=<hex HMAC-SHA256 of the body> with this source's secret.");
        }
        if (source.Status == SourceStatus.Paused)
        {
            return Problems.Conflict($"Source '{source.Name}' is paused.");
        }
        var (json, parseProblem) = await PostBatch.ParseAsync(new MemoryStream(body, writable: false), ct);
        if (json is null)
        {
            return parseProblem!;
        }
        using (json)
        {
            var (posts, problem) = PostBatch.Read(json.RootElement, source.WorkspaceId, source.Id, source.Platform, time.GetUtcNow().UtcDateTime);
            if (problem is not null)
            {
                return problem;
            }
            var result = await ingestor.IngestAsync(db, posts, ct);
            return TypedResults.Accepted((string?)null, new IngestResponse(result.Accepted, result.Duplicates, result.PostIds));
        }
    }

    /// <summary>The raw body, as signed, for a signature check; null when it is larger than a post batch may be.</summary>
    internal static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > PostsApi.MaxBodyBytes)
        {
            return null;
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > PostsApi.MaxBodyBytes)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
