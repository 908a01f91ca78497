namespace Earshot.Core.Sla;

/// <summary>
/// A workspace's working week: its time zone, weekly opening hours and holidays. SLA targets are counted only
/// while the calendar is open. No opening hours means open around the clock (holidays still close it).
/// </summary>
public sealed record BusinessCalendar
{
    /// <summary>Around the clock, no holidays: business time equals wall-clock time.</summary>
    public static BusinessCalendar AlwaysOpen { get; } = new();

    /// <summary>An IANA or Windows time zone id; opening hours and holidays are in this zone.</summary>
    public string TimeZoneId { get; init; } = "UTC";
    public IReadOnlyList<OpeningHours> Hours { get; init; } = [];
    /// <summary>Local dates on which the calendar is closed all day.</summary>
    public IReadOnlyList<DateOnly> Holidays { get; init; } = [];

    public bool IsAroundTheClock => Hours.Count == 0 && Holidays.Count == 0;

    /// <summary>Monday to Friday, <paramref name="opens"/> to <paramref name="closes"/> local time.</summary>
    public static BusinessCalendar Weekdays(string timeZoneId, TimeSpan opens, TimeSpan closes, params DateOnly[] holidays) => new()
    {
        TimeZoneId = timeZoneId,
        Hours = [.. new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .Select(d => new OpeningHours(d, opens, closes))],
        Holidays = holidays,
    };

    /// <summary>A reason the calendar is unusable, or null when it is valid.</summary>
    public string? Problem()
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZoneId, out _))
        {
            return $"unknown time zone '{TimeZoneId}'";
        }
        foreach (var h in Hours)
        {
            if (h.Opens < TimeSpan.Zero || h.Closes > TimeSpan.FromDays(1) || h.Closes <= h.Opens)
            {
                return $"opening hours on {h.Day} must be within 00:00–24:00 and close after they open";
            }
        }
        return null;
    }
}
