using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Earshot.Core.Channels;
using Earshot.Core.Channels.Facebook;
using Earshot.Core.Channels.Instagram;
using Earshot.Core.Channels.Meta;
using Earshot.Core.Channels.Webhook;
using Earshot.Core.Data;
using Earshot.Core.Ingestion;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Api;

/// <summary>
/// Graph API webhooks for Facebook pages (<c>/hooks/facebook</c>) and Instagram accounts (<c>/hooks/instagram</c>):
/// the <c>hub.challenge</c> handshake and signed deliveries (<c>X-Hub-Signature-256</c>). One callback URL serves
/// every page of the app; <c>entry[].id</c> picks the source.
/// </summary>
public static class MetaWebhookApi
{
    public const string SignatureHeader = "X-Hub-Signature-256";

    public static IEndpointRouteBuilder MapMetaWebhookApi(this IEndpointRouteBuilder app)
    {
        foreach (var (connector, accountSetting) in new[] { (FacebookConnector.ConnectorName, FacebookConnector.PageIdSetting), (InstagramConnector.ConnectorName, InstagramConnector.AccountIdSetting) })
        {
            app.MapGet($"/hooks/{connector}", (HttpRequest request, EarshotDbContext db, SourceCredentials credentials, CancellationToken ct) =>
                    VerifyAsync(connector, request, db, credentials, ct))
                .AllowAnonymous()
                .WithTags("Webhooks")
                .WithSummary($"Graph webhook verification for {connector}: echoes hub.challenge when hub.verify_token is a source's verify_token")
                .Produces<string>(StatusCodes.Status200OK, "text/plain")
                .ProducesProblem(StatusCodes.Status403Forbidden);
            app.MapPost($"/hooks/{connector}", (HttpRequest request, EarshotDbContext db, SourceCredentials credentials, PostIngestor ingestor, TimeProvider time, CancellationToken ct) =>
                    ReceiveAsync(connector, accountSetting, request, db, credentials, ingestor, time, ct))
                .AllowAnonymous()
                .WithTags("Webhooks")
                .WithSummary($"Graph webhook deliveries for {connector}, signed with {SignatureHeader}: sha256=<hex HMAC-SHA256 of the body with the app secret>")
                .ProducesProblem(StatusCodes.Status400BadRequest)
                .ProducesProblem(StatusCodes.Status401Unauthorized);
        }
        return app;
    }

    static async Task<IResult> VerifyAsync(string connector, HttpRequest request, EarshotDbContext db, SourceCredentials credentials, CancellationToken ct)
    {
        var mode = request.Query["hub.mode"].ToString();
        var token = request.Query["hub.verify_token"].ToString();
        var challenge = request.Query["hub.challenge"].ToString();
        if (mode != "subscribe" || challenge.Length == 0)
        {
            return Problems.BadRequest("Expected hub.mode=subscribe with hub.verify_token and hub.challenge.", "hub.mode");
        }
        foreach (var source in await SourcesAsync(connector, db, credentials, ct))
        {
            if (SourceSettings.String(source, FacebookConnector.VerifyTokenSetting) is { Length: > 0 } expected
                && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(token)))
            {
                return TypedResults.Text(challenge, "text/plain");
            }
        }
        return Problems.Result(StatusCodes.Status403Forbidden, "Forbidden", $"hub.verify_token matches no {connector} source's verify_token.");
    }

    static async Task<IResult> ReceiveAsync(string connector, string accountSetting, HttpRequest request, EarshotDbContext db,
        SourceCredentials credentials, PostIngestor ingestor, TimeProvider time, CancellationToken ct)
    {
        var body = await WebhookApi.ReadBodyAsync(request, ct);
        if (body is null)
        {
            return Problems.TooLarge($"The body is larger than {PostsApi.MaxBodyBytes / 1024 / 1024} MB.");
        }
        // Only sources whose app secret signed these exact bytes may receive them; the body is parsed after that.
        var signature = request.Headers[SignatureHeader].FirstOrDefault();
        var signedFor = (await SourcesAsync(connector, db, credentials, ct))
            .Where(s => SourceSettings.String(s, FacebookConnector.AppSecretSetting) is { Length: > 0 } secret && WebhookSignature.Verify(secret, body, signature))
            .ToList();
        if (signedFor.Count == 0)
        {
            return Problems.Result(StatusCodes.Status401Unauthorized, "Unauthorized",
                $"The {SignatureHeader} header is missing or is not sha256=<hex HMAC-SHA256 of the body> with the app secret of a {connector} source.");
        }
        List<GraphWebhook.Item> items;
        try
        {
            items = GraphWebhook.Read(body, connector);
        }
        catch (JsonException ex)
        {
            return Problems.BadRequest($"Not a Graph webhook delivery: {ex.Message}");
        }
        var now = time.GetUtcNow().UtcDateTime;
        int accepted = 0, duplicates = 0, ignored = 0;
        var ids = new List<long>();
        foreach (var group in items.GroupBy(i => i.AccountId))
        {
            var source = signedFor.FirstOrDefault(s => SourceSettings.String(s, accountSetting) == group.Key);
            if (source is null || source.Status == SourceStatus.Paused)
            {
                // Meta retries deliveries that are not answered 200 for hours; an account Earshot does not read is not an error.
                ignored += group.Count();
                continue;
            }
            var posts = group
                .Select(i => PostNormalizer.Normalize(i.Post with { Platform = source.Platform }, source.WorkspaceId, source.Id, now).Post)
                .OfType<Post>()
                .ToList();
            ignored += group.Count() - posts.Count;
            var result = await ingestor.IngestAsync(db, posts, ct);
            accepted += result.Accepted;
            duplicates += result.Duplicates;
            ids.AddRange(result.PostIds);
        }
        return TypedResults.Ok(new MetaWebhookResponse(accepted, duplicates, ignored, ids));
    }

    static async Task<List<Source>> SourcesAsync(string connector, EarshotDbContext db, SourceCredentials credentials, CancellationToken ct)
    {
        var sources = await db.Sources.IgnoreQueryFilters().AsNoTracking().Where(s => s.Connector == connector).OrderBy(s => s.Id).ToListAsync(ct);
        var readable = new List<Source>(sources.Count);
        foreach (var source in sources)
        {
            try
            {
                readable.Add(credentials.Reveal(source));
            }
            catch (InvalidOperationException)
            {
                // A source whose secrets this node cannot open cannot have signed anything either.
            }
        }
        return readable;
    }
}

/// <summary>What a Graph delivery gave: posts stored, already known, and items for no source (or not posts).</summary>
public sealed record MetaWebhookResponse(int Accepted, int Duplicates, int Ignored, IReadOnlyList<long> PostIds);
