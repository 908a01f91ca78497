namespace Earshot.Core.Replies;

/// <summary>An image attached to a reply: where to fetch it when the reply is sent, and its alt text.</summary>
public sealed record ReplyAttachment(string Url, string? Description = null);
