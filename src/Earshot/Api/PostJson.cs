using Earshot.Core.Ingestion;

namespace Earshot.Api;

/// <summary>
/// A stored post as the API shows it. <c>private</c> marks a direct message or e-mail in a conversation's timeline;
/// <c>duplicate_of</c> names the post this one repeats (a repost, a cross-post), which is not queued again.
/// </summary>
public sealed record PostJson(
    long Id,
    string ExternalId,
    string Platform,
    string Direction,
    string Text,
    AuthorJson Author,
    DateTime CreatedAt,
    DateTime ReceivedAt,
    string? InReplyTo,
    string Status,
    long? ConversationId,
    TriageJson? Triage,
    bool Private = false,
    long? DuplicateOf = null)
{
    public static PostJson From(Post p) => new(
        p.Id, p.ExternalId, p.Platform, TriageJson.Name(p.Direction), p.Text,
        new AuthorJson(p.AuthorHandle, p.AuthorName, p.AuthorFollowers, p.AuthorVerified),
        p.CreatedAt, p.ReceivedAt, p.InReplyToExternalId, TriageJson.Name(p.Status), p.ConversationId, TriageJson.From(p),
        p.Private, p.DuplicateOfPostId);
}

public sealed record AuthorJson(string? Handle, string? Name, long Followers, bool Verified);
