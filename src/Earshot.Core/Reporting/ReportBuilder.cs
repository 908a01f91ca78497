using Earshot.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Core.Reporting;

/// <summary>Builds reports from the reporting events written at transition time.</summary>
public static class ReportBuilder
{
    static readonly ReportingEventKind[] Kinds =
    [
        ReportingEventKind.ConversationOpened, ReportingEventKind.ConversationResolved,
        ReportingEventKind.FirstResponse, ReportingEventKind.ReplySent,
    ];

    public static async Task<ReportSummary> SummaryAsync(EarshotDbContext db, long workspaceId, DateTime from, DateTime to, CancellationToken ct)
    {
        var events = await db.ReportingEvents
            .Where(e => e.WorkspaceId == workspaceId && e.OccurredAt >= from && e.OccurredAt < to && Kinds.Contains(e.Kind))
            .Select(e => new EventRow(e.Kind, e.Channel, e.ValueSeconds))
            .ToListAsync(ct);
        var channels = events.GroupBy(e => e.Channel).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Figures(g.Key, g.ToList())).ToList();
        return new ReportSummary(from, to, Figures("all", events), channels);
    }

    static ChannelFigures Figures(string channel, IReadOnlyCollection<EventRow> events)
    {
        var firstResponses = Values(events, ReportingEventKind.FirstResponse);
        var resolutions = Values(events, ReportingEventKind.ConversationResolved);
        return new ChannelFigures(
            channel,
            events.Count(e => e.Kind == ReportingEventKind.ConversationOpened),
            events.Count(e => e.Kind == ReportingEventKind.ConversationResolved),
            events.Count(e => e.Kind == ReportingEventKind.ReplySent),
            firstResponses.Length,
            Percentile(firstResponses, 0.5),
            Percentile(firstResponses, 0.9),
            Percentile(resolutions, 0.5));
    }

    static double[] Values(IEnumerable<EventRow> events, ReportingEventKind kind) =>
        [.. events.Where(e => e.Kind == kind && e.ValueSeconds is not null).Select(e => e.ValueSeconds!.Value).Order()];

    /// <summary>Linear interpolation between closest ranks over sorted values; null when there are none.</summary>
    public static double? Percentile(double[] sorted, double p)
    {
        if (sorted.Length == 0)
        {
            return null;
        }
        var rank = p * (sorted.Length - 1);
        var low = (int)Math.Floor(rank);
        var high = (int)Math.Ceiling(rank);
        return Math.Round(sorted[low] + (sorted[high] - sorted[low]) * (rank - low), 3);
    }

    readonly record struct EventRow(ReportingEventKind Kind, string Channel, double? ValueSeconds);
}
