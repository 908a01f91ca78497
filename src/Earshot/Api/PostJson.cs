using Earshot.Core.Ingestion;

namespace Earshot.Api;

/// <summary>A stored post as the API shows it.</summary>
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
    TriageJson? Triage)
{
    public static PostJson From(Post p) => new(
        p.Id, p.ExternalId, p.Platform, TriageJson.Name(p.Direction), p.Text,
        new AuthorJson(p.AuthorHandle, p.AuthorName, p.AuthorFollowers, p.AuthorVerified),
        p.CreatedAt, p.ReceivedAt, p.InReplyToExternalId, TriageJson.Name(p.Status), p.ConversationId, TriageJson.From(p));
}

public sealed record AuthorJson(string? Handle, string? Name, long Followers, bool Verified);
