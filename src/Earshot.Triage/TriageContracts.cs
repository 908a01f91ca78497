namespace Earshot.Triage;

/// <summary>What triage reads of one post. Pure data: no I/O happens during triage.</summary>
/// <param name="Text">The post's text as the platform gave it (untrusted, any size, any Unicode).</param>
/// <param name="Platform">Platform name (x, mastodon, bluesky, reddit, facebook, instagram, rss, email, ...), if known.</param>
/// <param name="LanguageHint">A language the platform declared (BCP-47 like "en"), if any.</param>
/// <param name="AuthorFollowers">How many followers the author has.</param>
/// <param name="AuthorVerified">Whether the platform marks the author as verified.</param>
/// <param name="Likes">Likes / favourites so far.</param>
/// <param name="Reposts">Reposts / retweets / boosts so far.</param>
/// <param name="Tags">Tags set by matching listening rules (for the bucket policy).</param>
public readonly record struct TriageInput(
    string Text,
    string? Platform = null,
    string? LanguageHint = null,
    long AuthorFollowers = 0,
    bool AuthorVerified = false,
    long Likes = 0,
    long Reposts = 0,
    IReadOnlyList<string>? Tags = null);

/// <summary>Sentiment in the VADER convention: compound in [-1, 1], proportions summing to 1.</summary>
public readonly record struct SentimentScore(double Compound, double Pos, double Neu, double Neg);

/// <summary>What the author wants.</summary>
public enum Intent { Complaint, Question, Request, Praise, Feedback, Spam, Other }

/// <summary>Risks that change how a post must be handled.</summary>
[Flags]
public enum RiskFlags { None = 0, Legal = 1, Churn = 2, Safety = 4, Privacy = 8, Viral = 16 }

/// <summary>Where a post goes after triage.</summary>
public enum Bucket { Analytics, Marketing, Care }

/// <summary>One reason behind a decision, for an agent to read ("intent=complaint" because "word 'lost' +1.3").</summary>
public sealed record TriageReason(string Decision, string Because);

/// <summary>Everything triage decided about one post.</summary>
public sealed record TriageResult(
    string Language,
    SentimentScore Sentiment,
    Intent Intent,
    bool Actionable,
    double ActionableScore,
    bool Spam,
    RiskFlags Risks,
    Bucket Bucket,
    IReadOnlyList<TriageReason> Reasons);
