using Earshot.Core.Conversations;

namespace Earshot.Core.Sla;

/// <summary>Due times and SLA standing of a conversation, in business time. Pure.</summary>
public static class SlaEvaluator
{
    /// <summary>
    /// Sets the first-response and resolution due times of a conversation opened at <paramref name="openedAt"/>, from
    /// the targets of its priority band (the band is kept on the conversation and does not change with later priority).
    /// </summary>
    public static void SetDueTimes(Conversation conversation, DateTime openedAt, SlaPolicy policy, BusinessCalendar calendar)
    {
        var targets = policy.TargetsFor(conversation.Priority);
        conversation.SlaBand = targets.Band;
        conversation.FirstResponseDueAt = SlaClock.Add(openedAt, TimeSpan.FromSeconds(targets.FirstResponseSeconds), calendar);
        conversation.ResolutionDueAt = SlaClock.Add(openedAt, TimeSpan.FromSeconds(targets.ResolutionSeconds), calendar);
    }

    /// <summary>
    /// The customer wrote at <paramref name="inboundAt"/>: when we have answered before and no next response is due
    /// yet, the next response is due after the band's next-response target. True when a due time was set.
    /// </summary>
    public static bool SetNextResponseDue(Conversation conversation, DateTime inboundAt, SlaPolicy policy, BusinessCalendar calendar)
    {
        if (conversation.FirstResponseAt is null || conversation.NextResponseDueAt is not null
            || conversation.Status is ConversationStatus.Closed)
        {
            return false; // the first response is still due, or the customer is already waiting for the next one
        }
        var targets = policy.Bands.FirstOrDefault(b => b.Name == conversation.SlaBand) is { } band
            ? new SlaTargets(band.Name, band.FirstResponseSeconds, band.NextResponseSeconds, band.ResolutionSeconds)
            : policy.TargetsFor(conversation.Priority);
        conversation.NextResponseDueAt = SlaClock.Add(inboundAt, TimeSpan.FromSeconds(targets.NextResponseSeconds), calendar);
        conversation.NextResponseBreachedAt = null;
        return true;
    }

    /// <summary>
    /// The share (0 to 1) of the response target the customer is waiting on (first or next) already used, in business
    /// time. <paramref name="nextResponseSeconds"/> is the next-response target, whose wait started at the last inbound.
    /// </summary>
    public static double ResponseShareUsed(Conversation conversation, int nextResponseSeconds, BusinessCalendar calendar, DateTime now)
    {
        if (conversation.FirstResponseAt is null)
        {
            return FirstResponseShareUsed(conversation, calendar, now);
        }
        if (conversation.NextResponseDueAt is not { } due || nextResponseSeconds <= 0)
        {
            return 0;
        }
        if (now >= due)
        {
            return 1;
        }
        var left = SlaClock.Between(now, due, calendar).TotalSeconds;
        return Math.Clamp(1 - left / nextResponseSeconds, 0, 1);
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

    /// <summary>True when the customer's next response is overdue and that breach has not been recorded yet.</summary>
    public static bool NextResponseBreachDue(Conversation conversation, DateTime now) =>
        conversation.NextResponseBreachedAt is null && conversation.NextResponseDueAt is { } due && now > due
        && conversation.Status is not (ConversationStatus.Resolved or ConversationStatus.Closed);

    /// <summary>True when the conversation is unresolved past its resolution target and no breach has been recorded.</summary>
    public static bool ResolutionBreachDue(Conversation conversation, DateTime now) =>
        conversation.ResolutionBreachedAt is null && conversation.ResolutionDueAt is { } due && now > due
        && conversation.Status is not (ConversationStatus.Resolved or ConversationStatus.Closed);
}
