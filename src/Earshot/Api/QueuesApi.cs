using System.Security.Claims;
using Earshot.Core.Data;
using Earshot.Core.Routing;
using Earshot.Core.Sla;
using Earshot.Triage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Api;

/// <summary>Queues (routing targets) and SLA policies.</summary>
public static class QueuesApi
{
    public static RouteGroupBuilder MapQueuesApi(this RouteGroupBuilder api)
    {
        var queues = api.MapGroup("/queues").WithTags("Queues");
        queues.MapGet("/", ListAsync).WithSummary("Queues with their skills, SLA policy and offer rules");
        queues.MapPost("/", CreateAsync).WithSummary("Add a queue");
        var sla = api.MapGroup("/sla-policies").WithTags("SLA policies");
        sla.MapGet("/", ListSlaAsync).WithSummary("SLA policies (targets in seconds)");
        sla.MapPost("/", CreateSlaAsync).WithSummary("Add an SLA policy");
        return api;
    }

    static async Task<Ok<List<QueueJson>>> ListAsync(EarshotDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await db.Queues.AsNoTracking().OrderBy(q => q.Id).ToListAsync(ct)).Select(QueueJson.From).ToList());

    static async Task<Results<Created<QueueJson>, ProblemHttpResult>> CreateAsync(
        QueueRequest request, ClaimsPrincipal user, EarshotDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 200)
        {
            return (ProblemHttpResult)Problems.BadRequest("name is required (at most 200 characters)", "name");
        }
        var bucket = Bucket.Care;
        if (request.Bucket is not null && (!Enum.TryParse(request.Bucket, ignoreCase: true, out bucket) || int.TryParse(request.Bucket, out _) || bucket == Bucket.Analytics))
        {
            return (ProblemHttpResult)Problems.BadRequest("bucket must be care or marketing", "bucket");
        }
        if (request.RequiredSkills?.FirstOrDefault(s => s.Value is < 1 or > 5) is { Key: not null } bad)
        {
            return (ProblemHttpResult)Problems.BadRequest($"required_skills.{bad.Key} must be a proficiency from 1 to 5", $"required_skills.{bad.Key}");
        }
        if (request.OfferTimeoutSeconds is < 5 or > 3600)
        {
            return (ProblemHttpResult)Problems.BadRequest("offer_timeout_seconds must be 5–3600", "offer_timeout_seconds");
        }
        if (request.SlaPolicyId is { } sid && !await db.SlaPolicies.AnyAsync(s => s.Id == sid, ct))
        {
            return (ProblemHttpResult)Problems.BadRequest($"SLA policy {sid} does not exist in this workspace", "sla_policy_id");
        }
        if (request.StickyWindowSeconds is < 0 or > 30 * 24 * 3600)
        {
            return (ProblemHttpResult)Problems.BadRequest("sticky_window_seconds must be 0 (off) to 30 days", "sticky_window_seconds");
        }
        var steps = request.EscalationSteps ?? [];
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            if (step.AfterMinutes is < 0 or > 7 * 24 * 60 || step.RaisePriorityBy is < 0 or > 100)
            {
                return (ProblemHttpResult)Problems.BadRequest($"escalation_steps[{i}]: after_minutes must be 0–10080 and raise_priority_by 0–100", $"escalation_steps[{i}]");
            }
            if (step.OverflowQueueId is { } overflow && !await db.Queues.AnyAsync(q => q.Id == overflow, ct))
            {
                return (ProblemHttpResult)Problems.BadRequest($"escalation_steps[{i}].overflow_queue_id: queue {overflow} does not exist in this workspace", $"escalation_steps[{i}].overflow_queue_id");
            }
        }
        var name = request.Name.Trim();
        if (await db.Queues.AnyAsync(q => q.Name == name, ct))
        {
            return (ProblemHttpResult)Problems.Conflict($"A queue named '{name}' already exists.");
        }
        var queue = new Queue
        {
            WorkspaceId = user.WorkspaceId(),
            Name = name,
            Bucket = bucket,
            RequiredSkills = request.RequiredSkills ?? [],
            SlaPolicyId = request.SlaPolicyId,
            OfferTimeoutSeconds = request.OfferTimeoutSeconds ?? 30,
            AutoAccept = request.AutoAccept ?? false,
            StickyWindowSeconds = request.StickyWindowSeconds ?? 24 * 3600,
            EscalationSteps = steps,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.Queues.Add(queue);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/queues/{queue.Id}", QueueJson.From(queue));
    }

    static async Task<Ok<List<SlaPolicyJson>>> ListSlaAsync(EarshotDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await db.SlaPolicies.AsNoTracking().OrderBy(s => s.Id).ToListAsync(ct)).Select(SlaPolicyJson.From).ToList());

    static async Task<Results<Created<SlaPolicyJson>, ProblemHttpResult>> CreateSlaAsync(
        SlaPolicyRequest request, ClaimsPrincipal user, EarshotDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            return (ProblemHttpResult)Problems.BadRequest("name is required", "name");
        }
        foreach (var (field, value) in new[] { ("first_response_seconds", request.FirstResponseSeconds), ("next_response_seconds", request.NextResponseSeconds), ("resolution_seconds", request.ResolutionSeconds) })
        {
            if (value is < 60 or > 90 * 24 * 3600)
            {
                return (ProblemHttpResult)Problems.BadRequest($"{field} must be between 60 seconds and 90 days", field);
            }
        }
        var name = request.Name.Trim();
        if (await db.SlaPolicies.AnyAsync(s => s.Name == name, ct))
        {
            return (ProblemHttpResult)Problems.Conflict($"An SLA policy named '{name}' already exists.");
        }
        var policy = new SlaPolicy
        {
            WorkspaceId = user.WorkspaceId(),
            Name = name,
            FirstResponseSeconds = request.FirstResponseSeconds ?? 3600,
            NextResponseSeconds = request.NextResponseSeconds ?? 4 * 3600,
            ResolutionSeconds = request.ResolutionSeconds ?? 24 * 3600,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.SlaPolicies.Add(policy);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/sla-policies/{policy.Id}", SlaPolicyJson.From(policy));
    }
}

public sealed record QueueRequest(
    string? Name, string? Bucket, Dictionary<string, int>? RequiredSkills, long? SlaPolicyId, int? OfferTimeoutSeconds, bool? AutoAccept,
    int? StickyWindowSeconds = null, List<EscalationStep>? EscalationSteps = null);

public sealed record QueueJson(
    long Id, string Name, string Bucket, bool IsDefault, IReadOnlyDictionary<string, int> RequiredSkills, long? SlaPolicyId, int OfferTimeoutSeconds,
    bool AutoAccept, int StickyWindowSeconds, IReadOnlyList<EscalationStep> EscalationSteps)
{
    public static QueueJson From(Queue q) => new(
        q.Id, q.Name, TriageJson.Name(q.Bucket), q.IsDefault, q.RequiredSkills, q.SlaPolicyId, q.OfferTimeoutSeconds, q.AutoAccept, q.StickyWindowSeconds, q.EscalationSteps);
}

public sealed record SlaPolicyRequest(string? Name, int? FirstResponseSeconds, int? NextResponseSeconds, int? ResolutionSeconds);

public sealed record SlaPolicyJson(long Id, string Name, int FirstResponseSeconds, int NextResponseSeconds, int ResolutionSeconds)
{
    public static SlaPolicyJson From(SlaPolicy s) => new(s.Id, s.Name, s.FirstResponseSeconds, s.NextResponseSeconds, s.ResolutionSeconds);
}
