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
}
