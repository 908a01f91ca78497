using Earshot.Core.Agents;
using Earshot.Core.Data;
using Earshot.Core.Pipeline;
using Earshot.Core.Routing;
using Earshot.Core.Workspaces;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using System.Security.Claims;

namespace Earshot.Api;

/// <summary>Agents and other people of the workspace, their presence, and the offers waiting for them.</summary>
public static class AgentsApi
{
    public static RouteGroupBuilder MapAgentsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/agents").WithTags("Agents");
        group.MapGet("/", ListAsync).WithSummary("People of the workspace with skills, capacity and presence");
        group.MapPost("/", CreateAsync).WithSummary("Add an agent, supervisor, marketing user or admin");
        group.MapPut("/{id:long}/presence", PresenceAsync).WithSummary("Set presence: available, away, offline or wrap_up");
        group.MapPut("/{id:long}/schedule", ScheduleAsync)
            .WithSummary("Set the agent's working hours (time zone, weekly hours, days off); outside them the agent is offered no work. No hours = no schedule");
        group.MapPost("/{id:long}/heartbeat", HeartbeatAsync)
            .WithSummary("The desktop is alive: an agent silent for 2 minutes goes offline and their offers return to the queue");
        group.MapGet("/{id:long}/offers", OffersAsync).WithSummary("Pending offers for the agent");
        return api;
    }

    static async Task<Ok<List<AgentJson>>> ListAsync(EarshotDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await db.Agents.AsNoTracking().OrderBy(a => a.Id).ToListAsync(ct)).Select(AgentJson.From).ToList());

    static async Task<Results<Created<AgentJson>, ProblemHttpResult>> CreateAsync(
        AgentRequest request, ClaimsPrincipal user, EarshotDbContext db, IPasswordHasher<object> hasher, TimeProvider time, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            return (ProblemHttpResult)Problems.BadRequest("name is required", "name");
        }
        if (string.IsNullOrWhiteSpace(request.Email) || !request.Email.Contains('@'))
        {
            return (ProblemHttpResult)Problems.BadRequest("email must be an e-mail address", "email");
        }
        var role = AgentRoleName.Agent;
        if (request.Role is not null && (!Enum.TryParse(request.Role, ignoreCase: true, out role) || int.TryParse(request.Role, out _)))
        {
            return (ProblemHttpResult)Problems.BadRequest("role must be agent, supervisor, marketing or admin", "role");
        }
        if (request.Skills?.FirstOrDefault(s => s.Value is < 1 or > 5) is { Key: not null } badSkill)
        {
            return (ProblemHttpResult)Problems.BadRequest($"skills.{badSkill.Key} must be a proficiency from 1 to 5", $"skills.{badSkill.Key}");
        }
        if (request.Capacity?.FirstOrDefault(c => c.Value is < 0 or > 100) is { Key: not null } badCapacity)
        {
            return (ProblemHttpResult)Problems.BadRequest($"capacity.{badCapacity.Key} must be 0–100 conversations", $"capacity.{badCapacity.Key}");
        }
        if (request.Password is { Length: < 8 })
        {
            return (ProblemHttpResult)Problems.BadRequest("password must have at least 8 characters", "password");
        }
        var email = Agent.NormalizeEmail(request.Email);
        if (await db.Agents.AnyAsync(a => a.EmailNormalized == email, ct))
        {
            return (ProblemHttpResult)Problems.Conflict($"An agent with e-mail {request.Email} already exists.");
        }
        var queueIds = request.Queues ?? [];
        var known = await db.Queues.Where(q => queueIds.Contains(q.Id)).Select(q => q.Id).ToListAsync(ct);
        if (queueIds.Except(known).FirstOrDefault() is var missing and not 0)
        {
            return (ProblemHttpResult)Problems.BadRequest($"queue {missing} does not exist in this workspace", "queues");
        }
        var now = time.GetUtcNow().UtcDateTime;
        var agent = WorkspaceProvisioner.NewAgent(user.WorkspaceId(), request.Name.Trim(), request.Email.Trim(), role,
            request.Password is null ? null : hasher.HashPassword(new object(), request.Password), now);
        agent.Skills = request.Skills ?? [];
        agent.Capacity = request.Capacity ?? agent.Capacity;
        db.Agents.Add(agent);
        await db.SaveChangesAsync(ct);
        db.QueueMembers.AddRange(known.Select(q => new QueueMember { WorkspaceId = agent.WorkspaceId, QueueId = q, AgentId = agent.Id }));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/agents/{agent.Id}", AgentJson.From(agent));
    }

    static async Task<Results<Ok<AgentJson>, ProblemHttpResult>> PresenceAsync(
        long id, PresenceRequest request, EarshotDbContext db, PresenceService presences, CancellationToken ct)
    {
        if (!Enum.TryParse<Presence>(request.Status?.Replace("_", ""), ignoreCase: true, out var presence) || int.TryParse(request.Status, out _))
        {
            return (ProblemHttpResult)Problems.BadRequest("status must be available, away, offline or wrap_up", "status");
        }
        var (agent, error) = await presences.SetAsync(db, id, presence, ct);
        if (agent is null)
        {
            return (ProblemHttpResult)Problems.NotFound($"Agent {id} does not exist in this workspace.");
        }
        if (error is not null)
        {
            return (ProblemHttpResult)Problems.Conflict($"Agent {id}: {error}");
        }
        return TypedResults.Ok(AgentJson.From(agent));
    }

    static async Task<Results<Ok<AgentJson>, ProblemHttpResult>> ScheduleAsync(
        long id, CalendarJson request, EarshotDbContext db, WorkSignals signals, CancellationToken ct)
    {
        var (schedule, error) = CalendarApi.Parse(request);
        if (schedule is null)
        {
            return (ProblemHttpResult)error!;
        }
        var agent = await db.Agents.SingleOrDefaultAsync(a => a.Id == id, ct);
        if (agent is null)
        {
            return (ProblemHttpResult)Problems.NotFound($"Agent {id} does not exist in this workspace.");
        }
        agent.Schedule = schedule.Hours.Count == 0 && schedule.Holidays.Count == 0 ? null : schedule;
        await db.SaveChangesAsync(ct);
        signals.Routing.Notify();
        return TypedResults.Ok(AgentJson.From(agent));
    }

    static async Task<Results<NoContent, ProblemHttpResult>> HeartbeatAsync(long id, EarshotDbContext db, PresenceService presences, CancellationToken ct) =>
        await presences.HeartbeatAsync(db, id, ct) ? TypedResults.NoContent() : (ProblemHttpResult)Problems.NotFound($"Agent {id} does not exist in this workspace.");

    static async Task<Results<Ok<List<OfferJson>>, ProblemHttpResult>> OffersAsync(long id, EarshotDbContext db, CancellationToken ct)
    {
        if (!await db.Agents.AnyAsync(a => a.Id == id, ct))
        {
            return (ProblemHttpResult)Problems.NotFound($"Agent {id} does not exist in this workspace.");
        }
        var offers = await db.Offers.AsNoTracking().Where(o => o.AgentId == id && o.Status == OfferStatus.Pending).OrderBy(o => o.OfferedAt).ToListAsync(ct);
        return TypedResults.Ok(offers.Select(OfferJson.From).ToList());
    }
}

public sealed record AgentRequest(
    string? Name, string? Email, string? Role, Dictionary<string, int>? Skills, Dictionary<string, int>? Capacity,
    string? Password, List<long>? Queues);

public sealed record PresenceRequest(string? Status);

public sealed record AgentJson(
    long Id, string Name, string Email, string Role, IReadOnlyDictionary<string, int> Skills,
    IReadOnlyDictionary<string, int> Capacity, string Presence, DateTime PresenceChangedAt,
    DateTime? WrapUpUntil = null, CalendarJson? Schedule = null)
{
    public static AgentJson From(Agent a) => new(
        a.Id, a.Name, a.Email, TriageJson.Name(a.Role), a.Skills, a.Capacity,
        a.Presence == Earshot.Core.Agents.Presence.WrapUp ? "wrap_up" : TriageJson.Name(a.Presence), a.PresenceChangedAt,
        a.WrapUpUntil, a.Schedule is null ? null : CalendarJson.From(a.Schedule));
}

public sealed record OfferJson(long Id, long ConversationId, long AgentId, string Status, string Reason, DateTime OfferedAt, DateTime ExpiresAt)
{
    public static OfferJson From(Offer o) => new(o.Id, o.ConversationId, o.AgentId, TriageJson.Name(o.Status), o.Reason, o.OfferedAt, o.ExpiresAt);
}
