namespace Earshot.Core.Routing;

/// <summary>The router offers a conversation to one agent; a unique index allows one pending offer per conversation.</summary>
public sealed class Offer
{
    public long Id { get; set; }
    public long WorkspaceId { get; set; }
    public long ConversationId { get; set; }
    public long AgentId { get; set; }
    public OfferStatus Status { get; set; } = OfferStatus.Pending;
    /// <summary>Why the router chose this agent, in words a supervisor reads.</summary>
    public string Reason { get; set; } = "";
    public DateTime OfferedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? RespondedAt { get; set; }
}
