namespace Earshot.Core.Replies;

/// <summary>
/// queued = in the outbox, waiting for the sender; sent / failed after the platform answered; awaiting approval =
/// held by the tone and risk check for a supervisor; rejected = a supervisor stopped it.
/// </summary>
public enum ReplyStatus { Draft, AwaitingApproval, Queued, Sent, Failed, Rejected }
