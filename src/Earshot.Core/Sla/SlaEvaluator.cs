using Earshot.Core.Conversations;

namespace Earshot.Core.Sla;

/// <summary>Due times and SLA standing of a conversation, in business time. Pure.</summary>
public static class SlaEvaluator
{
    /// <summary>Sets the first-response and resolution due times of a conversation opened at <paramref name="openedAt"/>.</summary>
    public static void SetDueTimes(Conversation conversation, DateTime openedAt, SlaPolicy policy, BusinessCalendar calendar)
    {
        conversation.FirstResponseDueAt = SlaClock.Add(openedAt, TimeSpan.FromSeconds(policy.FirstResponseSeconds), calendar);
        conversation.ResolutionDueAt = SlaClock.Add(openedAt, TimeSpan.FromSeconds(policy.ResolutionSeconds), calendar);
    }

    /// <summary>
    /// The share (0 to 1) of the first-response target already used, counted in business time, so that work
    /// queued over a weekend does not look overdue on Monday morning. Zero when there is no target or it was met.
    /// </summary>
    public static double FirstResponseShareUsed(Conversation conversation, BusinessCalendar calendar, DateTime now)
    {
        if (conversation.FirstResponseDueAt is not { } due || conversation.FirstResponseAt is not null)
        {
            return 0;
        }
        var target = SlaClock.Between(conversation.OpenedAt, due, calendar);
        if (target <= TimeSpan.Zero || now >= due)
        {
            return 1;
        }
        return Math.Clamp(SlaClock.Between(conversation.OpenedAt, now, calendar) / target, 0, 1);
    }

    /// <summary>True when the first response is overdue and no breach has been recorded yet.</summary>
    public static bool FirstResponseBreachDue(Conversation conversation, DateTime now) =>
        conversation.FirstResponseAt is null && conversation.FirstResponseBreachedAt is null
        && conversation.FirstResponseDueAt is { } due && now > due
        && conversation.Status is not (ConversationStatus.Resolved or ConversationStatus.Closed);
}
