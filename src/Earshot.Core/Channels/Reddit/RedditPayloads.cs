using System.Text.Json.Serialization;
using Earshot.Core.Ingestion;

namespace Earshot.Core.Channels.Reddit;

/// <summary>A Reddit Listing: <c>{"kind":"Listing","data":{"children":[{"kind":"t3","data":{…}}],"after","before"}}</c>.</summary>
internal sealed record RedditListing
{
    [JsonPropertyName("kind")] public string? Kind { get; init; }
    [JsonPropertyName("data")] public RedditListingData? Data { get; init; }
}

internal sealed record RedditListingData
{
    [JsonPropertyName("children")] public List<RedditThing>? Children { get; init; }
    [JsonPropertyName("after")] public string? After { get; init; }
    [JsonPropertyName("before")] public string? Before { get; init; }
}

/// <summary>A thing in a listing: <c>t3</c> a link (submission), <c>t1</c> a comment.</summary>
internal sealed record RedditThing
{
    [JsonPropertyName("kind")] public string? Kind { get; init; }
    [JsonPropertyName("data")] public RedditThingData? Data { get; init; }
}

internal sealed record RedditThingData
{
    [JsonPropertyName("id")] public string? Id { get; init; }
    /// <summary>The fullname: kind and id, <c>t3_1h2abcd</c>.</summary>
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("author")] public string? Author { get; init; }
    [JsonPropertyName("title")] public string? Title { get; init; }
    [JsonPropertyName("selftext")] public string? SelfText { get; init; }
    [JsonPropertyName("body")] public string? Body { get; init; }
    [JsonPropertyName("url")] public string? Url { get; init; }
    [JsonPropertyName("is_self")] public bool IsSelf { get; init; }
    [JsonPropertyName("parent_id")] public string? ParentId { get; init; }
    [JsonPropertyName("created_utc")] public double CreatedUtc { get; init; }
    [JsonPropertyName("score")] public long Score { get; init; }
    [JsonPropertyName("num_comments")] public long NumComments { get; init; }
    [JsonPropertyName("num_crossposts")] public long NumCrossposts { get; init; }
    [JsonPropertyName("subreddit")] public string? Subreddit { get; init; }

    /// <summary>
    /// Read with raw_json=1, so the text is not HTML-escaped.
    /// A submission's title and body (or link) become the text; a comment's body is its text and its parent
    /// (the submission or comment it answers) is <c>in_reply_to</c>.
    /// </summary>
    public PostDocument ToPost(string kind)
    {
        var comment = kind == "t1";
        var text = comment
            ? Body ?? ""
            : string.Join("\n\n", new[] { Title, IsSelf ? SelfText : Url }.Where(t => !string.IsNullOrWhiteSpace(t)));
        return new PostDocument
        {
            Id = Name ?? $"{kind}_{Id}",
            Platform = RedditConnector.ConnectorName,
            Text = text,
            // Deleted accounts show as "[deleted]": no identity to link.
            Author = Author is null or "[deleted]" ? null : new PostAuthor { Handle = Author, Name = $"u/{Author}" },
            CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds((long)(CreatedUtc * 1000)),
            InReplyTo = comment ? ParentId : null,
            Metrics = new PostMetrics { Likes = Math.Max(0, Score), Reposts = NumCrossposts, Replies = NumComments },
        };
    }
}

internal sealed record RedditToken
{
    [JsonPropertyName("access_token")] public string? AccessToken { get; init; }
    [JsonPropertyName("expires_in")] public long ExpiresIn { get; init; }
    [JsonPropertyName("error")] public string? Error { get; init; }
}
