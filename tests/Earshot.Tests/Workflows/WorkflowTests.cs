using Earshot.Core.Workflows;
using Earshot.Triage;

namespace Earshot.Tests.Workflows;

public class WorkflowTests
{
    static WorkflowRule Rule(long id, int position, long queue, WorkflowConditions conditions, bool enabled = true) =>
        new() { Id = id, Name = $"rule {id}", Position = position, QueueId = queue, Conditions = conditions, Enabled = enabled };

    static readonly WorkflowRule[] Rules =
    [
        Rule(1, 10, 101, new() { Risks = ["legal", "safety"] }),
        Rule(2, 20, 102, new() { Languages = ["es"], Buckets = ["care"] }),
        Rule(3, 30, 103, new() { ContactTiers = ["gold", "vip"] }),
        Rule(4, 40, 104, new() { Buckets = ["marketing"], Tags = ["influencer"] }),
        Rule(5, 50, 105, new() { Buckets = ["marketing"] }),
        Rule(6, 60, 106, new() { Platforms = ["email"] }),
        Rule(7, 5, 107, new() { Platforms = ["x"] }, enabled: false),
    ];

    [Theory]
    [InlineData(Bucket.Care, "", "en", RiskFlags.Legal, "x", null, 101L)]           // risk first, whatever the rest
    [InlineData(Bucket.Care, "", "es", RiskFlags.Churn | RiskFlags.Safety, "x", "gold", 101L)]
    [InlineData(Bucket.Care, "", "es", RiskFlags.None, "x", "gold", 102L)]          // Spanish care before tier
    [InlineData(Bucket.Marketing, "", "es", RiskFlags.None, "x", null, 105L)]       // language rule is care only
    [InlineData(Bucket.Care, "", "en", RiskFlags.None, "x", "VIP", 103L)]           // values compare case-insensitively
    [InlineData(Bucket.Marketing, "influencer,praise", "en", RiskFlags.None, "x", null, 104L)]
    [InlineData(Bucket.Marketing, "praise", "en", RiskFlags.None, "x", null, 105L)]
    [InlineData(Bucket.Care, "", "en", RiskFlags.None, "email", null, 106L)]
    [InlineData(Bucket.Care, "", "en", RiskFlags.Churn, "x", null, 0L)]             // no match (disabled rule 7 skipped): default queue
    [InlineData(Bucket.Care, "", null, RiskFlags.None, "x", null, 0L)]              // unknown language matches no language rule
    public void Choose_FirstMatchingEnabledRuleByPosition_Wins(Bucket bucket, string tags, string? language, RiskFlags risks, string platform, string? tier, long queue)
    {
        var subject = new WorkflowSubject(bucket, tags.Length == 0 ? [] : tags.Split(','), language, risks, platform, tier);

        var rule = Workflow.Choose(Rules, subject);

        Assert.Equal(queue, rule?.QueueId ?? 0);
    }

    [Fact]
    public void Choose_SamePosition_LowerIdFirst()
    {
        var rules = new[] { Rule(9, 10, 109, new()), Rule(8, 10, 108, new()) };

        var rule = Workflow.Choose(rules, new WorkflowSubject(Bucket.Care, [], "en", RiskFlags.None, "x", null));

        Assert.Equal(108, rule!.QueueId);
    }

    [Theory]
    [InlineData("analytics", null, "conditions.buckets[0]")]
    [InlineData("care", "fire", "conditions.risks[0]")]
    [InlineData("care", " ", "conditions.risks[0]")]
    [InlineData("care", "legal", null)]
    public void Problem_InvalidCondition_NamesTheField(string bucket, string? risk, string? field)
    {
        var conditions = new WorkflowConditions { Buckets = [bucket], Risks = risk is null ? [] : [risk] };

        var problem = Workflow.Problem(conditions);

        Assert.Equal(field, problem?.Field);
    }
}
