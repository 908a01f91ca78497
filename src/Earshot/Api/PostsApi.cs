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
    public const int MaxPostsPerRequest = PostBatch.MaxPostsPerRequest;

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
        var (body, parseProblem) = await PostBatch.ParseAsync(request.Body, ct);
        if (body is null)
        {
            return parseProblem!;
        }
        using (body)
        {
            var workspaceId = user.WorkspaceId();
            var source = await WorkspaceProvisioner.SourceAsync(db, workspaceId, WorkspaceProvisioner.ApiSourceName, ct);
            var (normalized, problem) = PostBatch.Read(body.RootElement, workspaceId, source.Id, null, time.GetUtcNow().UtcDateTime);
            if (problem is not null)
            {
                return problem;
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
}

public sealed record IngestResponse(int Accepted, int Duplicates, IReadOnlyList<long> PostIds);
