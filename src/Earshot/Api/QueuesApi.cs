using System.Security.Claims;
using Earshot.Core.Data;
using Earshot.Core.Pipeline;
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
        queues.MapGet("/{id:long}", GetAsync).WithSummary("One queue");
        queues.MapPut("/{id:long}", UpdateAsync).WithSummary("Change a queue's settings (fields left out keep their value): skills, SLA policy, offer rules, wrap-up, escalation steps");
        var sla = api.MapGroup("/sla-policies").WithTags("SLA policies");
        sla.MapGet("/", ListSlaAsync).WithSummary("SLA policies (targets in seconds)");
        sla.MapPost("/", CreateSlaAsync).WithSummary("Add an SLA policy");
        sla.MapGet("/{id:long}", GetSlaAsync).WithSummary("One SLA policy with its priority bands");
        sla.MapPut("/{id:long}", UpdateSlaAsync).WithSummary("Change an SLA policy's name, targets and bands (fields left out keep their value); due times already set stay");
        sla.MapDelete("/{id:long}", DeleteSlaAsync).WithSummary("Delete an SLA policy no queue uses");
        return api;
    }

    static async Task<Ok<List<QueueJson>>> ListAsync(EarshotDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await db.Queues.AsNoTracking().OrderBy(q => q.Id).ToListAsync(ct)).Select(QueueJson.From).ToList());

    static async Task<Results<Created<QueueJson>, ProblemHttpResult>> CreateAsync(
        QueueRequest request, ClaimsPrincipal user, EarshotDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (await ValidateAsync(request, null, db, ct) is { } problem)
        {
            return (ProblemHttpResult)problem;
        }
        var name = request.Name!.Trim();
        if (await db.Queues.AnyAsync(q => q.Name == name, ct))
        {
            return (ProblemHttpResult)Problems.Conflict($"A queue named '{name}' already exists.");
        }
        var queue = new Queue
        {
            WorkspaceId = user.WorkspaceId(),
            Name = name,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        Apply(request, queue);
        db.Queues.Add(queue);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/queues/{queue.Id}", QueueJson.From(queue));
    }

    static async Task<Results<Ok<QueueJson>, ProblemHttpResult>> GetAsync(long id, EarshotDbContext db, CancellationToken ct) =>
        await db.Queues.AsNoTracking().SingleOrDefaultAsync(q => q.Id == id, ct) is { } queue
            ? TypedResults.Ok(QueueJson.From(queue))
            : (ProblemHttpResult)Problems.NotFound($"Queue {id} does not exist in this workspace.");

    /// <summary>Changes the queue's settings; fields left out keep their current value.</summary>
    static async Task<Results<Ok<QueueJson>, ProblemHttpResult>> UpdateAsync(
        long id, QueueRequest request, EarshotDbContext db, WorkSignals signals, CancellationToken ct)
    {
        var queue = await db.Queues.SingleOrDefaultAsync(q => q.Id == id, ct);
        if (queue is null)
        {
            return (ProblemHttpResult)Problems.NotFound($"Queue {id} does not exist in this workspace.");
        }
        if (await ValidateAsync(request with { Name = request.Name ?? queue.Name }, id, db, ct) is { } problem)
        {
            return (ProblemHttpResult)problem;
        }
        var name = (request.Name ?? queue.Name).Trim();
        if (await db.Queues.AnyAsync(q => q.Name == name && q.Id != id, ct))
        {
            return (ProblemHttpResult)Problems.Conflict($"A queue named '{name}' already exists.");
        }
        if (request.Bucket is not null && !string.Equals(request.Bucket, TriageJson.Name(queue.Bucket), StringComparison.OrdinalIgnoreCase) && queue.IsDefault)
        {
            return (ProblemHttpResult)Problems.BadRequest($"queue {id} is the default {TriageJson.Name(queue.Bucket)} queue; its bucket cannot change", "bucket");
        }
        queue.Name = name;
        Apply(request, queue);
        await db.SaveChangesAsync(ct);
        signals.Routing.Notify(); // new skills, offer rules or escalation steps apply from the next round
        return TypedResults.Ok(QueueJson.From(queue));
    }

    /// <summary>Sets what the request gives; fields left out keep the queue's value (its defaults on create).</summary>
    static void Apply(QueueRequest request, Queue queue)
    {
        queue.Bucket = request.Bucket is null ? queue.Bucket : Enum.Parse<Bucket>(request.Bucket, ignoreCase: true);
        queue.RequiredSkills = request.RequiredSkills ?? queue.RequiredSkills;
        queue.SlaPolicyId = request.SlaPolicyId ?? queue.SlaPolicyId;
        queue.OfferTimeoutSeconds = request.OfferTimeoutSeconds ?? queue.OfferTimeoutSeconds;
        queue.AutoAccept = request.AutoAccept ?? queue.AutoAccept;
        queue.StickyWindowSeconds = request.StickyWindowSeconds ?? queue.StickyWindowSeconds;
        queue.EscalationSteps = request.EscalationSteps ?? queue.EscalationSteps;
        queue.WrapUpSeconds = request.WrapUpSeconds ?? queue.WrapUpSeconds;
    }

    /// <summary>The first thing wrong with a queue request, as a 400 problem naming the field, or null.</summary>
    internal static async Task<IResult?> ValidateAsync(QueueRequest request, long? self, EarshotDbContext db, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 200)
        {
            return Problems.BadRequest("name is required (at most 200 characters)", "name");
        }
        if (request.Bucket is not null && (!Enum.TryParse<Bucket>(request.Bucket, ignoreCase: true, out var bucket) || int.TryParse(request.Bucket, out _) || bucket == Bucket.Analytics))
        {
            return Problems.BadRequest("bucket must be care or marketing", "bucket");
        }
        if (request.RequiredSkills?.FirstOrDefault(s => s.Value is < 1 or > 5) is { Key: not null } bad)
        {
            return Problems.BadRequest($"required_skills.{bad.Key} must be a proficiency from 1 to 5", $"required_skills.{bad.Key}");
        }
        if (request.OfferTimeoutSeconds is < 5 or > 3600)
        {
            return Problems.BadRequest("offer_timeout_seconds must be 5–3600", "offer_timeout_seconds");
        }
        if (request.SlaPolicyId is { } sid && !await db.SlaPolicies.AnyAsync(s => s.Id == sid, ct))
        {
            return Problems.BadRequest($"SLA policy {sid} does not exist in this workspace", "sla_policy_id");
        }
        if (request.StickyWindowSeconds is < 0 or > 30 * 24 * 3600)
        {
            return Problems.BadRequest("sticky_window_seconds must be 0 (off) to 30 days", "sticky_window_seconds");
        }
        if (request.WrapUpSeconds is < 0 or > 3600)
        {
            return Problems.BadRequest("wrap_up_seconds must be 0 (off) to 3600", "wrap_up_seconds");
        }
        var steps = request.EscalationSteps ?? [];
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            if (step.AfterMinutes is < 0 or > 7 * 24 * 60 || step.RaisePriorityBy is < 0 or > 100)
            {
                return Problems.BadRequest($"escalation_steps[{i}]: after_minutes must be 0–10080 and raise_priority_by 0–100", $"escalation_steps[{i}]");
            }
            if (step.OverflowQueueId is { } overflow && (overflow == self || !await db.Queues.AnyAsync(q => q.Id == overflow, ct)))
            {
                return Problems.BadRequest(overflow == self
                        ? $"escalation_steps[{i}].overflow_queue_id: a queue cannot overflow to itself"
                        : $"escalation_steps[{i}].overflow_queue_id: queue {overflow} does not exist in this workspace",
                    $"escalation_steps[{i}].overflow_queue_id");
            }
        }
        return null;
    }

    static async Task<Ok<List<SlaPolicyJson>>> ListSlaAsync(EarshotDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await db.SlaPolicies.AsNoTracking().OrderBy(s => s.Id).ToListAsync(ct)).Select(SlaPolicyJson.From).ToList());

    static async Task<Results<Created<SlaPolicyJson>, ProblemHttpResult>> CreateSlaAsync(
        SlaPolicyRequest request, ClaimsPrincipal user, EarshotDbContext db, TimeProvider time, CancellationToken ct)
    {
        request = request with
        {
            FirstResponseSeconds = request.FirstResponseSeconds ?? 3600,
            NextResponseSeconds = request.NextResponseSeconds ?? 4 * 3600,
            ResolutionSeconds = request.ResolutionSeconds ?? 24 * 3600,
            Bands = request.Bands ?? [],
        };
        if (ValidateSla(request) is { } problem)
        {
            return (ProblemHttpResult)problem;
        }
        var name = request.Name!.Trim();
        if (await db.SlaPolicies.AnyAsync(s => s.Name == name, ct))
        {
            return (ProblemHttpResult)Problems.Conflict($"An SLA policy named '{name}' already exists.");
        }
        var policy = new SlaPolicy { WorkspaceId = user.WorkspaceId(), Name = name, CreatedAt = time.GetUtcNow().UtcDateTime };
        ApplySla(request, policy);
        db.SlaPolicies.Add(policy);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/sla-policies/{policy.Id}", SlaPolicyJson.From(policy));
    }

    static async Task<Results<Ok<SlaPolicyJson>, ProblemHttpResult>> GetSlaAsync(long id, EarshotDbContext db, CancellationToken ct) =>
        await db.SlaPolicies.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct) is { } policy
            ? TypedResults.Ok(SlaPolicyJson.From(policy))
            : (ProblemHttpResult)Problems.NotFound($"SLA policy {id} does not exist in this workspace.");

    /// <summary>
    /// Changes the policy; fields left out keep their value. New targets apply to due times computed from now on
    /// (conversations that open, get a reply or move queue later); due times already set on conversations stay.
    /// </summary>
    static async Task<Results<Ok<SlaPolicyJson>, ProblemHttpResult>> UpdateSlaAsync(
        long id, SlaPolicyRequest request, EarshotDbContext db, CancellationToken ct)
    {
        var policy = await db.SlaPolicies.SingleOrDefaultAsync(s => s.Id == id, ct);
        if (policy is null)
        {
            return (ProblemHttpResult)Problems.NotFound($"SLA policy {id} does not exist in this workspace.");
        }
        request = request with
        {
            Name = request.Name ?? policy.Name,
            FirstResponseSeconds = request.FirstResponseSeconds ?? policy.FirstResponseSeconds,
            NextResponseSeconds = request.NextResponseSeconds ?? policy.NextResponseSeconds,
            ResolutionSeconds = request.ResolutionSeconds ?? policy.ResolutionSeconds,
            Bands = request.Bands ?? policy.Bands,
        };
        if (ValidateSla(request) is { } problem)
        {
            return (ProblemHttpResult)problem;
        }
        var name = request.Name!.Trim();
        if (await db.SlaPolicies.AnyAsync(s => s.Name == name && s.Id != id, ct))
        {
            return (ProblemHttpResult)Problems.Conflict($"An SLA policy named '{name}' already exists.");
        }
        policy.Name = name;
        ApplySla(request, policy);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(SlaPolicyJson.From(policy));
    }

    static async Task<Results<NoContent, ProblemHttpResult>> DeleteSlaAsync(long id, EarshotDbContext db, CancellationToken ct) =>
        await DeleteSlaPolicyAsync(db, id, ct) switch
        {
            (false, _) => (ProblemHttpResult)Problems.NotFound($"SLA policy {id} does not exist in this workspace."),
            (true, { } refusal) => (ProblemHttpResult)Problems.Conflict(refusal),
            _ => TypedResults.NoContent(),
        };

    /// <summary>
    /// Deletes SLA policy <paramref name="id"/>; refuses (with the reason) while a queue still uses it. Found is false
    /// when no such policy is in the workspace.
    /// </summary>
    internal static async Task<(bool Found, string? Refusal)> DeleteSlaPolicyAsync(EarshotDbContext db, long id, CancellationToken ct)
    {
        var policy = await db.SlaPolicies.SingleOrDefaultAsync(s => s.Id == id, ct);
        if (policy is null)
        {
            return (false, null);
        }
        if (await db.Queues.Where(q => q.SlaPolicyId == id).Select(q => q.Name).OrderBy(n => n).FirstOrDefaultAsync(ct) is { } queue)
        {
            return (true, $"Queue '{queue}' uses '{policy.Name}'; give the queue another policy first.");
        }
        db.SlaPolicies.Remove(policy);
        await db.SaveChangesAsync(ct);
        return (true, null);
    }

    /// <summary>Copies a validated request (every field given) onto the policy.</summary>
    internal static void ApplySla(SlaPolicyRequest request, SlaPolicy policy)
    {
        policy.FirstResponseSeconds = request.FirstResponseSeconds!.Value;
        policy.NextResponseSeconds = request.NextResponseSeconds!.Value;
        policy.ResolutionSeconds = request.ResolutionSeconds!.Value;
        policy.Bands = [.. request.Bands!.Select(b => b with { Name = b.Name.Trim() })];
    }

    const int MinTargetSeconds = 60, MaxTargetSeconds = 90 * 24 * 3600;

    /// <summary>
    /// The first thing wrong with an SLA policy request whose fields are all given (the API fills left-out fields
    /// first), as a 400 problem naming the field, or null. The admin form checks its input with this too.
    /// </summary>
    internal static IResult? ValidateSla(SlaPolicyRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Trim().Length > 200)
        {
            return Problems.BadRequest("name is required (at most 200 characters)", "name");
        }
        if (TargetsProblem("", request.FirstResponseSeconds, request.NextResponseSeconds, request.ResolutionSeconds) is { } targets)
        {
            return targets;
        }
        var bands = request.Bands ?? [];
        for (var i = 0; i < bands.Count; i++)
        {
            var band = bands[i];
            var name = band.Name?.Trim();
            if (string.IsNullOrEmpty(name) || name.Length > 32)
            {
                return Problems.BadRequest($"bands[{i}].name is required (at most 32 characters)", $"bands[{i}].name");
            }
            if (bands.Take(i).Any(b => string.Equals(b.Name?.Trim(), name, StringComparison.OrdinalIgnoreCase)))
            {
                return Problems.BadRequest($"bands[{i}].name: '{name}' is already used by another band", $"bands[{i}].name");
            }
            if (band.MinPriority is < 0 or > 100)
            {
                return Problems.BadRequest($"bands[{i}].min_priority must be 0–100", $"bands[{i}].min_priority");
            }
            if (bands.Take(i).Any(b => b.MinPriority == band.MinPriority))
            {
                return Problems.BadRequest($"bands[{i}].min_priority: {band.MinPriority} is already used by another band", $"bands[{i}].min_priority");
            }
            if (TargetsProblem($"bands[{i}].", band.FirstResponseSeconds, band.NextResponseSeconds, band.ResolutionSeconds) is { } bandTargets)
            {
                return bandTargets;
            }
        }
        return null;
    }

    static IResult? TargetsProblem(string prefix, int? first, int? next, int? resolution)
    {
        foreach (var (field, value) in new[] { ("first_response_seconds", first), ("next_response_seconds", next), ("resolution_seconds", resolution) })
        {
            if (value is null or < MinTargetSeconds or > MaxTargetSeconds)
            {
                return Problems.BadRequest($"{prefix}{field} must be between 60 seconds and 90 days", prefix + field);
            }
        }
        return resolution < first
            ? Problems.BadRequest($"{prefix}resolution_seconds: resolution cannot be due before the first response", prefix + "resolution_seconds")
            : null;
    }
}

public sealed record QueueRequest(
    string? Name, string? Bucket, Dictionary<string, int>? RequiredSkills, long? SlaPolicyId, int? OfferTimeoutSeconds, bool? AutoAccept,
    int? StickyWindowSeconds = null, List<EscalationStep>? EscalationSteps = null, int? WrapUpSeconds = null);

public sealed record QueueJson(
    long Id, string Name, string Bucket, bool IsDefault, IReadOnlyDictionary<string, int> RequiredSkills, long? SlaPolicyId, int OfferTimeoutSeconds,
    bool AutoAccept, int StickyWindowSeconds, IReadOnlyList<EscalationStep> EscalationSteps, int WrapUpSeconds)
{
    public static QueueJson From(Queue q) => new(
        q.Id, q.Name, TriageJson.Name(q.Bucket), q.IsDefault, q.RequiredSkills, q.SlaPolicyId, q.OfferTimeoutSeconds, q.AutoAccept, q.StickyWindowSeconds,
        q.EscalationSteps, q.WrapUpSeconds);
}

/// <summary>An SLA policy: targets in seconds of business time, and optional tighter targets per priority band.</summary>
public sealed record SlaPolicyRequest(
    string? Name, int? FirstResponseSeconds, int? NextResponseSeconds, int? ResolutionSeconds, List<SlaBand>? Bands = null);

public sealed record SlaPolicyJson(
    long Id, string Name, int FirstResponseSeconds, int NextResponseSeconds, int ResolutionSeconds, IReadOnlyList<SlaBand> Bands)
{
    public static SlaPolicyJson From(SlaPolicy s) => new(s.Id, s.Name, s.FirstResponseSeconds, s.NextResponseSeconds, s.ResolutionSeconds, s.Bands);
}
