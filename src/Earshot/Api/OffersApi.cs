using Earshot.Core.Data;
using Earshot.Core.Routing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Earshot.Api;

/// <summary>An agent's answer to an offer.</summary>
public static class OffersApi
{
    public static RouteGroupBuilder MapOffersApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/offers").WithTags("Offers");
        group.MapPost("/{id:long}/accept", AcceptAsync).WithSummary("Accept an offer: the conversation is assigned to the agent");
        group.MapPost("/{id:long}/reject", RejectAsync).WithSummary("Reject an offer: the conversation goes to the next agent");
        return api;
    }

    static async Task<Results<Ok<OfferResponse>, ProblemHttpResult>> AcceptAsync(long id, EarshotDbContext db, OfferService offers, CancellationToken ct) =>
        Answer(id, await offers.AcceptAsync(db, id, ct), "accepted");

    static async Task<Results<Ok<OfferResponse>, ProblemHttpResult>> RejectAsync(long id, RejectRequest? request, EarshotDbContext db, OfferService offers, CancellationToken ct) =>
        Answer(id, await offers.RejectAsync(db, id, request?.Reason, ct), "rejected");

    static Results<Ok<OfferResponse>, ProblemHttpResult> Answer(long id, OfferOutcome outcome, string status) =>
        !outcome.Found ? (ProblemHttpResult)Problems.NotFound($"Offer {id} does not exist in this workspace.")
        : outcome.Error is not null ? (ProblemHttpResult)Problems.Conflict(outcome.Error)
        : TypedResults.Ok(new OfferResponse(id, status, outcome.ConversationId));
}

public sealed record RejectRequest(string? Reason);

public sealed record OfferResponse(long Id, string Status, long ConversationId);
