namespace Earshot.Core.Conversations;

/// <summary>
/// An internal note: never sent to the customer, seen by colleagues on the conversation and, through its contact,
/// on every later conversation with the same customer.
/// </summary>
public sealed class ConversationNote
{
    public long Id { get; set; }
    public long WorkspaceId { get; set; }
    public long ConversationId { get; set; }
    /// <summary>The conversation's contact when the note was written, so the customer panel finds it later.</summary>
    public long? ContactId { get; set; }
    public long? AgentId { get; set; }
    public required string Author { get; set; }
    public required string Text { get; set; }
    public DateTime CreatedAt { get; set; }

    public const int MaxTextLength = 4_000;
}
