using System.Globalization;
using Earshot.Api;
using Earshot.Core.Data;
using Earshot.Core.Sla;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Ui.Admin;

/// <summary>
/// The workspace's business calendar as the admin form edits it: a time zone, opening hours per weekday and holiday
/// dates. Parsed and checked by the same code as <c>PUT /api/v1/calendar</c>; errors are keyed by the field they
/// belong to (<c>TimeZone</c>, <c>Hours.Monday</c>, <c>Holidays.2</c>).
/// </summary>
public sealed class CalendarForm
{
    public const string TimeZoneField = "TimeZone";

    /// <summary>One weekday: open or not, and from when to when (HH:mm, closes may be 24:00).</summary>
    public sealed class DayRow
    {
        public DayOfWeek Day { get; init; }
        public bool Open { get; set; }
        public string Opens { get; set; } = "09:00";
        public string Closes { get; set; } = "17:00";
        public string Field => $"Hours.{Day}";
    }

    /// <summary>One holiday (yyyy-MM-dd, as a date input gives it).</summary>
    public sealed class HolidayRow
    {
        public string? Date { get; set; }
    }

    static readonly DayOfWeek[] Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public string TimeZone { get; set; } = "UTC";
    public List<DayRow> Days { get; } = [.. Week.Select(d => new DayRow { Day = d })];
    public List<HolidayRow> Holidays { get; } = [];

    public static string HolidayField(int index) => $"Holidays.{index}";

    public static CalendarForm From(BusinessCalendar calendar)
    {
        var form = new CalendarForm { TimeZone = calendar.TimeZoneId };
        foreach (var hours in calendar.Hours)
        {
            // The form has one interval per weekday; a calendar with several keeps its first here.
            var row = form.Days.Single(d => d.Day == hours.Day);
            if (!row.Open)
            {
                row.Open = true;
                row.Opens = Format(hours.Opens);
                row.Closes = Format(hours.Closes);
            }
        }
        form.Holidays.AddRange(calendar.Holidays.Order().Select(h => new HolidayRow { Date = h.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }));
        return form;
    }

    /// <summary>The form as the API's request, and which form field each list item came from.</summary>
    public (CalendarJson Request, List<string> HourFields) ToRequest()
    {
        var open = Days.Where(d => d.Open).ToList();
        var request = new CalendarJson(
            string.IsNullOrWhiteSpace(TimeZone) ? null : TimeZone.Trim(),
            [.. open.Select(d => new OpeningHoursJson(d.Day.ToString().ToLowerInvariant(), d.Opens.Trim(), d.Closes.Trim()))],
            [.. Holidays.Select(h => h.Date?.Trim() ?? "")]);
        return (request, [.. open.Select(d => d.Field)]);
    }

    /// <summary>Saves the calendar on the workspace; the errors (field → message) are empty when it was saved.</summary>
    public async Task<Dictionary<string, string>> SaveAsync(EarshotDbContext db, long workspaceId, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(TimeZone))
        {
            errors[TimeZoneField] = "Give a time zone, e.g. Europe/Madrid or UTC.";
        }
        for (var i = 0; i < Holidays.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(Holidays[i].Date))
            {
                errors[HolidayField(i)] = "Choose a date, or remove this holiday.";
            }
        }
        if (errors.Count > 0)
        {
            return errors;
        }
        var (request, hourFields) = ToRequest();
        var (calendar, problem) = CalendarApi.Parse(request);
        if (calendar is null)
        {
            var (field, detail) = ApiProblem.Read(problem!);
            var key = FieldOf(field, hourFields, detail);
            errors[key] = key.StartsWith("Hours.", StringComparison.Ordinal) && field is not null && field.StartsWith("hours[", StringComparison.Ordinal)
                ? "Opens and closes are times as HH:mm (closes may be 24:00)."
                : ApiProblem.Sentence(field, detail);
            return errors;
        }
        var workspace = await db.Workspaces.SingleAsync(w => w.Id == workspaceId, ct);
        workspace.Calendar = calendar with { Holidays = [.. calendar.Holidays.Distinct().Order()] };
        await db.SaveChangesAsync(ct);
        return errors;
    }

    string FieldOf(string? field, List<string> hourFields, string detail)
    {
        if (field is null or "time_zone")
        {
            return TimeZoneField;
        }
        if (field.StartsWith("holidays[", StringComparison.Ordinal) && Index(field) is { } h)
        {
            return HolidayField(h);
        }
        if (field.StartsWith("hours[", StringComparison.Ordinal) && Index(field) is { } i && i < hourFields.Count)
        {
            return hourFields[i];
        }
        // The calendar's own check names the weekday in its message ("opening hours on Monday ...").
        return Days.FirstOrDefault(d => detail.Contains($" {d.Day} ", StringComparison.Ordinal))?.Field ?? TimeZoneField;
    }

    static int? Index(string field)
    {
        var open = field.IndexOf('[');
        var close = field.IndexOf(']');
        return open >= 0 && close > open && int.TryParse(field[(open + 1)..close], out var i) ? i : null;
    }

    static string Format(TimeSpan t) => t >= TimeSpan.FromDays(1) ? "24:00" : t.ToString(@"hh\:mm", CultureInfo.InvariantCulture);
}
