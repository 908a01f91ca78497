using Earshot.Core.Channels.Meta;
using Earshot.Core.Replies;

namespace Earshot.Core.Channels.Facebook;

/// <summary>
/// A Facebook page. Hears by Graph webhooks (<c>/hooks/facebook</c>: feed comments, visitor posts, Messenger
/// messages); answers a comment with a comment (<c>POST /{comment-id}/comments</c>), privately with a private reply
/// (<c>POST /{page-id}/messages</c>, <c>recipient.comment_id</c>) and a message with a message (<c>recipient.id</c>).
/// </summary>
public sealed class FacebookConnector(GraphApi graph) : IChannelConnector
{
    public const string ConnectorName = "facebook";
    public const string PageIdSetting = "page_id";
    public const string TokenSetting = "page_access_token";
    public const string AppSecretSetting = "app_secret";
    public const string VerifyTokenSetting = "verify_token";
    public const int MaxCommentLength = 8000;
    public const int MaxMessageLength = 2000;

    public string Name => ConnectorName;

    public async Task<SendResult> SendAsync(OutboundMessage message, CancellationToken ct)
    {
        var source = message.Source;
        var pageId = SourceSettings.String(source, PageIdSetting);
        var token = SourceSettings.String(source, TokenSetting);
        if (string.IsNullOrEmpty(pageId) || string.IsNullOrEmpty(token))
        {
            return SendResult.Failure($"Source '{source.Name}' needs '{PageIdSetting}' and '{TokenSetting}' to answer on Facebook.", retryable: false);
        }
        var text = message.Text.Trim();
        var target = message.InReplyToExternalId;
        // Messenger ids start with "m_"; comments and posts are numeric ("postid_commentid").
        var answersMessage = target is null || !IsGraphObjectId(target);
        if (answersMessage || message.Visibility == ReplyVisibility.Private)
        {
            if (text.Length > MaxMessageLength)
            {
                return SendResult.Failure($"The message is {text.Length:N0} characters; Messenger allows {MaxMessageLength:N0}.", retryable: false);
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
                return SendResult.Failure("A Messenger reply needs the customer's page-scoped id, and this conversation has none.", retryable: false);
            }
            return await graph.PostAsync(source, token, $"{Uri.EscapeDataString(pageId)}/messages",
                new { recipient, messaging_type = "RESPONSE", message = new { text } }, ct);
        }
        if (text.Length > MaxCommentLength)
        {
            return SendResult.Failure($"The comment is {text.Length:N0} characters; Facebook allows {MaxCommentLength:N0}.", retryable: false);
        }
        return await graph.PostAsync(source, token, $"{Uri.EscapeDataString(target!)}/comments", new { message = text }, ct);
    }

    /// <summary>Posts and comments have numeric ids, joined by '_' (page post 123_456, comment 456_789).</summary>
    public static bool IsGraphObjectId(string id) => id.Length > 0 && id.All(c => char.IsAsciiDigit(c) || c == '_');
}
