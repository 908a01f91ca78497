using System.Text.Json.Serialization;

namespace Earshot.Core.Ingestion;

/// <summary>
/// A post as JSON — the public shape read by <c>POST /api/v1/posts</c>, <c>earshot import</c> and
/// <c>earshot classify</c>. Only <c>text</c> is required.
/// </summary>
public sealed record PostDocument
{
    /// <summary>The platform's id of the post. Posts without one get an id derived from their content.</summary>
    [JsonPropertyName("id")] public string? Id { get; init; }
    /// <summary>x, mastodon, bluesky, reddit, facebook, instagram, rss, email, ... (default: other).</summary>
    [JsonPropertyName("platform")] public string? Platform { get; init; }
    /// <summary>The post's text.</summary>
    [JsonPropertyName("text")] public string? Text { get; init; }
    [JsonPropertyName("author")] public PostAuthor? Author { get; init; }
    /// <summary>When the author posted it (ISO 8601). Defaults to the time Earshot received it.</summary>
    [JsonPropertyName("created_at")] public DateTimeOffset? CreatedAt { get; init; }
    /// <summary>The platform id of the post this one answers.</summary>
    [JsonPropertyName("in_reply_to")] public string? InReplyTo { get; init; }
    /// <summary>Earlier posts of the same thread, oldest first (e-mail <c>References</c>); used when <c>in_reply_to</c> is unknown.</summary>
    [JsonPropertyName("references")] public IReadOnlyList<string>? References { get; init; }
    /// <summary>The platform id of the post this one reposts (retweet, boost, reblog).</summary>
    [JsonPropertyName("repost_of")] public string? RepostOf { get; init; }
    /// <summary>A private item (direct message, e-mail) rather than a public post. E-mail is always private.</summary>
    [JsonPropertyName("private")] public bool? Private { get; init; }
    /// <summary>The language the platform declared, if any.</summary>
    [JsonPropertyName("lang")] public string? Lang { get; init; }
    [JsonPropertyName("metrics")] public PostMetrics? Metrics { get; init; }
}

/// <summary>The author of a post as the platform describes them.</summary>
public sealed record PostAuthor
{
    [JsonPropertyName("handle")] public string? Handle { get; init; }
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("followers")] public long Followers { get; init; }
    [JsonPropertyName("verified")] public bool Verified { get; init; }
}

/// <summary>Engagement counters at the time the post was read.</summary>
public sealed record PostMetrics
{
    [JsonPropertyName("likes")] public long Likes { get; init; }
    [JsonPropertyName("reposts")] public long Reposts { get; init; }
    [JsonPropertyName("replies")] public long Replies { get; init; }
}
