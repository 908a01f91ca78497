using Earshot.Core.Conversations;

namespace Earshot.Core.Search;

/// <summary>A search: optional text and filters, newest first, one page after <see cref="AfterId"/>.</summary>
public sealed record PostSearchQuery
{
    public SearchText? Text { get; init; }
    /// <summary>The platform (channel) of the post: x, mastodon, email...</summary>
    public string? Platform { get; init; }
    /// <summary>The state of the conversation the post belongs to.</summary>
    public ConversationStatus? Status { get; init; }
    /// <summary>The queue of the conversation the post belongs to.</summary>
    public long? QueueId { get; init; }
    /// <summary>A listening rule's tag the post carries.</summary>
    public string? Tag { get; init; }
    public SentimentBand? Sentiment { get; init; }
    /// <summary>Posted at or after (UTC).</summary>
    public DateTime? From { get; init; }
    /// <summary>Posted before (UTC).</summary>
    public DateTime? To { get; init; }
    public int Limit { get; init; } = 50;
    /// <summary>Only posts with a smaller id (the last id of the previous page).</summary>
    public long? AfterId { get; init; }
}

/// <summary>A post that matched, with the conversation it belongs to.</summary>
public sealed record PostSearchHit(
    long PostId,
    string Platform,
    string Text,
    string? AuthorHandle,
    string? AuthorName,
    DateTime CreatedAt,
    double Sentiment,
    SentimentBand SentimentBand,
    string? Intent,
    string? Bucket,
    IReadOnlyList<string> Tags,
    long? ConversationId,
    ConversationStatus? ConversationStatus,
    long? QueueId,
    string? QueueName);

/// <summary>One page of hits; <see cref="HasMore"/> when another page follows the last hit.</summary>
public sealed record PostSearchPage(IReadOnlyList<PostSearchHit> Hits, bool HasMore);
