using Earshot.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Core.Reporting;

/// <summary>Builds reports from the reporting events written at transition time.</summary>
public static class ReportBuilder
{
    static readonly ReportingEventKind[] Kinds =
    [
        ReportingEventKind.ConversationOpened, ReportingEventKind.ConversationResolved,
        ReportingEventKind.FirstResponse, ReportingEventKind.ReplySent, ReportingEventKind.SlaBreached,
    ];

    public static async Task<ReportSummary> SummaryAsync(EarshotDbContext db, long workspaceId, DateTime from, DateTime to, CancellationToken ct)
    {
        var events = await db.ReportingEvents
            .Where(e => e.WorkspaceId == workspaceId && e.OccurredAt >= from && e.OccurredAt < to && Kinds.Contains(e.Kind))
            .Select(e => new EventRow(e.Kind, e.Channel, e.ValueSeconds, e.ConversationId))
            .ToListAsync(ct);
        // Compliance is about the conversations opened in the period, whose breaches may come after its end.
        var breachedConversations = (await db.ReportingEvents
                .Where(e => e.WorkspaceId == workspaceId && e.Kind == ReportingEventKind.SlaBreached && e.OccurredAt >= from && e.ConversationId != null)
                .Select(e => e.ConversationId!.Value)
                .ToListAsync(ct))
            .ToHashSet();
        var channels = events.GroupBy(e => e.Channel).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Figures(g.Key, g.ToList(), breachedConversations)).ToList();
        return new ReportSummary(from, to, Figures("all", events, breachedConversations), channels);
    }

    static ChannelFigures Figures(string channel, IReadOnlyCollection<EventRow> events, IReadOnlySet<long> breachedConversations)
    {
        var firstResponses = Values(events, ReportingEventKind.FirstResponse);
        var resolutions = Values(events, ReportingEventKind.ConversationResolved);
        var opened = events.Where(e => e.Kind == ReportingEventKind.ConversationOpened).ToList();
        return new ChannelFigures(
            channel,
            opened.Count,
            events.Count(e => e.Kind == ReportingEventKind.ConversationResolved),
            events.Count(e => e.Kind == ReportingEventKind.ReplySent),
            firstResponses.Length,
            Percentile(firstResponses, 0.5),
            Percentile(firstResponses, 0.9),
            Percentile(resolutions, 0.5))
        {
            SlaBreaches = events.Count(e => e.Kind == ReportingEventKind.SlaBreached),
            SlaCompliancePercent = CompliancePercent(opened.Count, opened.Count(e => e.ConversationId is { } id && breachedConversations.Contains(id))),
        };
    }

    /// <summary>The share of conversations that met their first-response target, rounded to 0.1; null when none opened.</summary>
    public static double? CompliancePercent(int opened, int breached) =>
        opened == 0 ? null : Math.Round(100.0 * (opened - breached) / opened, 1);

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

    readonly record struct EventRow(ReportingEventKind Kind, string Channel, double? ValueSeconds, long? ConversationId);
}
