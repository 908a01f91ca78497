using System.Security.Cryptography;
using System.Text;

namespace Earshot.Core.Ingestion;

/// <summary>
/// Checks and normalizes a <see cref="PostDocument"/> into a storable <see cref="Post"/>. Pure: the same document
/// gives the same post, so a post without a platform id still deduplicates.
/// </summary>
public static class PostNormalizer
{
    public const int MaxTextLength = 100_000;
    public const int MaxIdLength = 256;
    public const int MaxHandleLength = 256;

    /// <summary>Returns the post, or the name of the bad field and what is wrong with it.</summary>
    public static (Post? Post, string? Field, string? Error) Normalize(PostDocument doc, long workspaceId, long sourceId, DateTime now)
    {
        if (string.IsNullOrWhiteSpace(doc.Text))
        {
            return (null, "text", "text is required and must not be empty");
        }
        if (doc.Text.Length > MaxTextLength)
        {
            return (null, "text", $"text is longer than {MaxTextLength:N0} characters");
        }
        if (doc.Id is { Length: > MaxIdLength })
        {
            return (null, "id", $"id is longer than {MaxIdLength} characters");
        }
        if (doc.Author?.Handle is { Length: > MaxHandleLength })
        {
            return (null, "author.handle", $"author.handle is longer than {MaxHandleLength} characters");
        }
        if (doc.Author is { Followers: < 0 })
        {
            return (null, "author.followers", "author.followers must not be negative");
        }
        if (doc.Metrics is { } m && (m.Likes < 0 || m.Reposts < 0 || m.Replies < 0))
        {
            return (null, "metrics", "metrics must not be negative");
        }
        var platform = NormalizePlatform(doc.Platform);
        if (platform is null)
        {
            return (null, "platform", "platform must be 1–32 letters, digits, '-' or '_'");
        }
        var text = doc.Text.Normalize(NormalizationForm.FormC);
        var createdAt = doc.CreatedAt?.UtcDateTime ?? now;
        if (createdAt > now.AddDays(1))
        {
            return (null, "created_at", "created_at is in the future");
        }
        var handle = doc.Author?.Handle?.Trim().TrimStart('@');
        var post = new Post
        {
            WorkspaceId = workspaceId,
            SourceId = sourceId,
            Platform = platform,
            ExternalId = string.IsNullOrWhiteSpace(doc.Id) ? ContentId(platform, handle, text, doc.CreatedAt) : doc.Id.Trim(),
            Text = text,
            AuthorHandle = string.IsNullOrEmpty(handle) ? null : handle,
            AuthorName = doc.Author?.Name?.Trim(),
            AuthorFollowers = doc.Author?.Followers ?? 0,
            AuthorVerified = doc.Author?.Verified ?? false,
            InReplyToExternalId = string.IsNullOrWhiteSpace(doc.InReplyTo) ? null : doc.InReplyTo.Trim(),
            ReferencesExternalIds = References(doc.References),
            RepostOfExternalId = string.IsNullOrWhiteSpace(doc.RepostOf) ? null : doc.RepostOf.Trim(),
            Private = doc.Private ?? platform == "email",
            LanguageHint = string.IsNullOrWhiteSpace(doc.Lang) ? null : doc.Lang.Trim().ToLowerInvariant(),
            Likes = doc.Metrics?.Likes ?? 0,
            Reposts = doc.Metrics?.Reposts ?? 0,
            Replies = doc.Metrics?.Replies ?? 0,
            CreatedAt = createdAt,
            ReceivedAt = now,
        };
        return (post, null, null);
    }

    /// <summary>Ids joined by spaces, newest kept when the list is longer than the column.</summary>
    static string? References(IReadOnlyList<string>? ids)
    {
        var clean = ids?.Select(i => i?.Trim()).Where(i => i is { Length: > 0 and <= MaxIdLength } && !i.Contains(' ')).ToList();
        if (clean is null || clean.Count == 0)
        {
            return null;
        }
        var joined = string.Join(' ', clean);
        while (joined.Length > 4000 && clean.Count > 1)
        {
            clean.RemoveAt(0);
            joined = string.Join(' ', clean);
        }
        return joined.Length > 4000 ? null : joined;
    }

    static string? NormalizePlatform(string? platform)
    {
        if (string.IsNullOrWhiteSpace(platform))
        {
            return "other";
        }
        var p = platform.Trim().ToLowerInvariant();
        if (p == "twitter")
        {
            return "x";
        }
        return p.Length <= 32 && p.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') ? p : null;
    }

    static string ContentId(string platform, string? handle, string text, DateTimeOffset? createdAt)
    {
        var key = $"{platform}\n{handle}\n{createdAt?.UtcDateTime:O}\n{text}";
        return "sha:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32];
    }
}
