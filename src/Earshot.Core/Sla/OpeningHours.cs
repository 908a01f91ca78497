namespace Earshot.Core.Sla;

/// <summary>
/// One opening interval on a weekday, in the calendar's local time. <see cref="Closes"/> may be 24:00 (a
/// <see cref="TimeSpan"/> of one day) for "until midnight"; an interval never crosses midnight.
/// </summary>
public sealed record OpeningHours(DayOfWeek Day, TimeSpan Opens, TimeSpan Closes);
