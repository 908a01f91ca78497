namespace Earshot.Core.Routing;

/// <summary>The agent chosen for a conversation and why, in words a supervisor reads.</summary>
public sealed record RoutingDecision(long ConversationId, long AgentId, string Reason);
