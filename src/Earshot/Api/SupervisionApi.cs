using System.Security.Claims;
using Earshot.Core.Data;
using Earshot.Core.Listening;
using Earshot.Core.Supervision;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Earshot.Api;

/// <summary>The supervisor's live wallboard and the listening analytics.</summary>
public static class SupervisionApi
{
    static readonly TimeSpan MaxRange = TimeSpan.FromDays(366);

    public static RouteGroupBuilder MapSupervisionApi(this RouteGroupBuilder api)
    {
        api.MapGet("/wallboard", WallboardAsync).WithTags("Supervision")
            .WithSummary("Now, per queue: waiting, in progress, longest wait, first responses at risk (due within at_risk_minutes, default 15) "
                         + "and breached, offers pending; agents by presence with their load against capacity.");
        api.MapGet("/listening/summary", ListeningAsync).WithTags("Supervision")
            .WithSummary("Listening analytics for [from, to) (default: the last 24 hours): volume and sentiment per hour (ranges up to 3 days) "
                         + "or day, share of voice per listening rule tag, top terms, and whether an incident is forming in the last hour.");
        return api;
    }

    static async Task<Results<Ok<Wallboard>, ProblemHttpResult>> WallboardAsync(
        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "at_risk_minutes")] int? atRiskMinutes, ClaimsPrincipal user, EarshotDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (atRiskMinutes is < 1 or > 1440)
        {
            return (ProblemHttpResult)Problems.BadRequest("at_risk_minutes must be between 1 and 1440", "at_risk_minutes");
        }
        var now = time.GetUtcNow().UtcDateTime;
        return TypedResults.Ok(await WallboardBuilder.BuildAsync(db, user.WorkspaceId(), now, atRiskMinutes ?? WallboardBuilder.DefaultAtRiskMinutes, ct));
    }

    static async Task<Results<Ok<ListeningSummary>, ProblemHttpResult>> ListeningAsync(
        DateTimeOffset? from, DateTimeOffset? to, ClaimsPrincipal user, EarshotDbContext db, TimeProvider time, CancellationToken ct)
    {
        var end = to?.UtcDateTime ?? time.GetUtcNow().UtcDateTime;
        var start = from?.UtcDateTime ?? end.AddDays(-1);
        if (start >= end)
        {
            return (ProblemHttpResult)Problems.BadRequest("from must be before to", "from");
        }
        if (end - start > MaxRange)
        {
            return (ProblemHttpResult)Problems.BadRequest("the range may span at most 366 days", "from");
        }
        return TypedResults.Ok(await ListeningAnalytics.SummaryAsync(db, user.WorkspaceId(), start, end, ct));
    }
}
