namespace Earshot.Core.Routing;

/// <summary>The result of acting on an offer or a conversation: done, not found, or refused with a reason.</summary>
public sealed record OfferOutcome(bool Found, string? Error, long ConversationId)
{
    public static OfferOutcome NotFound { get; } = new(false, null, 0);
    public static OfferOutcome Conflict(string error) => new(true, error, 0);
    public static OfferOutcome Done(long conversationId) => new(true, null, conversationId);
}
