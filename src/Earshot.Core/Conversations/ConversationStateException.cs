namespace Earshot.Core.Conversations;

/// <summary>A transition that the conversation's current state does not allow (the API answers 409).</summary>
public sealed class ConversationStateException(string message) : InvalidOperationException(message);
