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
    /// <summary>The agent who last served this customer within the queue's sticky window, tried first.</summary>
    public long? StickyAgentId { get; init; }
}
