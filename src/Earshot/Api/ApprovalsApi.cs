using System.Security.Claims;
using Earshot.Core.Data;
using Earshot.Core.Replies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Api;

/// <summary>
/// Replies the tone and risk check held back: supervisors (and admins) list, approve or reject them. Other roles get 403.
/// </summary>
public static class ApprovalsApi
{
    public static RouteGroupBuilder MapApprovalsApi(this RouteGroupBuilder api)
    {
        var supervisors = api.MapGroup("").WithTags("Approvals").RequireAuthorization(p => p.RequireRole("supervisor", "admin"));
        supervisors.MapGet("/approvals", ListAsync).WithSummary("Replies awaiting a supervisor's approval, oldest first, with the reasons they were held");
        supervisors.MapPost("/replies/{id:long}/approve", ApproveAsync).WithSummary("Approve a held reply: it goes to the outbox and is sent");
        supervisors.MapPost("/replies/{id:long}/reject", RejectAsync).WithSummary("Reject a held reply with a reason; it is never sent");
        return api;
    }

    static async Task<Ok<List<ApprovalJson>>> ListAsync(EarshotDbContext db, int? limit, CancellationToken ct)
    {
        var take = Math.Clamp(limit ?? 100, 1, 500);
        var rows = await ReplyService.AwaitingApproval(db).AsNoTracking()
            .Join(db.Conversations, r => r.ConversationId, c => c.Id, (r, c) => new { Reply = r, c.Channel, c.Subject, c.Risks, c.AssigneeId })
            .Take(take)
            .ToListAsync(ct);
        var agentIds = rows.Select(r => r.Reply.AgentId).OfType<long>().Distinct().ToList();
        var names = await db.Agents.Where(a => agentIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        return TypedResults.Ok(rows.Select(r => new ApprovalJson(
            ReplyJson.From(r.Reply), r.Reply.ConversationId, r.Channel, r.Subject, TriageJson.RiskNames(r.Risks),
            r.Reply.AgentId is { } id && names.TryGetValue(id, out var name) ? name : null)).ToList());
    }

    static async Task<Results<Ok<ReplyJson>, ProblemHttpResult>> ApproveAsync(
        long id, ClaimsPrincipal user, EarshotDbContext db, ReplyService replies, CancellationToken ct) =>
        Answer(id, await replies.ApproveAsync(db, id, user.Actor(), ct));

    static async Task<Results<Ok<ReplyJson>, ProblemHttpResult>> RejectAsync(
        long id, RejectReplyRequest? request, ClaimsPrincipal user, EarshotDbContext db, ReplyService replies, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request?.Reason))
        {
            return (ProblemHttpResult)Problems.BadRequest("reason is required: tell the agent what to change", "reason");
        }
        return Answer(id, await replies.RejectAsync(db, id, user.Actor(), request.Reason, ct));
    }

    static Results<Ok<ReplyJson>, ProblemHttpResult> Answer(long id, (Reply? Reply, string? Error) outcome) =>
        outcome.Reply is null ? (ProblemHttpResult)Problems.NotFound($"Reply {id} does not exist in this workspace.")
        : outcome.Error is not null ? (ProblemHttpResult)Problems.Conflict(outcome.Error)
        : TypedResults.Ok(ReplyJson.From(outcome.Reply));
}

public sealed record RejectReplyRequest(string? Reason);

/// <summary>A held reply with what a supervisor needs to decide: the conversation, its risks, the agent, the reasons.</summary>
public sealed record ApprovalJson(
    ReplyJson Reply, long ConversationId, string Channel, string Subject, IReadOnlyList<string> Risks, string? AgentName);
