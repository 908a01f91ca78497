using Earshot.Core.Sla;

namespace Earshot.Tests.Sla;

public class SlaClockTests
{
    // Madrid is UTC+1 in November and December 2026; 8 December is a public holiday there.
    static readonly BusinessCalendar Madrid = BusinessCalendar.Weekdays(
        "Europe/Madrid", TimeSpan.FromHours(9), TimeSpan.FromHours(17), new DateOnly(2026, 12, 8));

    static DateTime Utc(string iso) => DateTime.SpecifyKind(DateTime.Parse(iso, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);

    [Theory]
    [InlineData("2026-11-25T09:00:00", 120, "2026-11-25T11:00:00")] // Wednesday 10:00 local, same day
    [InlineData("2026-11-27T17:00:00", 60, "2026-11-30T09:00:00")]  // Friday 18:00 local (closed) → Monday 10:00
    [InlineData("2026-11-27T15:30:00", 60, "2026-11-30T08:30:00")]  // Friday 16:30 local: 30 min Friday, 30 min Monday
    [InlineData("2026-11-28T10:00:00", 30, "2026-11-30T08:30:00")]  // Saturday: starts counting Monday 09:00
    [InlineData("2026-12-07T15:30:00", 60, "2026-12-09T08:30:00")]  // Monday 16:30 local, Tuesday holiday skipped
    [InlineData("2026-11-26T12:00:00", 480, "2026-11-27T12:00:00")] // Thursday 13:00 local + one business day
    [InlineData("2026-11-25T05:00:00", 0, "2026-11-25T05:00:00")]   // nothing to add
    public void Add_BusinessHoursCalendar_SkipsClosedTime(string start, int minutes, string expected)
    {
        var startUtc = Utc(start);

        var due = SlaClock.Add(startUtc, TimeSpan.FromMinutes(minutes), Madrid);

        Assert.Equal(Utc(expected), due);
        Assert.Equal(DateTimeKind.Utc, due.Kind);
    }

    [Theory]
    [InlineData("2026-11-27T17:00:00", "2026-11-30T09:00:00", 60)]  // Friday evening → Monday 10:00 local
    [InlineData("2026-11-27T15:00:00", "2026-11-30T09:00:00", 120)] // Friday 16:00 local → Monday 10:00 local
    [InlineData("2026-12-07T15:00:00", "2026-12-09T09:00:00", 120)] // across the holiday
    [InlineData("2026-11-28T08:00:00", "2026-11-29T20:00:00", 0)]   // the whole weekend
    [InlineData("2026-11-30T09:00:00", "2026-11-27T17:00:00", 0)]   // backwards
    public void Between_BusinessHoursCalendar_CountsOpenTimeOnly(string from, string to, int expectedMinutes)
    {
        var fromUtc = Utc(from);
        var toUtc = Utc(to);

        var elapsed = SlaClock.Between(fromUtc, toUtc, Madrid);

        Assert.Equal(TimeSpan.FromMinutes(expectedMinutes), elapsed);
    }

    [Theory]
    [InlineData("2026-11-27T17:00:00", 60)]
    [InlineData("2026-11-28T23:59:00", 3 * 24 * 60 + 7)]
    public void AddAndBetween_AlwaysOpenCalendar_EqualWallClock(string start, int minutes)
    {
        var startUtc = Utc(start);
        var duration = TimeSpan.FromMinutes(minutes);

        var due = SlaClock.Add(startUtc, duration, BusinessCalendar.AlwaysOpen);
        var elapsed = SlaClock.Between(startUtc, due, BusinessCalendar.AlwaysOpen);

        Assert.Equal(startUtc + duration, due);
        Assert.Equal(duration, elapsed);
    }

    [Fact]
    public void Add_AroundTheClockWithHoliday_SkipsTheHolidayOnly()
    {
        var calendar = new BusinessCalendar { TimeZoneId = "UTC", Holidays = [new DateOnly(2026, 12, 25)] };

        var due = SlaClock.Add(Utc("2026-12-24T23:00:00"), TimeSpan.FromHours(2), calendar);

        Assert.Equal(Utc("2026-12-26T01:00:00"), due);
    }

    [Fact]
    public void Add_AddThenBetween_RoundTrips()
    {
        var start = Utc("2026-11-27T14:10:00");

        var due = SlaClock.Add(start, TimeSpan.FromHours(13), Madrid);

        Assert.Equal(TimeSpan.FromHours(13), SlaClock.Between(start, due, Madrid));
    }

    [Theory]
    [InlineData("Mars/Olympus", 9, 17, "unknown time zone")]
    [InlineData("UTC", 17, 9, "close after they open")]
    [InlineData("UTC", 9, 25, "close after they open")]
    public void Problem_InvalidCalendar_NamesTheProblem(string zone, int opens, int closes, string expected)
    {
        var calendar = BusinessCalendar.Weekdays(zone, TimeSpan.FromHours(opens), TimeSpan.FromHours(closes));

        var problem = calendar.Problem();

        Assert.Contains(expected, problem);
    }
}
