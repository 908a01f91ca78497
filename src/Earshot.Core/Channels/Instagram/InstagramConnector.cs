using Earshot.Core.Channels.Facebook;
using Earshot.Core.Channels.Meta;
using Earshot.Core.Replies;

namespace Earshot.Core.Channels.Instagram;

/// <summary>
/// An Instagram professional account. Hears by Graph webhooks (<c>/hooks/instagram</c>: comments and messages);
/// answers a comment with a reply (<c>POST /{ig-comment-id}/replies</c>), privately with a private reply
/// (<c>POST /{ig-user-id}/messages</c>, <c>recipient.comment_id</c>) and a message with a message (<c>recipient.id</c>).
/// </summary>
public sealed class InstagramConnector(GraphApi graph) : IChannelConnector
{
    public const string ConnectorName = "instagram";
    public const string AccountIdSetting = "ig_user_id";
    public const string TokenSetting = "access_token";
    public const int MaxCommentLength = 2200;
    public const int MaxMessageLength = 1000;

    public string Name => ConnectorName;

    public async Task<SendResult> SendAsync(OutboundMessage message, CancellationToken ct)
    {
        var source = message.Source;
        var accountId = SourceSettings.String(source, AccountIdSetting);
        var token = SourceSettings.String(source, TokenSetting);
        if (string.IsNullOrEmpty(accountId) || string.IsNullOrEmpty(token))
        {
            return SendResult.Failure($"Source '{source.Name}' needs '{AccountIdSetting}' and '{TokenSetting}' to answer on Instagram.", retryable: false);
        }
        var text = message.Text.Trim();
        var target = message.InReplyToExternalId;
        // Comment ids are numeric; message ids are long opaque strings.
        var answersMessage = target is null || !FacebookConnector.IsGraphObjectId(target);
        if (answersMessage || message.Visibility == ReplyVisibility.Private)
        {
            if (text.Length > MaxMessageLength)
            {
                return SendResult.Failure($"The message is {text.Length:N0} characters; Instagram messages allow {MaxMessageLength:N0}.", retryable: false);
            }
            object recipient;
            if (!answersMessage)
            {
                recipient = new { comment_id = target };
            }
            else if (!string.IsNullOrWhiteSpace(message.RecipientHandle))
            {
                recipient = new { id = message.RecipientHandle };
            }
            else
            {
                return SendResult.Failure("An Instagram message needs the customer's Instagram-scoped id, and this conversation has none.", retryable: false);
            }
            return await graph.PostAsync(source, token, $"{Uri.EscapeDataString(accountId)}/messages", new { recipient, message = new { text } }, ct);
        }
        if (text.Length > MaxCommentLength)
        {
            return SendResult.Failure($"The reply is {text.Length:N0} characters; Instagram comments allow {MaxCommentLength:N0}.", retryable: false);
        }
        return await graph.PostAsync(source, token, $"{Uri.EscapeDataString(target!)}/replies", new { message = text }, ct);
    }
}
