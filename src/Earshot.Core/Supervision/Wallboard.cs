using Earshot.Core.Agents;

namespace Earshot.Core.Supervision;

/// <summary>The live picture of a workspace's queues and agents at one moment.</summary>
public sealed record Wallboard(
    DateTime At,
    int SlaAtRiskMinutes,
    WallboardQueue Total,
    IReadOnlyList<WallboardQueue> Queues,
    IReadOnlyDictionary<string, int> AgentsByPresence,
    IReadOnlyList<WallboardAgent> Agents);

/// <summary>
/// One queue: conversations waiting (open, no agent yet) and in hand (assigned or pending), how long the oldest
/// waiting one has waited, first-response targets about to be missed and already missed, and offers out.
/// </summary>
public sealed record WallboardQueue(
    long QueueId,
    string Name,
    int Waiting,
    int InProgress,
    double? LongestWaitSeconds,
    int SlaAtRisk,
    int SlaBreached,
    int OffersPending);

/// <summary>One agent: presence, conversations in hand against capacity, and offers waiting for an answer.</summary>
public sealed record WallboardAgent(
    long AgentId,
    string Name,
    string Role,
    Presence Presence,
    DateTime PresenceChangedAt,
    int Active,
    int Capacity,
    int OffersPending)
{
    /// <summary>Active conversations as a share of capacity, 0 to 1 (1 when there is no capacity at all).</summary>
    public double Load => Capacity <= 0 ? (Active > 0 ? 1 : 0) : Math.Min(1, (double)Active / Capacity);
}
