namespace Earshot.Triage;

/// <summary>
/// A workspace's rules for sorting triaged posts into buckets. Serialised as JSON in the workspace's settings.
/// </summary>
public sealed record BucketPolicy
{
    /// <summary>The defaults a contact center starts with.</summary>
    public static BucketPolicy Default { get; } = new();

    /// <summary>Authors with at least this many followers are influencers: their non-care posts go to marketing.</summary>
    public long InfluencerFollowers { get; init; } = 50_000;

    /// <summary>An actionable post goes to care (customer service).</summary>
    public bool ActionableToCare { get; init; } = true;

    /// <summary>Risks that always send a post to care, even when not otherwise actionable.</summary>
    public RiskFlags CareRisks { get; init; } = RiskFlags.Legal | RiskFlags.Safety | RiskFlags.Privacy;

    /// <summary>Risks that send a non-care post to marketing / PR.</summary>
    public RiskFlags MarketingRisks { get; init; } = RiskFlags.Viral;

    /// <summary>Intents that send a non-care post to marketing (praise worth amplifying, product feedback).</summary>
    public IReadOnlyList<Intent> MarketingIntents { get; init; } = [Intent.Praise];

    /// <summary>Listening-rule tags that send a post to care / marketing whatever triage says.</summary>
    public IReadOnlyList<string> CareTags { get; init; } = [];

    /// <summary>Listening-rule tags that send a non-care post to marketing.</summary>
    public IReadOnlyList<string> MarketingTags { get; init; } = [];

    /// <summary>Decides the bucket and says why.</summary>
    public (Bucket Bucket, string Because) Decide(
        Intent intent, bool actionable, bool spam, RiskFlags risks, long followers, IReadOnlyList<string>? tags)
    {
        if (spam)
        {
            return (Bucket.Analytics, "spam");
        }
        if (tags is { Count: > 0 } && CareTags.Count > 0 && tags.FirstOrDefault(t => CareTags.Contains(t, StringComparer.OrdinalIgnoreCase)) is { } careTag)
        {
            return (Bucket.Care, $"tag '{careTag}' goes to care");
        }
        if ((risks & CareRisks) != 0)
        {
            return (Bucket.Care, $"risk {risks & CareRisks} goes to care");
        }
        if (actionable && ActionableToCare)
        {
            return (Bucket.Care, "actionable");
        }
        if ((risks & MarketingRisks) != 0)
        {
            return (Bucket.Marketing, $"risk {risks & MarketingRisks} goes to marketing");
        }
        if (tags is { Count: > 0 } && MarketingTags.Count > 0 && tags.FirstOrDefault(t => MarketingTags.Contains(t, StringComparer.OrdinalIgnoreCase)) is { } marketingTag)
        {
            return (Bucket.Marketing, $"tag '{marketingTag}' goes to marketing");
        }
        if (followers >= InfluencerFollowers && intent != Intent.Other)
        {
            return (Bucket.Marketing, $"influencer ({followers:N0} followers)");
        }
        if (MarketingIntents.Contains(intent))
        {
            return (Bucket.Marketing, $"intent {intent.ToString().ToLowerInvariant()} goes to marketing");
        }
        return (Bucket.Analytics, "nothing for care or marketing");
    }
}
