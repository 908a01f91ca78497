using System.Globalization;
using System.Security.Claims;
using Earshot.Core.Data;
using Earshot.Core.Sla;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Api;

/// <summary>The workspace's business calendar, which SLA targets are counted in.</summary>
public static class CalendarApi
{
    public static RouteGroupBuilder MapCalendarApi(this RouteGroupBuilder api)
    {
        var calendar = api.MapGroup("/calendar").WithTags("SLA policies");
        calendar.MapGet("/", GetAsync).WithSummary("Business hours and holidays that SLA targets count (none = around the clock)");
        calendar.MapPut("/", PutAsync).WithSummary("Set the time zone, weekly opening hours and holidays; applies to conversations opened from now on");
        return api;
    }

    static async Task<Ok<CalendarJson>> GetAsync(ClaimsPrincipal user, EarshotDbContext db, CancellationToken ct)
    {
        var workspace = await db.Workspaces.AsNoTracking().SingleAsync(w => w.Id == user.WorkspaceId(), ct);
        return TypedResults.Ok(CalendarJson.From(workspace.Calendar));
    }

    static async Task<Results<Ok<CalendarJson>, ProblemHttpResult>> PutAsync(CalendarJson request, ClaimsPrincipal user, EarshotDbContext db, CancellationToken ct)
    {
        var (calendar, error) = Parse(request);
        if (calendar is null)
        {
            return (ProblemHttpResult)error!;
        }
        var workspace = await db.Workspaces.SingleAsync(w => w.Id == user.WorkspaceId(), ct);
        workspace.Calendar = calendar;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(CalendarJson.From(calendar));
    }

    /// <summary>A calendar from its JSON, or a 400 problem naming the field that is wrong.</summary>
    internal static (BusinessCalendar? Calendar, IResult? Error) Parse(CalendarJson request)
    {
        var hours = new List<OpeningHours>();
        for (var i = 0; i < (request.Hours?.Count ?? 0); i++)
        {
            var h = request.Hours![i];
            if (!Enum.TryParse<DayOfWeek>(h.Day, ignoreCase: true, out var day) || int.TryParse(h.Day, out _)
                || !TryTime(h.Opens, out var opens) || !TryTime(h.Closes, out var closes))
            {
                return (null, Problems.BadRequest($"hours[{i}] needs a day (monday…sunday) and opens/closes as HH:mm (closes may be 24:00)", $"hours[{i}]"));
            }
            hours.Add(new OpeningHours(day, opens, closes));
        }
        var holidays = new List<DateOnly>();
        for (var i = 0; i < (request.Holidays?.Count ?? 0); i++)
        {
            if (!DateOnly.TryParseExact(request.Holidays![i], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return (null, Problems.BadRequest($"holidays[{i}] must be a date as yyyy-MM-dd", $"holidays[{i}]"));
            }
            holidays.Add(date);
        }
        var calendar = new BusinessCalendar { TimeZoneId = request.TimeZone ?? "UTC", Hours = hours, Holidays = holidays };
        if (calendar.Problem() is { } problem)
        {
            return (null, Problems.BadRequest(problem, problem.StartsWith("unknown", StringComparison.Ordinal) ? "time_zone" : "hours"));
        }
        return (calendar, null);
    }

    static bool TryTime(string? text, out TimeSpan time)
    {
        time = default;
        if (text == "24:00")
        {
            time = TimeSpan.FromDays(1);
            return true;
        }
        if (TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t))
        {
            time = t.ToTimeSpan();
            return true;
        }
        return false;
    }
}

/// <summary>A business calendar: local opening hours per weekday and holiday dates, in one time zone.</summary>
public sealed record CalendarJson(string? TimeZone, List<OpeningHoursJson>? Hours, List<string>? Holidays)
{
    public static CalendarJson From(BusinessCalendar c) => new(
        c.TimeZoneId,
        [.. c.Hours.Select(h => new OpeningHoursJson(h.Day.ToString().ToLowerInvariant(), Format(h.Opens), Format(h.Closes)))],
        [.. c.Holidays.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))]);

    static string Format(TimeSpan t) => t >= TimeSpan.FromDays(1) ? "24:00" : t.ToString(@"hh\:mm", CultureInfo.InvariantCulture);
}

public sealed record OpeningHoursJson(string? Day, string? Opens, string? Closes);
