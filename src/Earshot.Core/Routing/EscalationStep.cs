namespace Earshot.Core.Routing;

/// <summary>
/// What happens to a conversation still waiting <see cref="AfterMinutes"/> after it entered its queue: its priority
/// rises, its required skills widen (any proficiency will do), and/or it overflows to another queue. Applied once.
/// </summary>
public sealed record EscalationStep
{
    public int AfterMinutes { get; init; }
    public int RaisePriorityBy { get; init; }
    /// <summary>Drop the queue's minimum proficiencies: an agent with the skill at any level qualifies.</summary>
    public bool WidenSkills { get; init; }
    public long? OverflowQueueId { get; init; }
}
