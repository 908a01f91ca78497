namespace Earshot.Core.Routing;

/// <summary>A conversation (or task) waiting for an agent.</summary>
public sealed record WaitingWork(
    long ConversationId,
    long QueueId,
    string Medium,
    int Priority,
    DateTime WaitingSince,
    IReadOnlyDictionary<string, int> RequiredSkills,
    IReadOnlySet<long> ExcludedAgents);
