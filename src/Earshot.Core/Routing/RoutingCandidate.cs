namespace Earshot.Core.Routing;

/// <summary>An agent as the router sees them: skills, free capacity and how long since their last work.</summary>
public sealed record RoutingCandidate(
    long AgentId,
    string Name,
    IReadOnlyDictionary<string, int> Skills,
    IReadOnlyDictionary<string, int> Capacity,
    IReadOnlyDictionary<string, int> Busy,
    DateTime IdleSince,
    IReadOnlySet<long> Queues)
{
    public int FreeFor(string medium) =>
        (Capacity.TryGetValue(medium, out var cap) ? cap : 0) - (Busy.TryGetValue(medium, out var busy) ? busy : 0);

    /// <summary>Conversations held in every medium; computed once (a changed load is a new candidate, not a <c>with</c>).</summary>
    public int TotalBusy { get; } = Busy.Values.Sum();
}
