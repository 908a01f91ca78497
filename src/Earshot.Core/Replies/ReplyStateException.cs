namespace Earshot.Core.Replies;

/// <summary>A reply transition that its current state does not allow.</summary>
public sealed class ReplyStateException(string message) : Exception(message);
