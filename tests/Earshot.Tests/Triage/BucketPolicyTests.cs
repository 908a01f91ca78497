using Earshot.Triage;

namespace Earshot.Tests.Triage;

public class BucketPolicyTests
{
    [Theory]
    [InlineData(Intent.Praise, false, false, RiskFlags.None, 80_000, Bucket.Marketing)]
    [InlineData(Intent.Praise, false, false, RiskFlags.None, 120, Bucket.Marketing)]
    [InlineData(Intent.Complaint, true, false, RiskFlags.None, 120, Bucket.Care)]
    [InlineData(Intent.Complaint, true, false, RiskFlags.None, 900_000, Bucket.Care)]
    [InlineData(Intent.Other, false, false, RiskFlags.Legal, 10, Bucket.Care)]
    [InlineData(Intent.Other, false, false, RiskFlags.Safety, 10, Bucket.Care)]
    [InlineData(Intent.Other, false, false, RiskFlags.Viral, 10, Bucket.Marketing)]
    [InlineData(Intent.Spam, false, true, RiskFlags.Legal, 80_000, Bucket.Analytics)]
    [InlineData(Intent.Other, false, false, RiskFlags.None, 10, Bucket.Analytics)]
    [InlineData(Intent.Feedback, false, false, RiskFlags.None, 60_000, Bucket.Marketing)]
    public void Decide_DefaultPolicy_SortsLikeAContactCenter(Intent intent, bool actionable, bool spam, RiskFlags risks, long followers, Bucket expected)
    {
        var (bucket, because) = BucketPolicy.Default.Decide(intent, actionable, spam, risks, followers, null);

        Assert.Equal(expected, bucket);
        Assert.False(string.IsNullOrWhiteSpace(because));
    }

    [Fact]
    public void Decide_CareTag_WinsOverTriage()
    {
        var policy = BucketPolicy.Default with { CareTags = ["vip"] };

        var (bucket, because) = policy.Decide(Intent.Other, false, false, RiskFlags.None, 0, ["VIP"]);

        Assert.Equal(Bucket.Care, bucket);
        Assert.Contains("vip", because, StringComparison.OrdinalIgnoreCase);
    }
}
