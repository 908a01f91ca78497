using Earshot.Core.Conversations;
using Earshot.Core.Routing;

namespace Earshot.Tests.Routing;

public class EscalationTests
{
    static readonly DateTime Opened = new(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc);

    static readonly EscalationStep[] Steps =
    [
        new() { AfterMinutes = 5, RaisePriorityBy = 10 },
        new() { AfterMinutes = 10, WidenSkills = true },
        new() { AfterMinutes = 20, OverflowQueueId = 2 },
    ];

    static Conversation Waiting() => new()
    {
        Channel = "x", Medium = "social", QueueId = 1, OpenedAt = Opened, Priority = 40,
        PriorityParts = new() { ["intent"] = 20, ["sentiment"] = 20 },
    };

    [Theory]
    [InlineData(4, 0, 40, false, 1L)]
    [InlineData(5, 1, 50, false, 1L)]
    [InlineData(12, 2, 50, true, 1L)]
    [InlineData(25, 3, 50, false, 2L)]
    public void Apply_AfterMinutes_AppliesDueStepsInOrder(int minutes, int lines, int priority, bool widened, long queue)
    {
        var conversation = Waiting();

        var applied = Escalation.Apply(conversation, Steps, Opened.AddMinutes(minutes));

        Assert.Equal(lines, applied.Count);
        Assert.Equal((priority, widened, queue), (conversation.Priority, conversation.SkillsWidened, conversation.QueueId));
    }

    [Fact]
    public void Apply_SecondRound_AppliesEachStepOnce()
    {
        var conversation = Waiting();
        Escalation.Apply(conversation, Steps, Opened.AddMinutes(6));

        var again = Escalation.Apply(conversation, Steps, Opened.AddMinutes(7));

        Assert.Empty(again);
        Assert.Equal(50, conversation.Priority);
        Assert.Equal(10, conversation.PriorityParts[Escalation.PriorityPart]);
    }

    [Fact]
    public void Apply_AfterOverflow_NextQueueCountsFromTheMove()
    {
        var conversation = Waiting();
        var moved = Opened.AddMinutes(25);
        Escalation.Apply(conversation, Steps, moved);

        var inNewQueue = Escalation.Apply(conversation, [new EscalationStep { AfterMinutes = 5, RaisePriorityBy = 5 }], moved.AddMinutes(4));

        Assert.Empty(inNewQueue);
        Assert.Equal(moved, conversation.QueueEnteredAt);
    }

    [Fact]
    public void Apply_AssignedConversation_IsLeftAlone()
    {
        var conversation = Waiting();
        conversation.Status = ConversationStatus.Assigned;

        var applied = Escalation.Apply(conversation, Steps, Opened.AddHours(1));

        Assert.Empty(applied);
    }

    [Fact]
    public void Choose_WidenedSkills_OfferedToLowerProficiency()
    {
        var now = Opened.AddMinutes(12);
        var skills = Escalation.RequiredSkills(new Dictionary<string, int> { ["es"] = 4 }, widened: true);
        var work = new WaitingWork(1, 1, "social", 50, Opened, skills, new HashSet<long>());
        var agent = new RoutingCandidate(7, "junior", new Dictionary<string, int> { ["es"] = 2 }, new Dictionary<string, int> { ["social"] = 1 },
            new Dictionary<string, int>(), Opened, new HashSet<long> { 1 });

        var decision = Router.Choose(work, [agent], now);

        Assert.Equal(7, decision!.AgentId);
    }
}
