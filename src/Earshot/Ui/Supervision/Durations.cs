namespace Earshot.Ui.Supervision;

/// <summary>Short, readable durations for the wallboard: 45 s, 12 min, 3 h 5 min, 2 d 4 h.</summary>
public static class Durations
{
    public static string Format(double? seconds)
    {
        if (seconds is not { } s)
        {
            return "–";
        }
        var span = TimeSpan.FromSeconds(Math.Max(0, s));
        return span.TotalSeconds < 60 ? $"{span.Seconds} s"
            : span.TotalMinutes < 60 ? $"{(int)span.TotalMinutes} min"
            : span.TotalHours < 24 ? $"{(int)span.TotalHours} h {span.Minutes} min"
            : $"{(int)span.TotalDays} d {span.Hours} h";
    }
}
