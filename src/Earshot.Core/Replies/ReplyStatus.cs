namespace Earshot.Core.Replies;

/// <summary>queued = in the outbox, waiting for the sender; sent / failed after the platform answered.</summary>
public enum ReplyStatus { Draft, AwaitingApproval, Queued, Sent, Failed }
