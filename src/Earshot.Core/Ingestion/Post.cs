using Earshot.Triage;

namespace Earshot.Core.Ingestion;

/// <summary>
/// One inbound or outbound social item, normalized to one schema whatever its platform.
/// Ingest stores it as <see cref="PostStatus.Received"/>; the pipeline moves it to <see cref="PostStatus.Processed"/>
/// in one transaction with its triage, tags and conversation.
/// </summary>
public sealed class Post
{
    public long Id { get; set; }
    public long WorkspaceId { get; set; }
    public long SourceId { get; set; }
    public required string Platform { get; set; }
    /// <summary>The platform's id of the post; unique per workspace and platform.</summary>
    public required string ExternalId { get; set; }
    public PostDirection Direction { get; set; } = PostDirection.Inbound;
    public required string Text { get; set; }
    public string? AuthorHandle { get; set; }
    public string? AuthorName { get; set; }
    public long AuthorFollowers { get; set; }
    public bool AuthorVerified { get; set; }
    public long? IdentityId { get; set; }
    public string? InReplyToExternalId { get; set; }
    /// <summary>Earlier posts of the thread the platform names (e-mail <c>References</c>), space separated, oldest first.</summary>
    public string? ReferencesExternalIds { get; set; }
    /// <summary>The platform id of the post this one reposts (a retweet, a boost), when the platform says so.</summary>
    public string? RepostOfExternalId { get; set; }
    /// <summary>A private item (direct message, e-mail) rather than a public post.</summary>
    public bool Private { get; set; }
    public string? LanguageHint { get; set; }
    public long Likes { get; set; }
    public long Reposts { get; set; }
    public long Replies { get; set; }
    /// <summary>When the author posted it (platform time).</summary>
    public DateTime CreatedAt { get; set; }
    /// <summary>When Earshot stored it.</summary>
    public DateTime ReceivedAt { get; set; }

    public PostStatus Status { get; set; } = PostStatus.Received;
    public string? LeaseToken { get; set; }
    public DateTime? LeaseUntil { get; set; }

    public DateTime? ProcessedAt { get; set; }
    public string? Language { get; set; }
    public double SentimentCompound { get; set; }
    public double SentimentPositive { get; set; }
    public double SentimentNeutral { get; set; }
    public double SentimentNegative { get; set; }
    public Intent? Intent { get; set; }
    public bool Actionable { get; set; }
    public double ActionableScore { get; set; }
    public bool Spam { get; set; }
    public RiskFlags Risks { get; set; }
    public Bucket? Bucket { get; set; }
    /// <summary>Tags of the listening rules that matched, comma separated.</summary>
    public string Tags { get; set; } = "";
    public List<TriageReason> Reasons { get; set; } = [];
    public int Priority { get; set; }
    public Dictionary<string, int> PriorityParts { get; set; } = [];
    public long? ConversationId { get; set; }
    /// <summary>The post this one repeats (a repost, or the same text cross-posted): it joins that post's conversation without being queued again.</summary>
    public long? DuplicateOfPostId { get; set; }
    /// <summary>A fingerprint of the text (see <see cref="Conversations.ContentKey"/>), to find repeats.</summary>
    public string? ContentKey { get; set; }

    public IReadOnlyList<string> TagList => Tags.Length == 0 ? [] : Tags.Split(',');

    /// <summary>Records what triage decided.</summary>
    public void ApplyTriage(TriageResult triage, IReadOnlyList<string> tags, DateTime now)
    {
        Language = triage.Language;
        SentimentCompound = triage.Sentiment.Compound;
        SentimentPositive = triage.Sentiment.Pos;
        SentimentNeutral = triage.Sentiment.Neu;
        SentimentNegative = triage.Sentiment.Neg;
        Intent = triage.Intent;
        Actionable = triage.Actionable;
        ActionableScore = triage.ActionableScore;
        Spam = triage.Spam;
        Risks = triage.Risks;
        Bucket = triage.Bucket;
        Reasons = [.. triage.Reasons];
        Tags = string.Join(',', tags);
        Status = PostStatus.Processed;
        ProcessedAt = now;
        LeaseToken = null;
        LeaseUntil = null;
    }
}
