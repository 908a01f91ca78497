namespace Earshot.Core.Alerts;

/// <summary>
/// Something a supervisor must look at (an escalation step asked for it): shown by GET /api/v1/alerts and on
/// the wallboard until acknowledged.
/// </summary>
public sealed class Alert
{
    /// <summary>Raised by a queue's escalation step.</summary>
    public const string EscalationKind = "escalation";

    public long Id { get; set; }
    public long WorkspaceId { get; set; }
    /// <summary>What raised it, e.g. <c>escalation</c>.</summary>
    public required string Kind { get; set; }
    public long? ConversationId { get; set; }
    public long? QueueId { get; set; }
    public required string Message { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? AcknowledgedAt { get; set; }
    /// <summary>Who acknowledged it (an API key or person), for the audit.</summary>
    public string? AcknowledgedBy { get; set; }
}
