namespace Earshot.Core.Agents;

/// <summary>
/// Whether an agent takes work. <see cref="WrapUp"/> is the after-conversation time: the agent finishes notes
/// and is offered nothing until it ends, then is available again.
/// </summary>
public enum Presence { Offline, Available, Away, WrapUp }
