using Earshot.Triage;

namespace Earshot.Tests.Triage;

public class TriageEngineTests
{
    [Fact]
    public void Classify_LostBagComplaint_GoesToCare()
    {
        var input = new TriageInput("@acmeair lost my bag again, 3rd time!! #fail");

        var result = TriageEngine.Default.Classify(input, BucketPolicy.Default);

        Assert.Equal(Intent.Complaint, result.Intent);
        Assert.True(result.Actionable);
        Assert.Equal(Bucket.Care, result.Bucket);
        Assert.True(result.Sentiment.Compound < 0);
    }

    [Theory]
    [InlineData("@NorthwindAir my flight got cancelled and nobody at the desk can rebook me", Intent.Complaint)]
    [InlineData("@TelNova my internet has been down since Monday, I work from home", Intent.Complaint)]
    [InlineData("@ShopHaven how do I change the delivery address for my order?", Intent.Question)]
    [InlineData("@TrustBank please block my card, I think it was stolen", Intent.Request)]
    [InlineData("@QuickBite thank you, the driver was lovely and the pizza arrived hot!", Intent.Praise)]
    [InlineData("FREE FOLLOWERS!!! get 10k followers in 24h click here bit.ly/x #f4f #followback", Intent.Spam)]
    public void Classify_TypicalPosts_GetTheirIntent(string text, Intent expected)
    {
        var result = TriageEngine.Default.Classify(new TriageInput(text), BucketPolicy.Default);

        Assert.Equal(expected, result.Intent);
    }

    [Theory]
    [InlineData("@TrustBank if this isn't fixed today I'm calling my lawyer", RiskFlags.Legal)]
    [InlineData("@TelNova I'm switching to another provider next month", RiskFlags.Churn)]
    [InlineData("@QuickBite my son had an allergic reaction to the nut-free meal", RiskFlags.Safety)]
    [InlineData("@CloudDeskApp I think my account was hacked, someone changed my password", RiskFlags.Privacy)]
    public void Classify_RiskCue_SetsFlagAndReason(string text, RiskFlags risk)
    {
        var result = TriageEngine.Default.Classify(new TriageInput(text), BucketPolicy.Default);

        Assert.True(result.Risks.HasFlag(risk));
        Assert.Contains(result.Reasons, r => r.Decision == "risk=" + risk.ToString().ToLowerInvariant());
    }

    [Fact]
    public void Classify_LegalThreat_GoesToCare()
    {
        var input = new TriageInput("my solicitor will hear about this @SkyJetAir");

        var result = TriageEngine.Default.Classify(input, BucketPolicy.Default);

        Assert.Equal(Bucket.Care, result.Bucket);
        Assert.True(result.Risks.HasFlag(RiskFlags.Legal));
    }

    [Fact]
    public void Classify_PraiseFromInfluencer_GoesToMarketing()
    {
        var input = new TriageInput("Loved my flight with @SkyJetAir today, the crew were amazing 😍", AuthorFollowers: 80_000);

        var result = TriageEngine.Default.Classify(input, BucketPolicy.Default);

        Assert.Equal(Intent.Praise, result.Intent);
        Assert.False(result.Actionable);
        Assert.Equal(Bucket.Marketing, result.Bucket);
    }

    [Fact]
    public void Classify_Spam_GoesToAnalytics()
    {
        var input = new TriageInput("crypto giveaway!!! send 0.1 BTC get 1 BTC back, click here #bitcoin #crypto #giveaway");

        var result = TriageEngine.Default.Classify(input, BucketPolicy.Default);

        Assert.True(result.Spam);
        Assert.Equal(Bucket.Analytics, result.Bucket);
    }

    [Fact]
    public void Classify_ManyReposts_FlagsViral()
    {
        var input = new TriageInput("@SkyJetAir left my wheelchair on the tarmac in the rain", Reposts: 2500);

        var result = TriageEngine.Default.Classify(input, BucketPolicy.Default);

        Assert.True(result.Risks.HasFlag(RiskFlags.Viral));
    }

    [Fact]
    public void Classify_AnyPost_ExplainsEveryDecision()
    {
        var input = new TriageInput("@TelNova third outage this week, still waiting for the credit you promised");

        var result = TriageEngine.Default.Classify(input, BucketPolicy.Default);

        Assert.Contains(result.Reasons, r => r.Decision.StartsWith("lang=", StringComparison.Ordinal));
        Assert.Contains(result.Reasons, r => r.Decision == "sentiment");
        Assert.Contains(result.Reasons, r => r.Decision == "intent=complaint" && r.Because.Contains(" +", StringComparison.Ordinal));
        Assert.Contains(result.Reasons, r => r.Decision.StartsWith("actionable=", StringComparison.Ordinal));
        Assert.Contains(result.Reasons, r => r.Decision == "bucket=care");
    }

    [Fact]
    public void Classify_LanguageHint_IsTrusted()
    {
        var result = TriageEngine.Default.Classify(new TriageInput("ok", LanguageHint: "pt"), BucketPolicy.Default);

        Assert.Equal("pt", result.Language);
    }

    [Fact]
    public void Classify_OtherLanguageComplaint_IsComplaint()
    {
        var input = new TriageInput("@TelNova llevo tres días sin internet y nadie me da una solución, qué vergüenza");

        var result = TriageEngine.Default.Classify(input, BucketPolicy.Default);

        Assert.Equal("es", result.Language);
        Assert.Equal(Intent.Complaint, result.Intent);
    }
}
