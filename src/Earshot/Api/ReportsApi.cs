using System.Security.Claims;
using Earshot.Core.Data;
using Earshot.Core.Reporting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Earshot.Api;

/// <summary>Reports read from the events written when conversations change state.</summary>
public static class ReportsApi
{
    static readonly TimeSpan MaxRange = TimeSpan.FromDays(366);

    public static RouteGroupBuilder MapReportsApi(this RouteGroupBuilder api)
    {
        api.MapGroup("/reports").WithTags("Reports")
            .MapGet("/summary", SummaryAsync)
            .WithSummary("Conversations opened and resolved, replies, median and p90 time to first response — overall and by channel. Defaults to the last 7 days.");
        return api;
    }

    static async Task<Results<Ok<ReportSummary>, ProblemHttpResult>> SummaryAsync(
        DateTimeOffset? from, DateTimeOffset? to, ClaimsPrincipal user, EarshotDbContext db, TimeProvider time, CancellationToken ct)
    {
        var end = to?.UtcDateTime ?? time.GetUtcNow().UtcDateTime;
        var start = from?.UtcDateTime ?? end.AddDays(-7);
        if (start >= end)
        {
            return (ProblemHttpResult)Problems.BadRequest("from must be before to", "from");
        }
        if (end - start > MaxRange)
        {
            return (ProblemHttpResult)Problems.BadRequest("the range may span at most 366 days", "from");
        }
        return TypedResults.Ok(await ReportBuilder.SummaryAsync(db, user.WorkspaceId(), start, end, ct));
    }
}
