namespace Earshot.Core.Routing;

/// <summary>A conversation (or task) waiting for an agent.</summary>
public sealed record WaitingWork(
    long ConversationId,
    long QueueId,
    string Medium,
    int Priority,
    DateTime WaitingSince,
    IReadOnlyDictionary<string, int> RequiredSkills,
    IReadOnlySet<long> ExcludedAgents)
{
    /// <summary>The required skills as an array, so the router's inner loop neither allocates nor dispatches.</summary>
    internal KeyValuePair<string, int>[] RequiredList { get; } = [.. RequiredSkills];

    /// <summary>The agent who last served this customer within the queue's sticky window, tried first.</summary>
    public long? StickyAgentId { get; init; }
}
