using System.Security.Claims;
using Earshot.Core.Alerts;
using Earshot.Core.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Api;

/// <summary>Alerts for supervisors, raised by escalation steps.</summary>
public static class AlertsApi
{
    public static RouteGroupBuilder MapAlertsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/alerts").WithTags("Alerts");
        group.MapGet("/", ListAsync).WithSummary("Alerts, newest first; open ones only unless all=true");
        group.MapPost("/{id:long}/acknowledge", AcknowledgeAsync).WithSummary("Mark an alert as seen and handled");
        return api;
    }

    static async Task<Results<Ok<Page<AlertJson>>, ProblemHttpResult>> ListAsync(
        EarshotDbContext db, bool? all, int? limit, string? cursor, CancellationToken ct)
    {
        if (Paging.Validate(limit, cursor) is { } error)
        {
            return (ProblemHttpResult)Problems.BadRequest(error);
        }
        var take = Paging.Limit(limit);
        var after = Paging.Decode(cursor);
        var everything = all ?? false;
        var rows = await db.Alerts.AsNoTracking()
            .Where(a => (everything || a.AcknowledgedAt == null) && (after == null || a.Id < after))
            .OrderByDescending(a => a.Id)
            .Take(take + 1)
            .ToListAsync(ct);
        var items = rows.Take(take).Select(AlertJson.From).ToList();
        return TypedResults.Ok(new Page<AlertJson>(items, rows.Count > take ? Paging.Encode(items[^1].Id) : null));
    }

    static async Task<Results<Ok<AlertJson>, ProblemHttpResult>> AcknowledgeAsync(
        long id, ClaimsPrincipal user, EarshotDbContext db, TimeProvider time, CancellationToken ct)
    {
        var alert = await db.Alerts.SingleOrDefaultAsync(a => a.Id == id, ct);
        if (alert is null)
        {
            return (ProblemHttpResult)Problems.NotFound($"Alert {id} does not exist in this workspace.");
        }
        if (alert.AcknowledgedAt is null)
        {
            alert.AcknowledgedAt = time.GetUtcNow().UtcDateTime;
            alert.AcknowledgedBy = user.Actor();
            await db.SaveChangesAsync(ct);
        }
        return TypedResults.Ok(AlertJson.From(alert));
    }
}

public sealed record AlertJson(
    long Id, string Kind, long? ConversationId, long? QueueId, string Message, DateTime CreatedAt, DateTime? AcknowledgedAt, string? AcknowledgedBy)
{
    public static AlertJson From(Alert a) => new(a.Id, a.Kind, a.ConversationId, a.QueueId, a.Message, a.CreatedAt, a.AcknowledgedAt, a.AcknowledgedBy);
}
