namespace Earshot.Ui.Desktop;

/// <summary>How close a conversation is to its SLA target: green while there is time, amber in the last quarter, red once missed.</summary>
public enum SlaLevel { None, Ok, Amber, Red }

/// <summary>The SLA countdown a row shows: the level (its colour) and the time left or over, e.g. "4m 05s" or "2m 10s over".</summary>
public readonly record struct SlaCountdown(SlaLevel Level, string Text)
{
    /// <summary>Amber when less than this share of the whole target is left.</summary>
    public const double AmberShare = 0.25;

    public static SlaCountdown Evaluate(DateTime startedAt, DateTime? dueAt, DateTime now)
    {
        if (dueAt is not { } due)
        {
            return new(SlaLevel.None, "no SLA");
        }
        var left = due - now;
        if (left <= TimeSpan.Zero)
        {
            return new(SlaLevel.Red, $"{Format(-left)} over");
        }
        var whole = due - startedAt;
        var level = whole > TimeSpan.Zero && left.Ticks <= whole.Ticks * AmberShare ? SlaLevel.Amber : SlaLevel.Ok;
        return new(level, Format(left));
    }

    /// <summary>The CSS class for the level (colours with AA contrast on white).</summary>
    public string CssClass => Level switch
    {
        SlaLevel.Red => "sla-red",
        SlaLevel.Amber => "sla-amber",
        SlaLevel.Ok => "sla-ok",
        _ => "",
    };

    public static string Format(TimeSpan span) =>
        span.TotalHours >= 1 ? $"{(int)span.TotalHours}h {span.Minutes:D2}m"
        : span.TotalMinutes >= 1 ? $"{span.Minutes}m {span.Seconds:D2}s"
        : $"{Math.Max(0, span.Seconds)}s";
}
