namespace Earshot.Core.Sla;

/// <summary>
/// Business-time arithmetic over a <see cref="BusinessCalendar"/>: adds business time to an instant and measures
/// business time between instants, skipping closed hours, weekends and holidays. Pure; all instants are UTC.
/// </summary>
public static class SlaClock
{
    // A calendar whose holidays close every open day would otherwise be searched forever.
    const int MaxDaysSearched = 3660;

    /// <summary>The UTC instant at which <paramref name="duration"/> of business time has passed since <paramref name="startUtc"/>.</summary>
    public static DateTime Add(DateTime startUtc, TimeSpan duration, BusinessCalendar calendar)
    {
        if (calendar.IsAroundTheClock || duration <= TimeSpan.Zero)
        {
            return startUtc + duration;
        }
        var zone = TimeZoneInfo.FindSystemTimeZoneById(calendar.TimeZoneId);
        var remaining = duration;
        var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(startUtc, zone));
        for (var day = 0; day < MaxDaysSearched; day++, date = date.AddDays(1))
        {
            foreach (var (open, close) in OpenIntervals(date, calendar, zone))
            {
                var from = open > startUtc ? open : startUtc;
                if (from >= close)
                {
                    continue;
                }
                var available = close - from;
                if (remaining <= available)
                {
                    return from + remaining;
                }
                remaining -= available;
            }
        }
        throw new InvalidOperationException($"The business calendar has no open hours within {MaxDaysSearched} days.");
    }

    /// <summary>Business time between two UTC instants; zero when <paramref name="toUtc"/> is not after <paramref name="fromUtc"/>.</summary>
    public static TimeSpan Between(DateTime fromUtc, DateTime toUtc, BusinessCalendar calendar)
    {
        if (toUtc <= fromUtc)
        {
            return TimeSpan.Zero;
        }
        if (calendar.IsAroundTheClock)
        {
            return toUtc - fromUtc;
        }
        var zone = TimeZoneInfo.FindSystemTimeZoneById(calendar.TimeZoneId);
        var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(fromUtc, zone));
        var last = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(toUtc, zone));
        var total = TimeSpan.Zero;
        for (; date <= last; date = date.AddDays(1))
        {
            foreach (var (open, close) in OpenIntervals(date, calendar, zone))
            {
                var from = open > fromUtc ? open : fromUtc;
                var to = close < toUtc ? close : toUtc;
                if (to > from)
                {
                    total += to - from;
                }
            }
        }
        return total;
    }

    /// <summary>Whether the calendar is open at <paramref name="nowUtc"/> (an agent's working hours, a workspace's business hours).</summary>
    public static bool IsOpen(DateTime nowUtc, BusinessCalendar calendar)
    {
        if (calendar.IsAroundTheClock)
        {
            return true;
        }
        var zone = TimeZoneInfo.FindSystemTimeZoneById(calendar.TimeZoneId);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(nowUtc, zone));
        // Yesterday too: an interval ending at 24:00 local may end after midnight UTC.
        foreach (var date in new[] { today.AddDays(-1), today })
        {
            foreach (var (open, close) in OpenIntervals(date, calendar, zone))
            {
                if (nowUtc >= open && nowUtc < close)
                {
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>The day's open intervals as UTC instants, in order.</summary>
    static IEnumerable<(DateTime Open, DateTime Close)> OpenIntervals(DateOnly date, BusinessCalendar calendar, TimeZoneInfo zone)
    {
        if (calendar.Holidays.Contains(date))
        {
            yield break;
        }
        var midnight = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        if (calendar.Hours.Count == 0)
        {
            yield return (ToUtc(midnight, zone), ToUtc(midnight.AddDays(1), zone));
            yield break;
        }
        foreach (var hours in calendar.Hours.Where(h => h.Day == date.DayOfWeek).OrderBy(h => h.Opens))
        {
            yield return (ToUtc(midnight + hours.Opens, zone), ToUtc(midnight + hours.Closes, zone));
        }
    }

    static DateTime ToUtc(DateTime local, TimeZoneInfo zone)
    {
        // A local time skipped by a daylight-saving jump does not exist: the clock reads an hour later there.
        if (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }
        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }
}
