using Earshot.Triage.Listening;

namespace Earshot.Tests.Triage.Listening;

public class RuleQueryOperatorTests
{
    [Theory]
    [InlineData("acme AND refund", "acme refund", true)]
    [InlineData("acme AND refund", "acme only", false)]
    [InlineData("acme refund", "refund from acme", true)]
    [InlineData("acme refund", "acme only", false)]
    [InlineData("acme OR refund", "refund only", true)]
    [InlineData("acme OR refund", "nothing", false)]
    [InlineData("acme NOT hiring", "acme flight", true)]
    [InlineData("acme NOT hiring", "acme is hiring", false)]
    [InlineData("acme -hiring", "acme is hiring", false)]
    [InlineData("acme -hiring", "acme flight", true)]
    [InlineData("NOT hiring", "anything else", true)]
    [InlineData("acme -(job OR hiring)", "acme job fair", false)]
    [InlineData("acme && refund || delay", "delay", true)]
    [InlineData("acme or refund", "acme or refund", true)]
    [InlineData("acme or refund", "acme refund", false)]
    public void Matches_BooleanOperators_CombineTerms(string query, string text, bool expected)
    {
        var rule = RuleQuery.Parse(query);

        var matches = rule.Matches(new ListeningPost(text));

        Assert.Equal(expected, matches);
    }

    [Theory]
    [InlineData("a OR b AND c", "a", true)]
    [InlineData("a OR b AND c", "b", false)]
    [InlineData("a OR b AND c", "b c", true)]
    [InlineData("(a OR b) AND c", "a", false)]
    [InlineData("(a OR b) AND c", "a c", true)]
    [InlineData("a OR b c", "b", false)]
    [InlineData("NOT a AND b", "b", true)]
    [InlineData("NOT a AND b", "a b", false)]
    [InlineData("NOT a OR b", "a b", true)]
    [InlineData("NOT (a OR b)", "b", false)]
    [InlineData("NOT NOT a", "a", true)]
    [InlineData("\"acme air\" OR @acmeair OR #acmefail AND NOT (job OR hiring)", "#acmefail we are hiring", false)]
    [InlineData("\"acme air\" OR @acmeair OR #acmefail AND NOT (job OR hiring)", "acme air is hiring", true)]
    [InlineData("\"acme air\" OR @acmeair OR #acmefail AND NOT (job OR hiring)", "#acmefail again", true)]
    public void Matches_Precedence_NotThenAndThenOr(string query, string text, bool expected)
    {
        var rule = RuleQuery.Parse(query);

        var matches = rule.Matches(new ListeningPost(text));

        Assert.Equal(expected, matches);
    }

    [Theory]
    [InlineData("refund NEAR/1 acme", "acme refund", true)]
    [InlineData("refund NEAR/1 acme", "refund acme", true)]
    [InlineData("refund NEAR/1 acme", "refund from acme", false)]
    [InlineData("refund NEAR/2 acme", "refund from acme", true)]
    [InlineData("refund NEAR/2 acme", "refund, sadly, from acme", false)]
    [InlineData("refund NEAR/3 acme", "acme never gave refund", true)]
    [InlineData("refund NEAR/3 acme", "acme, please, never ever refund", false)]
    [InlineData("acme NEAR/3 acme", "acme alone", false)]
    [InlineData("acme NEAR/3 acme", "acme and acme", true)]
    [InlineData("\"lost bag\" NEAR/2 acme", "lost bag at acme", true)]
    [InlineData("\"lost bag\" NEAR/2 acme", "acme: bag lost", false)]
    [InlineData("(refund OR \"lost bag\") NEAR/5 acme", "acme still has my lost bag", true)]
    [InlineData("(refund OR \"lost bag\") NEAR/5 acme", "acme was fine. Lost my bag elsewhere, so sad, no refund", false)]
    [InlineData("refund* NEAR/2 #acme", "refunds via #acme", true)]
    [InlineData("@acmeair NEAR/2 refund", "@acmeair refund now", true)]
    [InlineData("@acmeair NEAR/2 refund", "refund please, many thanks and regards", false)]
    public void Matches_Near_CountsWordsInEitherOrder(string query, string text, bool expected)
    {
        var rule = RuleQuery.Parse(query);

        var matches = rule.Matches(new ListeningPost(text, AuthorHandle: "acmeair"));

        Assert.Equal(expected, matches);
    }

    [Theory]
    [InlineData("acme", "acme")]
    [InlineData("a OR b AND c", "a OR (b AND c)")]
    [InlineData("a b -c", "a AND b AND NOT c")]
    [InlineData("(a OR b) c", "(a OR b) AND c")]
    [InlineData("NOT (a OR b)", "NOT (a OR b)")]
    [InlineData("(a OR (b OR c))", "a OR b OR c")]
    [InlineData("(refund OR \"lost bag\") NEAR/5 acme lang:EN followers:>1k", "(refund OR \"lost bag\") NEAR/5 acme AND lang:en AND followers:>1000")]
    [InlineData("\"acme air\" OR @acmeair OR #acmefail AND NOT (job OR hiring)", "\"acme air\" OR @acmeair OR (#acmefail AND NOT (job OR hiring))")]
    [InlineData("from:@AcmeAir verified:yes platform:Twitter", "from:acmeair AND verified:true AND platform:x")]
    public void ToString_AnyQuery_ShowsHowItWasUnderstood(string query, string expected)
    {
        var rule = RuleQuery.Parse(query);

        var text = rule.ToString();

        Assert.Equal(expected, text);
        Assert.Equal(expected, RuleQuery.Parse(text).ToString());
        Assert.Equal(query, rule.Query);
    }
}
