using System.Security.Claims;
using Earshot.Core.Data;
using Earshot.Core.Workflows;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Api;

/// <summary>
/// The workspace's workflow: ordered rules that pick the queue of a new conversation from its bucket, tags,
/// language, risks, platform and contact tier. First match wins; the bucket's default queue takes the rest.
/// </summary>
public static class WorkflowsApi
{
    public static RouteGroupBuilder MapWorkflowsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/workflows").WithTags("Workflows");
        group.MapGet("/", ListAsync).WithSummary("Workflow rules in the order they are tried");
        group.MapGet("/{id:long}", GetAsync).WithSummary("One workflow rule");
        group.MapPost("/", CreateAsync).WithSummary("Add a rule: conditions → target queue, optional priority boost and extra skills");
        group.MapPut("/{id:long}", UpdateAsync).WithSummary("Replace a rule");
        group.MapDelete("/{id:long}", DeleteAsync).WithSummary("Remove a rule");
        return api;
    }

    static async Task<Ok<List<WorkflowRuleJson>>> ListAsync(EarshotDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await db.WorkflowRules.AsNoTracking().OrderBy(r => r.Position).ThenBy(r => r.Id).ToListAsync(ct))
            .Select(WorkflowRuleJson.From).ToList());

    static async Task<Results<Ok<WorkflowRuleJson>, ProblemHttpResult>> GetAsync(long id, EarshotDbContext db, CancellationToken ct) =>
        await db.WorkflowRules.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct) is { } rule
            ? TypedResults.Ok(WorkflowRuleJson.From(rule))
            : (ProblemHttpResult)Problems.NotFound($"Workflow rule {id} does not exist in this workspace.");

    static async Task<Results<Created<WorkflowRuleJson>, ProblemHttpResult>> CreateAsync(
        WorkflowRuleRequest request, ClaimsPrincipal user, EarshotDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (await ValidateAsync(request, db, ct) is { } problem)
        {
            return (ProblemHttpResult)problem;
        }
        var now = time.GetUtcNow().UtcDateTime;
        var last = await db.WorkflowRules.MaxAsync(r => (int?)r.Position, ct);
        var rule = new WorkflowRule { WorkspaceId = user.WorkspaceId(), Name = "", CreatedAt = now };
        Apply(request, rule, request.Position ?? (last ?? 0) + 10, now);
        db.WorkflowRules.Add(rule);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/workflows/{rule.Id}", WorkflowRuleJson.From(rule));
    }

    static async Task<Results<Ok<WorkflowRuleJson>, ProblemHttpResult>> UpdateAsync(
        long id, WorkflowRuleRequest request, EarshotDbContext db, TimeProvider time, CancellationToken ct)
    {
        var rule = await db.WorkflowRules.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (rule is null)
        {
            return (ProblemHttpResult)Problems.NotFound($"Workflow rule {id} does not exist in this workspace.");
        }
        if (await ValidateAsync(request, db, ct) is { } problem)
        {
            return (ProblemHttpResult)problem;
        }
        Apply(request, rule, request.Position ?? rule.Position, time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(WorkflowRuleJson.From(rule));
    }

    static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(long id, EarshotDbContext db, CancellationToken ct) =>
        await db.WorkflowRules.Where(r => r.Id == id).ExecuteDeleteAsync(ct) == 0
            ? (ProblemHttpResult)Problems.NotFound($"Workflow rule {id} does not exist in this workspace.")
            : TypedResults.NoContent();

    internal static void Apply(WorkflowRuleRequest request, WorkflowRule rule, int position, DateTime now)
    {
        var c = request.Conditions;
        rule.Name = request.Name!.Trim();
        rule.Position = position;
        rule.Enabled = request.Enabled ?? true;
        rule.QueueId = request.QueueId!.Value;
        rule.PriorityBoost = request.PriorityBoost ?? 0;
        rule.RequiredSkills = request.RequiredSkills ?? [];
        rule.Conditions = new WorkflowConditions
        {
            Buckets = Clean(c?.Buckets), Tags = Clean(c?.Tags), Languages = Clean(c?.Languages),
            Risks = Clean(c?.Risks), Platforms = Clean(c?.Platforms), ContactTiers = Clean(c?.ContactTiers),
        };
        rule.UpdatedAt = now;
    }

    static List<string> Clean(List<string>? values) => values is null ? [] : [.. values.Select(v => v.Trim().ToLowerInvariant())];

    /// <summary>The first thing wrong with a rule, as a 400 problem naming the field, or null.</summary>
    internal static async Task<IResult?> ValidateAsync(WorkflowRuleRequest request, EarshotDbContext db, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 200)
        {
            return Problems.BadRequest("name is required (at most 200 characters)", "name");
        }
        if (request.QueueId is not { } queueId)
        {
            return Problems.BadRequest("queue_id is required: the queue matching conversations go to", "queue_id");
        }
        if (!await db.Queues.AnyAsync(q => q.Id == queueId, ct))
        {
            return Problems.BadRequest($"queue {queueId} does not exist in this workspace", "queue_id");
        }
        if (request.Position is < 0 or > 1_000_000)
        {
            return Problems.BadRequest("position must be 0–1000000 (lower is tried first)", "position");
        }
        if (request.PriorityBoost is < -100 or > 100)
        {
            return Problems.BadRequest("priority_boost must be -100 to 100", "priority_boost");
        }
        if (request.RequiredSkills?.FirstOrDefault(s => s.Value is < 1 or > 5 || string.IsNullOrWhiteSpace(s.Key)) is { Key: not null } bad)
        {
            return Problems.BadRequest($"required_skills.{bad.Key} must be a proficiency from 1 to 5", $"required_skills.{bad.Key}");
        }
        var c = request.Conditions;
        var conditions = new WorkflowConditions
        {
            Buckets = c?.Buckets ?? [], Tags = c?.Tags ?? [], Languages = c?.Languages ?? [],
            Risks = c?.Risks ?? [], Platforms = c?.Platforms ?? [], ContactTiers = c?.ContactTiers ?? [],
        };
        return Workflow.Problem(conditions) is { } problem ? Problems.BadRequest(problem.Message, problem.Field) : null;
    }
}

/// <summary>What a rule matches; every list given must match, any value inside a list will do.</summary>
public sealed record WorkflowConditionsJson(
    List<string>? Buckets, List<string>? Tags, List<string>? Languages, List<string>? Risks, List<string>? Platforms, List<string>? ContactTiers);

public sealed record WorkflowRuleRequest(
    string? Name, int? Position, bool? Enabled, WorkflowConditionsJson? Conditions, long? QueueId, int? PriorityBoost,
    Dictionary<string, int>? RequiredSkills);

public sealed record WorkflowRuleJson(
    long Id, string Name, int Position, bool Enabled, WorkflowConditionsJson Conditions, long QueueId, int PriorityBoost,
    IReadOnlyDictionary<string, int> RequiredSkills)
{
    public static WorkflowRuleJson From(WorkflowRule r) => new(
        r.Id, r.Name, r.Position, r.Enabled,
        new WorkflowConditionsJson([.. r.Conditions.Buckets], [.. r.Conditions.Tags], [.. r.Conditions.Languages], [.. r.Conditions.Risks],
            [.. r.Conditions.Platforms], [.. r.Conditions.ContactTiers]),
        r.QueueId, r.PriorityBoost, r.RequiredSkills);
}
