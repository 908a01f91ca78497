using Earshot.Core.Replies;
using Earshot.Triage;

namespace Earshot.Tests.Replies;

public sealed class ReplyReviewTests
{
    [Theory]
    [InlineData("Sorry about that, we are looking into it now.")]
    [InlineData("OK, DM us your booking ref AC12345 please")]
    [InlineData("Thanks Maria! We'll pass it on to the crew.")]
    public void Check_CalmReply_PassesStraightThrough(string text)
    {
        var reasons = ReplyReview.Check(text, RiskFlags.None);

        Assert.Empty(reasons);
    }

    [Theory]
    [InlineData("THIS IS NOT ACCEPTABLE AT ALL", "shouting")]
    [InlineData("Well, that was your fault for being late.", "blames the customer")]
    [InlineData("You should have read the terms.", "blames the customer")]
    [InlineData("We guarantee it will never happen again.", "promises a guarantee")]
    [InlineData("We will give you a full refund today.", "promises a refund")]
    [InlineData("We'll compensate you for the trouble.", "promises compensation")]
    [InlineData("Honestly, calm down.", "dismissive tone")]
    public void Check_RiskyDraft_IsHeldWithTheReason(string text, string expected)
    {
        var reasons = ReplyReview.Check(text, RiskFlags.None);

        Assert.Contains(reasons, r => r.Contains(expected));
    }

    [Theory]
    [InlineData(RiskFlags.Legal, "legal threat")]
    [InlineData(RiskFlags.Viral, "going viral")]
    public void Check_ConversationWithLegalOrViralFlag_HoldsEvenACalmReply(RiskFlags risks, string expected)
    {
        var reasons = ReplyReview.Check("Sorry to hear that, we are on it.", risks | RiskFlags.Churn);

        Assert.Contains(reasons, r => r.Contains(expected));
    }

    [Fact]
    public void Check_PhraseInsideAnotherWord_DoesNotCount()
    {
        var reasons = ReplyReview.Check("Our guarantees page explains the whateverland promo.", RiskFlags.Churn);

        Assert.Empty(reasons);
    }
}
