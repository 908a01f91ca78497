using Earshot.Core.Conversations;
using Earshot.Core.Sla;
using Microsoft.Extensions.Time.Testing;

namespace Earshot.Tests.Sla;

/// <summary>Targets per priority band, next-response due times and working hours, over a weekend and a holiday.</summary>
public class SlaTargetTests
{
    // Office hours 09:00–17:00 Monday to Friday in Madrid (UTC+1 in winter); Tuesday 8 December 2026 is a holiday.
    static readonly BusinessCalendar Office = BusinessCalendar.Weekdays("Europe/Madrid", TimeSpan.FromHours(9), TimeSpan.FromHours(17), new DateOnly(2026, 12, 8));

    static readonly SlaPolicy Policy = new()
    {
        Name = "Banded",
        FirstResponseSeconds = 8 * 3600,
        NextResponseSeconds = 8 * 3600,
        ResolutionSeconds = 40 * 3600,
        Bands =
        [
            new SlaBand { Name = "high", MinPriority = 60, FirstResponseSeconds = 2 * 3600, NextResponseSeconds = 4 * 3600, ResolutionSeconds = 16 * 3600 },
            new SlaBand { Name = "urgent", MinPriority = 80, FirstResponseSeconds = 30 * 60, NextResponseSeconds = 3600, ResolutionSeconds = 8 * 3600 },
            new SlaBand { Name = "low", MinPriority = 0, FirstResponseSeconds = 16 * 3600, NextResponseSeconds = 16 * 3600, ResolutionSeconds = 80 * 3600 },
        ],
    };

    static DateTime Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(95, "urgent")]
    [InlineData(80, "urgent")]
    [InlineData(79, "high")]
    [InlineData(60, "high")]
    [InlineData(59, "low")]
    [InlineData(0, "low")]
    public void TargetsFor_Priority_PicksHighestBandReached(int priority, string band)
    {
        Assert.Equal(band, Policy.TargetsFor(priority).Band);
    }

    [Fact]
    public void TargetsFor_NoBands_UsesPolicyTargets()
    {
        var targets = new SlaPolicy { Name = "Flat", FirstResponseSeconds = 600 }.TargetsFor(99);

        Assert.Equal((SlaPolicy.DefaultBand, 600), (targets.Band, targets.FirstResponseSeconds));
    }

    // Opened (UTC) → first response due (UTC), by band. Friday 4 Dec 15:30 local is 14:30 UTC.
    [Theory]
    [InlineData(90, 12, 4, 14, 30, 12, 4, 15, 0)]   // urgent, 30 min, same afternoon
    [InlineData(70, 12, 4, 14, 30, 12, 7, 8, 30)]   // high, 2 h: 1.5 h on Friday, 30 min on Monday 09:00 local
    [InlineData(10, 12, 4, 14, 30, 12, 9, 14, 30)]  // low, 16 h: Fri 1.5 + Mon 8 + (Tue holiday) + Wed 6.5 → Wed 15:30 local
    [InlineData(90, 12, 5, 10, 0, 12, 7, 8, 30)]    // urgent opened on Saturday: the clock starts Monday 09:00 local
    public void SetDueTimes_ByBand_CountsBusinessHoursAcrossWeekendAndHoliday(int priority, int m, int d, int h, int min, int dm, int dd, int dh, int dmin)
    {
        var conversation = new Conversation { Channel = "x", Medium = "social", Priority = priority };

        SlaEvaluator.SetDueTimes(conversation, Utc(m, d, h, min), Policy, Office);

        Assert.Equal(Utc(dm, dd, dh, dmin), conversation.FirstResponseDueAt);
    }

    [Fact]
    public void SetNextResponseDue_CustomerWritesMondayEveningBeforeHoliday_DueWednesday()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(Utc(12, 7, 18), TimeSpan.Zero)); // Monday 19:00 local, closed
        var conversation = new Conversation { Channel = "x", Medium = "social", Priority = 85, SlaBand = "urgent", FirstResponseAt = Utc(12, 7, 10) };

        var set = SlaEvaluator.SetNextResponseDue(conversation, time.GetUtcNow().UtcDateTime, Policy, Office);

        Assert.True(set);
        Assert.Equal(Utc(12, 9, 9), conversation.NextResponseDueAt); // Tuesday is a holiday: Wednesday 10:00 local
    }

    [Fact]
    public void SetNextResponseDue_BeforeFirstResponseOrAlreadyWaiting_LeavesItAlone()
    {
        var unanswered = new Conversation { Channel = "x", Medium = "social" };
        var waiting = new Conversation { Channel = "x", Medium = "social", FirstResponseAt = Utc(12, 7, 9), NextResponseDueAt = Utc(12, 7, 13) };

        Assert.False(SlaEvaluator.SetNextResponseDue(unanswered, Utc(12, 7, 10), Policy, Office));
        Assert.False(SlaEvaluator.SetNextResponseDue(waiting, Utc(12, 7, 11), Policy, Office));
        Assert.Null(unanswered.NextResponseDueAt);
        Assert.Equal(Utc(12, 7, 13), waiting.NextResponseDueAt);
    }

    [Fact]
    public void RecordResponse_ClearsNextResponseDueAndBreach()
    {
        var conversation = new Conversation
        {
            Channel = "x", Medium = "social", FirstResponseAt = Utc(12, 7, 9), NextResponseDueAt = Utc(12, 7, 13), NextResponseBreachedAt = Utc(12, 7, 14),
        };

        conversation.RecordResponse(Utc(12, 7, 15));

        Assert.Null(conversation.NextResponseDueAt);
        Assert.Null(conversation.NextResponseBreachedAt);
    }

    [Theory]
    [InlineData(12, 7, 7, 30, 0.0)]    // Monday 08:30 local, still closed: the whole hour is left
    [InlineData(12, 7, 8, 0, 0.0)]     // 09:00 local, opening: the whole hour is left
    [InlineData(12, 7, 8, 30, 0.5)]    // 09:30 local: half the hour used
    [InlineData(12, 7, 9, 0, 1.0)]     // 10:00 local: due
    [InlineData(12, 7, 12, 0, 1.0)]    // past due
    public void ResponseShareUsed_NextResponse_CountsBusinessTimeLeft(int m, int d, int h, int min, double expected)
    {
        // The customer wrote back; our next response is due Monday 10:00 local (09:00 UTC), a one-hour target.
        var conversation = new Conversation { Channel = "x", Medium = "social", FirstResponseAt = Utc(12, 4, 9), NextResponseDueAt = Utc(12, 7, 9) };

        var share = SlaEvaluator.ResponseShareUsed(conversation, 3600, Office, Utc(m, d, h, min));

        Assert.Equal(expected, share, 3);
    }

    [Theory]
    [InlineData(12, 7, 8, 30, true)]   // Monday 09:30 local
    [InlineData(12, 7, 16, 0, false)]  // Monday 17:00 local: closed
    [InlineData(12, 8, 10, 0, false)]  // Tuesday: holiday
    [InlineData(12, 5, 10, 0, false)]  // Saturday
    public void IsOpen_WorkingHours_FollowCalendar(int m, int d, int h, int min, bool open)
    {
        Assert.Equal(open, SlaClock.IsOpen(Utc(m, d, h, min), Office));
    }
}
