using Earshot.Core.Routing;

namespace Earshot.Tests.Routing;

public class RouterTests
{
    static readonly DateTime Now = new(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc);

    static RoutingCandidate Agent(long id, int idleMinutes = 0, Dictionary<string, int>? skills = null, int social = 3, int busy = 0, long queue = 1) =>
        new(id, $"agent{id}", skills ?? [], new Dictionary<string, int> { ["social"] = social, ["email"] = 1 },
            new Dictionary<string, int> { ["social"] = busy }, Now.AddMinutes(-idleMinutes), new HashSet<long> { queue });

    static WaitingWork Work(long id, int priority = 50, int waitedMinutes = 0, Dictionary<string, int>? skills = null, string medium = "social", long queue = 1, params long[] excluded) =>
        new(id, queue, medium, priority, Now.AddMinutes(-waitedMinutes), skills ?? [], excluded.ToHashSet());

    [Fact]
    public void Choose_EqualAgents_PicksLongestIdle()
    {
        var decision = Router.Choose(Work(1), [Agent(1, idleMinutes: 2), Agent(2, idleMinutes: 9), Agent(3, idleMinutes: 5)], Now);

        Assert.Equal(2, decision!.AgentId);
        Assert.Contains("idle 9 min", decision.Reason);
    }

    [Fact]
    public void Choose_RequiredSkill_SkipsAgentsWithoutIt()
    {
        var decision = Router.Choose(Work(1, skills: new() { ["es"] = 3 }),
            [Agent(1, idleMinutes: 30), Agent(2, skills: new() { ["es"] = 2 }), Agent(3, skills: new() { ["es"] = 4 })], Now);

        Assert.Equal(3, decision!.AgentId);
        Assert.Contains("skill es 4", decision.Reason);
    }

    [Fact]
    public void Choose_BetterProficiency_BeatsLongerIdle()
    {
        var decision = Router.Choose(Work(1, skills: new() { ["fr"] = 1 }),
            [Agent(1, idleMinutes: 60, skills: new() { ["fr"] = 2 }), Agent(2, idleMinutes: 1, skills: new() { ["fr"] = 5 })], Now);

        Assert.Equal(2, decision!.AgentId);
    }

    [Fact]
    public void Choose_LessOccupied_BeatsLongerIdle()
    {
        var decision = Router.Choose(Work(1), [Agent(1, idleMinutes: 60, busy: 2), Agent(2, idleMinutes: 1, busy: 0)], Now);

        Assert.Equal(2, decision!.AgentId);
    }

    [Theory]
    [InlineData("social", 3, 3, false)]
    [InlineData("social", 3, 2, true)]
    [InlineData("email", 3, 0, true)]
    [InlineData("chat", 3, 0, false)]
    public void Choose_CapacityPerMedium_IsRespected(string medium, int social, int busySocial, bool routed)
    {
        var decision = Router.Choose(Work(1, medium: medium), [Agent(1, social: social, busy: busySocial)], Now);

        Assert.Equal(routed, decision is not null);
    }

    [Fact]
    public void Choose_AgentOfAnotherQueue_IsNotOffered()
    {
        var decision = Router.Choose(Work(1, queue: 2), [Agent(1, queue: 1)], Now);

        Assert.Null(decision);
    }

    [Fact]
    public void Choose_AgentWhoDeclined_IsNotOfferedAgain()
    {
        var decision = Router.Choose(Work(1, 50, 0, null, "social", 1, 1), [Agent(1, idleMinutes: 50), Agent(2, idleMinutes: 1)], Now);

        Assert.Equal(2, decision!.AgentId);
    }

    [Fact]
    public void ChooseAll_HighestPriorityThenLongestWaiting_GoesFirst()
    {
        var decisions = Router.ChooseAll(
            [Work(1, priority: 40, waitedMinutes: 30), Work(2, priority: 90, waitedMinutes: 1), Work(3, priority: 40, waitedMinutes: 50)],
            [Agent(1, social: 1), Agent(2, social: 1)], Now);

        Assert.Equal([2L, 3L], decisions.Select(d => d.ConversationId));
    }

    [Fact]
    public void ChooseAll_NeverExceedsAnAgentsCapacity()
    {
        var work = Enumerable.Range(1, 20).Select(i => Work(i)).ToList();

        var decisions = Router.ChooseAll(work, [Agent(1, social: 3, busy: 1), Agent(2, social: 2)], Now);

        Assert.Equal(4, decisions.Count);
        Assert.Equal(2, decisions.Count(d => d.AgentId == 1));
        Assert.Equal(2, decisions.Count(d => d.AgentId == 2));
    }

    [Theory]
    [InlineData(3, 0, 1, true)]   // sticky agent free: chosen although agent 2 idled longer
    [InlineData(3, 3, 1, false)]  // sticky agent full: normal routing
    [InlineData(3, 0, 2, false)]  // sticky agent not in the work's queue: normal routing
    public void Choose_StickyAgent_PreferredOnlyWhenEligible(int social, int busy, long stickyQueue, bool sticky)
    {
        var work = Work(1) with { StickyAgentId = 1 };
        RoutingCandidate[] agents = [Agent(1, idleMinutes: 1, social: social, busy: busy, queue: stickyQueue), Agent(2, idleMinutes: 30)];

        var decision = Router.Choose(work, agents, Now);

        Assert.Equal(sticky ? 1 : 2, decision!.AgentId);
        Assert.Equal(sticky, decision.Reason.StartsWith("sticky", StringComparison.Ordinal));
    }

    [Fact]
    public void Choose_StickyAgentLacksSkill_FallsBackToNormalRouting()
    {
        var work = Work(1, skills: new() { ["es"] = 3 }) with { StickyAgentId = 1 };

        var decision = Router.Choose(work, [Agent(1, skills: new() { ["es"] = 2 }), Agent(2, skills: new() { ["es"] = 3 })], Now);

        Assert.Equal(2, decision!.AgentId);
        Assert.DoesNotContain("sticky", decision.Reason);
    }

    [Fact]
    public void Choose_StickyAgentDeclined_FallsBackToNormalRouting()
    {
        var work = Work(1, excluded: 1) with { StickyAgentId = 1 };

        var decision = Router.Choose(work, [Agent(1, idleMinutes: 50), Agent(2)], Now);

        Assert.Equal(2, decision!.AgentId);
    }

    [Fact]
    public void ChooseAll_StickyAgent_CountsAgainstCapacity()
    {
        WaitingWork[] waiting = [Work(1, priority: 90) with { StickyAgentId = 1 }, Work(2, priority: 80) with { StickyAgentId = 1 }];

        var decisions = Router.ChooseAll(waiting, [Agent(1, social: 1), Agent(2, idleMinutes: 5)], Now);

        Assert.Equal([(1L, 1L), (2L, 2L)], decisions.Select(d => (d.ConversationId, d.AgentId)));
        Assert.StartsWith("sticky", decisions[0].Reason);
    }
}
