using System.Security.Claims;
using System.Text.Json;
using Earshot.Core.Data;
using Earshot.Core.Ingestion;
using Earshot.Core.Workspaces;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Api;

/// <summary>Push posts in (one or an array of the post JSON) and read them back with their triage.</summary>
public static class PostsApi
{
    public const long MaxBodyBytes = 4 * 1024 * 1024;
    public const int MaxPostsPerRequest = 1000;
    static readonly JsonSerializerOptions Strict = new(JsonSerializerDefaults.Web) { UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Skip };

    public static RouteGroupBuilder MapPostsApi(this RouteGroupBuilder api)
    {
        var posts = api.MapGroup("/posts").WithTags("Posts");
        posts.MapPost("/", IngestAsync)
            .WithSummary("Push one post or an array of posts (the post JSON); 202 once they are stored")
            .Accepts<PostDocument>("application/json")
            .Produces<IngestResponse>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        posts.MapGet("/", ListAsync).WithSummary("Stored posts, newest first, with their triage");
        posts.MapGet("/{id:long}", GetAsync).WithSummary("One stored post with its triage");
        return api;
    }

    static async Task<IResult> IngestAsync(HttpRequest request, ClaimsPrincipal user, EarshotDbContext db, PostIngestor ingestor, TimeProvider time, CancellationToken ct)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return Problems.TooLarge($"The body is larger than {MaxBodyBytes / 1024 / 1024} MB; send posts in smaller batches.");
        }
        if (request.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }
        JsonDocument body;
        try
        {
            body = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
        }
        catch (JsonException ex)
        {
            return Problems.BadRequest($"The body is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine}): {ex.Message}");
        }
        using (body)
        {
            var elements = body.RootElement.ValueKind switch
            {
                JsonValueKind.Object => [body.RootElement],
                JsonValueKind.Array => body.RootElement.EnumerateArray().ToList(),
                _ => null,
            };
            if (elements is null)
            {
                return Problems.BadRequest("The body must be a post object or an array of post objects.");
            }
            if (elements.Count == 0)
            {
                return Problems.BadRequest("The array of posts is empty.");
            }
            if (elements.Count > MaxPostsPerRequest)
            {
                return Problems.TooLarge($"At most {MaxPostsPerRequest} posts per request.");
            }
            var workspaceId = user.WorkspaceId();
            var source = await WorkspaceProvisioner.SourceAsync(db, workspaceId, WorkspaceProvisioner.ApiSourceName, ct);
            var now = time.GetUtcNow().UtcDateTime;
            var normalized = new List<Post>(elements.Count);
            for (var i = 0; i < elements.Count; i++)
            {
                var prefix = body.RootElement.ValueKind == JsonValueKind.Array ? $"[{i}]." : "";
                if (elements[i].ValueKind != JsonValueKind.Object)
                {
                    return Problems.BadRequest($"{(prefix.Length == 0 ? "the body" : prefix.TrimEnd('.'))} must be a post object", prefix.TrimEnd('.'));
                }
                PostDocument? doc;
                try
                {
                    doc = elements[i].Deserialize<PostDocument>(Strict);
                }
                catch (JsonException ex)
                {
                    var field = prefix + (ex.Path ?? "$").TrimStart('$', '.');
                    return Problems.BadRequest($"{field}: has the wrong type ({FirstSentence(ex.Message)})", field);
                }
                var (post, badField, error) = PostNormalizer.Normalize(doc!, workspaceId, source.Id, now);
                if (post is null)
                {
                    return Problems.BadRequest($"{prefix}{error}", prefix + badField);
                }
                normalized.Add(post);
            }
            var result = await ingestor.IngestAsync(db, normalized, ct);
            return TypedResults.Accepted((string?)null, new IngestResponse(result.Accepted, result.Duplicates, result.PostIds));
        }
    }

    static async Task<Results<Ok<Page<PostJson>>, ProblemHttpResult>> ListAsync(EarshotDbContext db, int? limit, string? cursor, CancellationToken ct)
    {
        if (Paging.Validate(limit, cursor) is { } error)
        {
            return (ProblemHttpResult)Problems.BadRequest(error);
        }
        var take = Paging.Limit(limit);
        var after = Paging.Decode(cursor);
        var rows = await db.Posts.AsNoTracking()
            .Where(p => after == null || p.Id < after)
            .OrderByDescending(p => p.Id)
            .Take(take + 1)
            .ToListAsync(ct);
        var items = rows.Take(take).Select(PostJson.From).ToList();
        return TypedResults.Ok(new Page<PostJson>(items, rows.Count > take ? Paging.Encode(items[^1].Id) : null));
    }

    static async Task<Results<Ok<PostJson>, ProblemHttpResult>> GetAsync(long id, EarshotDbContext db, CancellationToken ct) =>
        await db.Posts.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct) is { } post
            ? TypedResults.Ok(PostJson.From(post))
            : (ProblemHttpResult)Problems.NotFound($"Post {id} does not exist in this workspace.");

    static string FirstSentence(string message) => message.Split(". ")[0];
}

public sealed record IngestResponse(int Accepted, int Duplicates, IReadOnlyList<long> PostIds);
