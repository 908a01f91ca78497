namespace Earshot.Core.Routing;

/// <summary>
/// What happens to a conversation still waiting <see cref="AfterMinutes"/> after it entered its queue: its priority
/// rises, its required skills widen (any proficiency will do), it overflows to another queue, and/or a supervisor
/// is alerted. Applied once.
/// </summary>
public sealed record EscalationStep
{
    public int AfterMinutes { get; init; }
    public int RaisePriorityBy { get; init; }
    /// <summary>Drop the queue's minimum proficiencies: an agent with the skill at any level qualifies.</summary>
    public bool WidenSkills { get; init; }
    public long? OverflowQueueId { get; init; }
    /// <summary>Raise an alert for supervisors (GET /api/v1/alerts, the wallboard).</summary>
    public bool AlertSupervisor { get; init; }
}
