using System.Text.Json.Serialization;
using Earshot.Core.Ingestion;

namespace Earshot.Core.Channels.Mastodon;

/// <summary>The fields Earshot reads of a Mastodon Status entity (docs.joinmastodon.org/entities/Status).</summary>
public sealed record MastodonStatus
{
    [JsonPropertyName("id")] public string Id { get; init; } = "";
    [JsonPropertyName("created_at")] public DateTimeOffset? CreatedAt { get; init; }
    [JsonPropertyName("in_reply_to_id")] public string? InReplyToId { get; init; }
    [JsonPropertyName("language")] public string? Language { get; init; }
    [JsonPropertyName("content")] public string? Content { get; init; }
    [JsonPropertyName("spoiler_text")] public string? SpoilerText { get; init; }
    [JsonPropertyName("favourites_count")] public long FavouritesCount { get; init; }
    [JsonPropertyName("reblogs_count")] public long ReblogsCount { get; init; }
    [JsonPropertyName("replies_count")] public long RepliesCount { get; init; }
    [JsonPropertyName("account")] public MastodonAccount? Account { get; init; }

    /// <summary>The status as an Earshot post: HTML content to text, the content warning kept in front.</summary>
    public PostDocument ToPost()
    {
        var text = HtmlText.ToText(Content);
        if (!string.IsNullOrWhiteSpace(SpoilerText))
        {
            text = $"CW: {SpoilerText.Trim()}\n\n{text}";
        }
        return new PostDocument
        {
            Id = Id,
            Platform = MastodonConnector.ConnectorName,
            Text = text,
            Author = Account is null ? null : new PostAuthor
            {
                Handle = Account.Acct,
                Name = string.IsNullOrWhiteSpace(Account.DisplayName) ? Account.Acct : Account.DisplayName,
                Followers = Math.Max(0, Account.FollowersCount),
            },
            CreatedAt = CreatedAt,
            InReplyTo = InReplyToId,
            Lang = Language,
            Metrics = new PostMetrics { Likes = FavouritesCount, Reposts = ReblogsCount, Replies = RepliesCount },
        };
    }
}

/// <summary>The author of a status (docs.joinmastodon.org/entities/Account).</summary>
public sealed record MastodonAccount
{
    /// <summary><c>user</c> on the home instance, <c>user@other.instance</c> for remote accounts.</summary>
    [JsonPropertyName("acct")] public string Acct { get; init; } = "";
    [JsonPropertyName("display_name")] public string? DisplayName { get; init; }
    [JsonPropertyName("followers_count")] public long FollowersCount { get; init; }
}

/// <summary>A notification (docs.joinmastodon.org/entities/Notification); mentions carry the status.</summary>
public sealed record MastodonNotification
{
    [JsonPropertyName("id")] public string Id { get; init; } = "";
    [JsonPropertyName("type")] public string? Type { get; init; }
    [JsonPropertyName("status")] public MastodonStatus? Status { get; init; }
}

/// <summary>The answer of <c>GET /api/v2/search</c> (docs.joinmastodon.org/entities/Search); Earshot reads the statuses.</summary>
public sealed record MastodonSearchResults
{
    [JsonPropertyName("statuses")] public List<MastodonStatus> Statuses { get; init; } = [];
}
