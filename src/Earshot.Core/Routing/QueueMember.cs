namespace Earshot.Core.Routing;

/// <summary>An agent who works a queue.</summary>
public sealed class QueueMember
{
    public long WorkspaceId { get; set; }
    public long QueueId { get; set; }
    public long AgentId { get; set; }
}
