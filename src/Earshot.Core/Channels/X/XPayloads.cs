using System.Text.Json.Serialization;
using Earshot.Core.Ingestion;

namespace Earshot.Core.Channels.X;

/// <summary>
/// A page of the X API v2 tweet lookups Earshot reads (recent search, mentions timeline): <c>data</c>, the
/// <c>includes.users</c> expansion of <c>author_id</c>, and <c>meta</c> with <c>newest_id</c> and <c>next_token</c>.
/// </summary>
internal sealed record XTweetPage
{
    [JsonPropertyName("data")] public List<XTweet>? Data { get; init; }
    [JsonPropertyName("includes")] public XIncludes? Includes { get; init; }
    [JsonPropertyName("meta")] public XMeta? Meta { get; init; }
}

internal sealed record XIncludes
{
    [JsonPropertyName("users")] public List<XUser>? Users { get; init; }
}

internal sealed record XMeta
{
    [JsonPropertyName("newest_id")] public string? NewestId { get; init; }
    [JsonPropertyName("oldest_id")] public string? OldestId { get; init; }
    [JsonPropertyName("result_count")] public int ResultCount { get; init; }
    [JsonPropertyName("next_token")] public string? NextToken { get; init; }
}

internal sealed record XTweet
{
    [JsonPropertyName("id")] public string Id { get; init; } = "";
    [JsonPropertyName("text")] public string Text { get; init; } = "";
    [JsonPropertyName("author_id")] public string? AuthorId { get; init; }
    [JsonPropertyName("created_at")] public DateTimeOffset? CreatedAt { get; init; }
    [JsonPropertyName("lang")] public string? Lang { get; init; }
    [JsonPropertyName("conversation_id")] public string? ConversationId { get; init; }
    [JsonPropertyName("public_metrics")] public XTweetMetrics? PublicMetrics { get; init; }
    [JsonPropertyName("referenced_tweets")] public List<XReferencedTweet>? ReferencedTweets { get; init; }

    /// <summary>The tweet as an Earshot post; the author comes from the <c>includes.users</c> expansion.</summary>
    public PostDocument ToPost(IReadOnlyDictionary<string, XUser> users)
    {
        var author = AuthorId is not null ? users.GetValueOrDefault(AuthorId) : null;
        return new PostDocument
        {
            Id = Id,
            Platform = XConnector.ConnectorName,
            Text = System.Net.WebUtility.HtmlDecode(Text),
            Author = author is null ? null : new PostAuthor
            {
                Handle = author.Username,
                Name = author.Name,
                Followers = Math.Max(0, author.PublicMetrics?.FollowersCount ?? 0),
                Verified = author.Verified,
            },
            CreatedAt = CreatedAt,
            // A reply threads under the tweet it answers; a quote is a new post about another one.
            InReplyTo = ReferencedTweets?.FirstOrDefault(r => r.Type == "replied_to")?.Id,
            // "und" is X's "undetermined", "qme"/"zxx" are media-only or no text: no language hint.
            Lang = Lang is null or "und" or "qme" or "zxx" or "qht" or "qam" ? null : Lang,
            Metrics = PublicMetrics is null ? null : new PostMetrics
            {
                Likes = PublicMetrics.LikeCount,
                Reposts = PublicMetrics.RetweetCount + PublicMetrics.QuoteCount,
                Replies = PublicMetrics.ReplyCount,
            },
        };
    }
}

internal sealed record XTweetMetrics
{
    [JsonPropertyName("retweet_count")] public long RetweetCount { get; init; }
    [JsonPropertyName("reply_count")] public long ReplyCount { get; init; }
    [JsonPropertyName("like_count")] public long LikeCount { get; init; }
    [JsonPropertyName("quote_count")] public long QuoteCount { get; init; }
}

internal sealed record XReferencedTweet
{
    /// <summary><c>replied_to</c>, <c>quoted</c> or <c>retweeted</c>.</summary>
    [JsonPropertyName("type")] public string? Type { get; init; }
    [JsonPropertyName("id")] public string? Id { get; init; }
}

internal sealed record XUser
{
    [JsonPropertyName("id")] public string Id { get; init; } = "";
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("username")] public string? Username { get; init; }
    [JsonPropertyName("verified")] public bool Verified { get; init; }
    [JsonPropertyName("public_metrics")] public XUserMetrics? PublicMetrics { get; init; }
}

internal sealed record XUserMetrics
{
    [JsonPropertyName("followers_count")] public long FollowersCount { get; init; }
}

/// <summary>The <c>data</c> object of a created tweet, DM event or user lookup.</summary>
internal sealed record XData<T>
{
    [JsonPropertyName("data")] public T? Data { get; init; }
}

internal sealed record XCreated
{
    [JsonPropertyName("id")] public string? Id { get; init; }
    [JsonPropertyName("dm_event_id")] public string? DmEventId { get; init; }
}
