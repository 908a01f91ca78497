namespace Earshot.Core.Reporting;

/// <summary>A fact written when a transition happens; reports read these, never recompute history.</summary>
public sealed class ReportingEvent
{
    public long Id { get; set; }
    public long WorkspaceId { get; set; }
    public ReportingEventKind Kind { get; set; }
    public long? ConversationId { get; set; }
    public long? AgentId { get; set; }
    public long? QueueId { get; set; }
    /// <summary>The medium's channel name (x, mastodon, email...).</summary>
    public required string Channel { get; set; }
    /// <summary>A duration in seconds where the event measures one (time to first response, handling time).</summary>
    public double? ValueSeconds { get; set; }
    public DateTime OccurredAt { get; set; }
}
