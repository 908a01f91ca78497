namespace Earshot.Core.Workspaces;

/// <summary>What a person or key may do in a workspace.</summary>
public enum AgentRoleName { Agent, Supervisor, Marketing, Admin }
