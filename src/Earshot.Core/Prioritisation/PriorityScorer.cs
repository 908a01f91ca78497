using Earshot.Triage;

namespace Earshot.Core.Prioritisation;

/// <summary>Scores how soon a post needs a person. Pure and fast: a function of its input and the policy.</summary>
public static class PriorityScorer
{
    public static PriorityScore Score(in PriorityInput input, PriorityPolicy policy)
    {
        var sentiment = SentimentPart(input.SentimentCompound, policy);
        var intent = input.Intent switch
        {
            Intent.Complaint => policy.Complaint,
            Intent.Request => policy.Request,
            Intent.Question => policy.Question,
            Intent.Feedback => policy.Feedback,
            Intent.Praise => policy.Praise,
            _ => 0,
        };
        // log10 from 100 followers (0) to 1,000,000 (full points).
        var reachShare = input.Followers <= 100 ? 0 : Math.Min(1, (Math.Log10(input.Followers) - 2) / 4);
        var reach = Round(reachShare * policy.Reach) + (input.Verified ? policy.Verified : 0);
        var value = Round(ValueShare(input.ContactTier, input.ContactLifetimeValue) * policy.Value);
        var interactions = input.Likes + 2.0 * input.Reposts;
        var perMinute = interactions / Math.Max(1, input.MinutesSincePosted);
        var velocity = Round(Math.Min(1, perMinute / 10) * policy.Velocity);
        var risk = Math.Min(policy.RiskCap,
            (input.Risks.HasFlag(RiskFlags.Legal) ? policy.Legal : 0)
            + (input.Risks.HasFlag(RiskFlags.Safety) ? policy.Safety : 0)
            + (input.Risks.HasFlag(RiskFlags.Churn) ? policy.Churn : 0)
            + (input.Risks.HasFlag(RiskFlags.Privacy) ? policy.Privacy : 0)
            + (input.Risks.HasFlag(RiskFlags.Viral) ? policy.Viral : 0));
        var wait = Round(Math.Clamp(input.SlaFractionWaited, 0, 1) * policy.Wait);

        var parts = new Dictionary<string, int>(7)
        {
            ["sentiment"] = sentiment,
            ["intent"] = intent,
            ["reach"] = reach,
            ["value"] = value,
            ["velocity"] = velocity,
            ["risk"] = risk,
            ["wait"] = wait,
        };
        var total = Math.Min(100, sentiment + intent + reach + value + velocity + risk + wait);
        return new PriorityScore(total, parts);
    }

    /// <summary>The "sentiment" part of the score: negative posts need a person sooner.</summary>
    public static int SentimentPart(double compound, PriorityPolicy policy) => compound < 0 ? Round(-compound * policy.Sentiment) : 0;

    static double ValueShare(string? tier, double lifetimeValue)
    {
        var byTier = tier?.ToLowerInvariant() switch
        {
            "platinum" or "vip" => 1.0,
            "gold" => 0.7,
            "silver" => 0.4,
            "bronze" or "standard" => 0.1,
            _ => 0.0,
        };
        // Lifetime value: log scale from 100 (0) to 100,000 (full).
        var byValue = lifetimeValue <= 100 ? 0 : Math.Min(1, (Math.Log10(lifetimeValue) - 2) / 3);
        return Math.Max(byTier, byValue);
    }

    static int Round(double v) => (int)Math.Round(v, MidpointRounding.AwayFromZero);
}
