using Earshot.Core.Replies;

namespace Earshot.Core.Channels;

/// <summary>
/// One reply to deliver, with what the platform needs to thread it. <see cref="Subject"/> is the conversation's
/// subject, for media that have one (e-mail). <see cref="Media"/> are images to attach, on networks that take them.
/// </summary>
public sealed record OutboundMessage(
    Source Source,
    long ReplyId,
    string Text,
    ReplyVisibility Visibility,
    string? InReplyToExternalId,
    string? RecipientHandle,
    string? Subject = null,
    IReadOnlyList<OutboundMedia>? Media = null);
