using Earshot.Core.Conversations;
using Earshot.Core.Sla;
using Microsoft.Extensions.Time.Testing;

namespace Earshot.Tests.Sla;

public class SlaEvaluatorTests
{
    static readonly BusinessCalendar Madrid = BusinessCalendar.Weekdays("Europe/Madrid", TimeSpan.FromHours(9), TimeSpan.FromHours(17));
    static readonly SlaPolicy OneHour = new() { Name = "care", FirstResponseSeconds = 3600, ResolutionSeconds = 8 * 3600 };

    static Conversation NewConversation(DateTime openedAt) => new() { Channel = "x", Medium = "social", OpenedAt = openedAt };

    [Fact]
    public void SetDueTimes_FridayEveningPost_DueMonday()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 17, 0, 0, TimeSpan.Zero)); // Friday 18:00 Madrid
        var now = time.GetUtcNow().UtcDateTime;
        var conversation = NewConversation(now);

        SlaEvaluator.SetDueTimes(conversation, now, OneHour, Madrid);

        Assert.Equal(new DateTime(2026, 11, 30, 9, 0, 0, DateTimeKind.Utc), conversation.FirstResponseDueAt);
        Assert.Equal(new DateTime(2026, 11, 30, 16, 0, 0, DateTimeKind.Utc), conversation.ResolutionDueAt);
    }

    [Theory]
    [InlineData(0, 0.0)]       // Friday 18:00 local
    [InlineData(60 * 63, 0.0)] // Monday 09:00 local: the weekend did not count
    [InlineData(60 * 63 + 30, 0.5)]
    [InlineData(60 * 64, 1.0)]
    [InlineData(60 * 70, 1.0)]
    public void FirstResponseShareUsed_OverTheWeekend_CountsBusinessTime(int minutesLater, double expected)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 17, 0, 0, TimeSpan.Zero));
        var conversation = NewConversation(time.GetUtcNow().UtcDateTime);
        SlaEvaluator.SetDueTimes(conversation, conversation.OpenedAt, OneHour, Madrid);
        time.Advance(TimeSpan.FromMinutes(minutesLater));

        var share = SlaEvaluator.FirstResponseShareUsed(conversation, Madrid, time.GetUtcNow().UtcDateTime);

        Assert.Equal(expected, share, 3);
    }

    [Fact]
    public void FirstResponseBreachDue_OverdueUnanswered_TrueOnceOnly()
    {
        var opened = new DateTime(2026, 11, 25, 9, 0, 0, DateTimeKind.Utc);
        var conversation = NewConversation(opened);
        SlaEvaluator.SetDueTimes(conversation, opened, OneHour, BusinessCalendar.AlwaysOpen);
        var late = opened.AddMinutes(61);

        var before = SlaEvaluator.FirstResponseBreachDue(conversation, opened.AddMinutes(59));
        var after = SlaEvaluator.FirstResponseBreachDue(conversation, late);
        conversation.FirstResponseBreachedAt = late;
        var recorded = SlaEvaluator.FirstResponseBreachDue(conversation, late.AddMinutes(1));

        Assert.False(before);
        Assert.True(after);
        Assert.False(recorded);
    }
}
