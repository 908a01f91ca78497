using Earshot.Core.Data;
using Earshot.Core.Ingestion;
using Earshot.Core.Search;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Core.Listening;

/// <summary>
/// Listening analytics computed in the database: posts are grouped by hour and tag set there (a few hundred rows
/// for a week, whatever the volume), so only the top terms read post text — from the latest posts of the period.
/// </summary>
public static class ListeningAnalytics
{
    /// <summary>Ranges up to this long are drawn per hour; longer ones per day.</summary>
    public static readonly TimeSpan HourlyUpTo = TimeSpan.FromDays(3);

    /// <summary>The incident window (compared with the 24 hours before it).</summary>
    public static readonly TimeSpan IncidentWindow = TimeSpan.FromHours(1);

    const int BaselineWindows = 24;
    const int TermSample = 2000;
    const int TopTermCount = 25;

    public static async Task<ListeningSummary> SummaryAsync(EarshotDbContext db, long workspaceId, DateTime from, DateTime to, CancellationToken ct)
    {
        var hourly = to - from <= HourlyUpTo;
        var heard = Heard(db, workspaceId);
        var slots = await heard.Where(p => p.CreatedAt >= from && p.CreatedAt < to)
            .GroupBy(p => new { p.CreatedAt.Date, p.CreatedAt.Hour, p.Tags })
            .Select(g => new
            {
                g.Key.Date,
                g.Key.Hour,
                g.Key.Tags,
                Posts = g.Count(),
                Negative = g.Count(p => p.SentimentCompound <= SentimentBands.NegativeAtMost),
                Positive = g.Count(p => p.SentimentCompound >= SentimentBands.PositiveAtLeast),
                Sentiment = g.Sum(p => p.SentimentCompound),
            })
            .ToListAsync(ct);

        var points = Points(from, to, hourly);
        var index = points.Select((at, i) => (at, i)).ToDictionary(x => x.at, x => x.i);
        var posts = new int[points.Count];
        var negative = new int[points.Count];
        var positive = new int[points.Count];
        var sentiment = new double[points.Count];
        var perTag = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var slot in slots)
        {
            var at = DateTime.SpecifyKind(slot.Date, DateTimeKind.Utc).AddHours(hourly ? slot.Hour : 0);
            if (!index.TryGetValue(at, out var i))
            {
                continue;
            }
            posts[i] += slot.Posts;
            negative[i] += slot.Negative;
            positive[i] += slot.Positive;
            sentiment[i] += slot.Sentiment;
            foreach (var tag in slot.Tags.Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                if (!perTag.TryGetValue(tag, out var counts))
                {
                    perTag[tag] = counts = new int[points.Count];
                }
                counts[i] += slot.Posts;
            }
        }
        var series = points.Select((at, i) => new VolumePoint(at, posts[i], negative[i], posts[i] - negative[i] - positive[i], positive[i],
            posts[i] == 0 ? null : Math.Round(sentiment[i] / posts[i], 3))).ToList();

        var rules = await db.ListeningRules.AsNoTracking().Where(r => r.WorkspaceId == workspaceId)
            .Select(r => new { r.Tag, r.Name }).ToListAsync(ct);
        var ruleNames = rules.GroupBy(r => r.Tag, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);
        var mentions = perTag.Values.Sum(c => c.Sum());
        var share = perTag.Select(kv => (Tag: kv.Key, Posts: kv.Value.Sum(), Series: kv.Value))
            .OrderByDescending(t => t.Posts).ThenBy(t => t.Tag, StringComparer.Ordinal)
            .Select(t => new ShareOfVoice(t.Tag, ruleNames.GetValueOrDefault(t.Tag), t.Posts,
                mentions == 0 ? 0 : Math.Round(100.0 * t.Posts / mentions, 1), t.Series))
            .ToList();

        // The rules' own tags (brand names) are in nearly every post they match: they would top every list.
        var counter = new TermCounter(ruleNames.Keys);
        var texts = await heard.Where(p => p.CreatedAt >= from && p.CreatedAt < to)
            .OrderByDescending(p => p.Id).Take(TermSample).Select(p => p.Text).ToListAsync(ct);
        foreach (var text in texts)
        {
            counter.Add(text);
        }

        var total = posts.Sum();
        var totalNegative = negative.Sum();
        var totalPositive = positive.Sum();
        return new ListeningSummary(from, to, hourly ? "hour" : "day", total, totalNegative, total - totalNegative - totalPositive, totalPositive,
            total == 0 ? null : Math.Round(sentiment.Sum() / total, 3), series, share, counter.Top(TopTermCount),
            await IncidentAsync(db, workspaceId, to, ct));
    }

    /// <summary>Posts in the last <see cref="IncidentWindow"/> before <paramref name="end"/> against the hourly counts of the day before.</summary>
    public static async Task<IncidentSignal> IncidentAsync(EarshotDbContext db, long workspaceId, DateTime end, CancellationToken ct)
    {
        var heard = Heard(db, workspaceId);
        var start = end - IncidentWindow;
        var current = await heard.Where(p => p.CreatedAt >= start && p.CreatedAt < end)
            .GroupBy(p => 1)
            .Select(g => new { Posts = g.Count(), Negative = g.Count(p => p.SentimentCompound <= SentimentBands.NegativeAtMost) })
            .SingleOrDefaultAsync(ct);
        var baselineEnd = new DateTime(start.Year, start.Month, start.Day, start.Hour, 0, 0, DateTimeKind.Utc);
        var baselineStart = baselineEnd.AddHours(-BaselineWindows);
        var hours = await heard.Where(p => p.CreatedAt >= baselineStart && p.CreatedAt < baselineEnd)
            .GroupBy(p => new { p.CreatedAt.Date, p.CreatedAt.Hour })
            .Select(g => new { g.Key.Date, g.Key.Hour, Posts = g.Count() })
            .ToListAsync(ct);
        var baseline = new int[BaselineWindows];
        foreach (var hour in hours)
        {
            var i = (int)(DateTime.SpecifyKind(hour.Date, DateTimeKind.Utc).AddHours(hour.Hour) - baselineStart).TotalHours;
            if (i is >= 0 and < BaselineWindows)
            {
                baseline[i] += hour.Posts;
            }
        }
        return IncidentDetector.Evaluate(start, end, current?.Posts ?? 0, current?.Negative ?? 0, baseline);
    }

    static IQueryable<Post> Heard(EarshotDbContext db, long workspaceId) => db.Posts.AsNoTracking()
        .Where(p => p.WorkspaceId == workspaceId && p.Status == PostStatus.Processed && p.Direction == PostDirection.Inbound && !p.Spam);

    /// <summary>The start of every hour (or day) that overlaps [from, to).</summary>
    static List<DateTime> Points(DateTime from, DateTime to, bool hourly)
    {
        var step = hourly ? TimeSpan.FromHours(1) : TimeSpan.FromDays(1);
        var at = hourly ? new DateTime(from.Year, from.Month, from.Day, from.Hour, 0, 0, DateTimeKind.Utc) : DateTime.SpecifyKind(from.Date, DateTimeKind.Utc);
        var points = new List<DateTime>();
        for (; at < to; at += step)
        {
            points.Add(at);
        }
        return points;
    }
}
