namespace Earshot.Core.Listening;

/// <summary>
/// Says whether an incident is forming: the latest window's volume against the windows before it. It needs both a
/// real jump (a z-score, with the spread never taken below the Poisson noise of the baseline) and a real count, so
/// three posts in a quiet night are not a crisis, and some history, so a new workspace's first hour is not one either. Pure.
/// </summary>
public static class IncidentDetector
{
    public const int DefaultMinimumPosts = 10;
    public const double DefaultZScore = 3.0;
    public const double DefaultRatio = 2.0;

    public static IncidentSignal Evaluate(DateTime windowStart, DateTime windowEnd, int current, int currentNegative, IReadOnlyList<int> baseline,
        int minimumPosts = DefaultMinimumPosts, double zThreshold = DefaultZScore, double ratioThreshold = DefaultRatio)
    {
        var mean = baseline.Count == 0 ? 0 : baseline.Average();
        var variance = baseline.Count == 0 ? 0 : baseline.Sum(x => (x - mean) * (x - mean)) / baseline.Count;
        // Counts are Poisson-like: a perfectly flat baseline still has noise of about sqrt(mean), and at least 1.
        var spread = Math.Max(Math.Sqrt(variance), Math.Max(1, Math.Sqrt(mean)));
        var z = (current - mean) / spread;
        var ratio = current / Math.Max(mean, 1);
        // Without any history (a new workspace, a new source) every first hour would look like a crisis.
        var history = baseline.Any(x => x > 0);
        var forming = history && current >= minimumPosts && z >= zThreshold && ratio >= ratioThreshold;
        var reason = forming
            ? $"{current} posts in the last {Describe(windowEnd - windowStart)}, {ratio:0.#}× the usual {mean:0.#} (z = {z:0.#}); {currentNegative} negative"
            : !history
                ? $"{current} posts in the last {Describe(windowEnd - windowStart)}; nothing heard in the day before to compare with"
            : current < minimumPosts
                ? $"{current} posts in the last {Describe(windowEnd - windowStart)}: below the {minimumPosts} needed to call an incident"
                : $"{current} posts in the last {Describe(windowEnd - windowStart)} against a usual {mean:0.#}: within normal range";
        return new IncidentSignal(forming, windowStart, windowEnd, current, currentNegative, Math.Round(mean, 2), Math.Round(spread, 2),
            Math.Round(z, 2), Math.Round(ratio, 2), reason);
    }

    static string Describe(TimeSpan span) => span.TotalMinutes < 90 ? $"{span.TotalMinutes:0} min" : $"{span.TotalHours:0.#} h";
}

/// <summary>The incident signal: the window looked at, its counts, the baseline, and why it fired or not.</summary>
public sealed record IncidentSignal(
    bool Forming,
    DateTime WindowStart,
    DateTime WindowEnd,
    int Posts,
    int NegativePosts,
    double BaselineMean,
    double BaselineSpread,
    double ZScore,
    double Ratio,
    string Reason);
