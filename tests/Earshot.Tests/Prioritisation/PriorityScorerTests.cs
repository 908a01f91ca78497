using Earshot.Core.Prioritisation;
using Earshot.Triage;

namespace Earshot.Tests.Prioritisation;

public class PriorityScorerTests
{
    static PriorityInput Input(double sentiment = 0, Intent intent = Intent.Other, RiskFlags risks = RiskFlags.None, long followers = 0,
        bool verified = false, string? tier = null, double ltv = 0, long likes = 0, long reposts = 0, double minutes = 60, double waited = 0) =>
        new(sentiment, intent, risks, followers, verified, tier, ltv, likes, reposts, minutes, waited);

    [Fact]
    public void Score_PartsAddUpToTotal()
    {
        var score = PriorityScorer.Score(Input(-0.62, Intent.Complaint, RiskFlags.Churn, 5400, likes: 3, reposts: 1, minutes: 1), PriorityPolicy.Default);

        Assert.Equal(score.Parts.Values.Sum(), score.Total);
        Assert.Equal(16, score.Parts["sentiment"]);
        Assert.Equal(20, score.Parts["intent"]);
        Assert.Equal(15, score.Parts["risk"]);
    }

    [Theory]
    [InlineData(Intent.Complaint, 20)]
    [InlineData(Intent.Request, 16)]
    [InlineData(Intent.Question, 14)]
    [InlineData(Intent.Praise, 2)]
    [InlineData(Intent.Spam, 0)]
    public void Score_Intent_GivesPolicyPoints(Intent intent, int expected)
    {
        var score = PriorityScorer.Score(Input(intent: intent), PriorityPolicy.Default);

        Assert.Equal(expected, score.Parts["intent"]);
    }

    [Fact]
    public void Score_PositiveSentiment_GivesNoSentimentPoints()
    {
        var score = PriorityScorer.Score(Input(0.9), PriorityPolicy.Default);

        Assert.Equal(0, score.Parts["sentiment"]);
    }

    [Theory]
    [InlineData(50, 0)]
    [InlineData(10_000, 8)]
    [InlineData(1_000_000, 15)]
    [InlineData(50_000_000, 15)]
    public void Score_Reach_GrowsWithLogFollowersAndCaps(long followers, int expected)
    {
        var score = PriorityScorer.Score(Input(followers: followers), PriorityPolicy.Default);

        Assert.Equal(expected, score.Parts["reach"]);
    }

    [Fact]
    public void Score_ManyRisks_AreCapped()
    {
        var score = PriorityScorer.Score(Input(risks: RiskFlags.Legal | RiskFlags.Safety | RiskFlags.Viral), PriorityPolicy.Default);

        Assert.Equal(PriorityPolicy.Default.RiskCap, score.Parts["risk"]);
    }

    [Theory]
    [InlineData("platinum", 0, 15)]
    [InlineData("gold", 0, 11)]
    [InlineData(null, 100_000, 15)]
    [InlineData(null, 0, 0)]
    public void Score_CustomerValue_FromTierOrLifetimeValue(string? tier, double ltv, int expected)
    {
        var score = PriorityScorer.Score(Input(tier: tier, ltv: ltv), PriorityPolicy.Default);

        Assert.Equal(expected, score.Parts["value"]);
    }

    [Fact]
    public void Score_WaitPastSla_GivesFullWaitPoints()
    {
        var score = PriorityScorer.Score(Input(waited: 3), PriorityPolicy.Default);

        Assert.Equal(PriorityPolicy.Default.Wait, score.Parts["wait"]);
    }

    [Fact]
    public void Score_EverythingAtMaximum_IsCappedAt100()
    {
        var score = PriorityScorer.Score(Input(-1, Intent.Complaint, RiskFlags.Legal, 10_000_000, true, "platinum", 0, 10_000, 10_000, 1, 5), PriorityPolicy.Default);

        Assert.Equal(100, score.Total);
    }
}
