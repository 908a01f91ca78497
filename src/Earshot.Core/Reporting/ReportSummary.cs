namespace Earshot.Core.Reporting;

/// <summary>How the center served its customers in a period, overall and per channel.</summary>
public sealed record ReportSummary(
    DateTime From,
    DateTime To,
    ChannelFigures Total,
    IReadOnlyList<ChannelFigures> Channels);

/// <summary>Counts and response times for one channel (or all of them).</summary>
public sealed record ChannelFigures(
    string Channel,
    int ConversationsOpened,
    int ConversationsResolved,
    int RepliesSent,
    int FirstResponses,
    double? FirstResponseMedianSeconds,
    double? FirstResponseP90Seconds,
    double? ResolutionMedianSeconds)
{
    /// <summary>First-response targets missed in the period, counted when they were missed.</summary>
    public int SlaBreaches { get; init; }
    /// <summary>Of the conversations opened in the period, the percentage whose first-response target was not breached.</summary>
    public double? SlaCompliancePercent { get; init; }
}
