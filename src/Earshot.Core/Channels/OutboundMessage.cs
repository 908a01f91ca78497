using Earshot.Core.Replies;

namespace Earshot.Core.Channels;

/// <summary>One reply to deliver, with what the platform needs to thread it.</summary>
public sealed record OutboundMessage(
    Source Source,
    long ReplyId,
    string Text,
    ReplyVisibility Visibility,
    string? InReplyToExternalId,
    string? RecipientHandle);
