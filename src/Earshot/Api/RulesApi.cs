using System.Security.Claims;
using Earshot.Core.Data;
using Earshot.Core.Listening;
using Earshot.Triage.Listening;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Api;

/// <summary>Listening rules, and a preview of what a draft rule would match among recent posts.</summary>
public static class RulesApi
{
    const int DefaultPreview = 200;
    const int MaxPreview = 5000;

    public static RouteGroupBuilder MapRulesApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/rules").WithTags("Listening rules");
        group.MapGet("/", ListAsync).WithSummary("Listening rules");
        group.MapPost("/", CreateAsync).WithSummary("Add a listening rule; an invalid query gets 400 naming the position of the error");
        group.MapPost("/preview", PreviewAsync).WithSummary("Which of the last N stored posts a draft query matches");
        return api;
    }

    static async Task<Ok<List<RuleJson>>> ListAsync(EarshotDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.ListeningRules.AsNoTracking().OrderBy(r => r.Id)
            .Select(r => new RuleJson(r.Id, r.Name, r.Query, r.Tag, r.Enabled, r.CreatedAt)).ToListAsync(ct));

    static async Task<Results<Created<RuleJson>, ProblemHttpResult>> CreateAsync(
        RuleRequest request, ClaimsPrincipal user, EarshotDbContext db, ListeningRuleCache cache, TimeProvider time, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            return (ProblemHttpResult)Problems.BadRequest("name is required", "name");
        }
        if (Invalid(request.Query) is { } problem)
        {
            return problem;
        }
        var tag = (request.Tag ?? request.Name).Trim().ToLowerInvariant().Replace(' ', '-');
        if (tag.Length is 0 or > 64 || tag.Contains(','))
        {
            return (ProblemHttpResult)Problems.BadRequest("tag must be 1–64 characters without commas", "tag");
        }
        var rule = new ListeningRule
        {
            WorkspaceId = user.WorkspaceId(),
            Name = request.Name.Trim(),
            Query = request.Query!.Trim(),
            Tag = tag,
            Enabled = request.Enabled ?? true,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.ListeningRules.Add(rule);
        await db.SaveChangesAsync(ct);
        cache.Invalidate(rule.WorkspaceId);
        return TypedResults.Created($"/api/v1/rules/{rule.Id}", new RuleJson(rule.Id, rule.Name, rule.Query, rule.Tag, rule.Enabled, rule.CreatedAt));
    }

    static async Task<Results<Ok<PreviewResponse>, ProblemHttpResult>> PreviewAsync(PreviewRequest request, EarshotDbContext db, CancellationToken ct)
    {
        if (Invalid(request.Query) is { } problem)
        {
            return problem;
        }
        var limit = request.Limit ?? DefaultPreview;
        if (limit is < 1 or > MaxPreview)
        {
            return (ProblemHttpResult)Problems.BadRequest($"limit must be between 1 and {MaxPreview}", "limit");
        }
        var rule = RuleQuery.Parse(request.Query!);
        var (scanned, matches) = await RulePreview.RunAsync(db, rule, limit, ct);
        return TypedResults.Ok(new PreviewResponse(rule.ToString(), scanned, matches.Count, [.. matches.Select(PostJson.From)]));
    }

    static ProblemHttpResult? Invalid(string? query)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return (ProblemHttpResult)Problems.BadRequest("query is required", "query");
        }
        if (!RuleQuery.TryParse(query, out _, out var error))
        {
            var result = (ProblemHttpResult)Problems.BadRequest(error!.Message, "query");
            result.ProblemDetails.Extensions["position"] = error.Position;
            return result;
        }
        return null;
    }
}

public sealed record RuleRequest(string? Name, string? Query, string? Tag, bool? Enabled);

public sealed record RuleJson(long Id, string Name, string Query, string Tag, bool Enabled, DateTime CreatedAt);

public sealed record PreviewRequest(string? Query, int? Limit);

public sealed record PreviewResponse(string Normalized, int Scanned, int Matched, IReadOnlyList<PostJson> Posts);
