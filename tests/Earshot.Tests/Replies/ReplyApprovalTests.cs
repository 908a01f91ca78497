using Earshot.Core.Replies;

namespace Earshot.Tests.Replies;

public sealed class ReplyApprovalTests
{
    static readonly DateTime Now = new(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc);

    static Reply Held()
    {
        var reply = new Reply { Id = 7, Text = "WE GUARANTEE IT", Status = ReplyStatus.Queued };
        reply.HoldForApproval(["shouting"]);
        return reply;
    }

    [Fact]
    public void Approve_HeldReply_EntersTheOutbox()
    {
        var reply = Held();

        reply.Approve("agent:5", Now);

        Assert.Equal((ReplyStatus.Queued, "agent:5", Now), (reply.Status, reply.ReviewedBy, reply.NextAttemptAt!.Value));
    }

    [Fact]
    public void Reject_HeldReply_IsNeverSentAndKeepsTheReason()
    {
        var reply = Held();

        reply.Reject("agent:5", "  Drop the promise. ", Now);

        Assert.Equal((ReplyStatus.Rejected, "Drop the promise."), (reply.Status, reply.RejectionReason));
    }

    [Fact]
    public void Approve_ReplyNotHeld_Throws()
    {
        var reply = new Reply { Id = 8, Text = "hi", Status = ReplyStatus.Sent };

        Assert.Throws<ReplyStateException>(() => reply.Approve("agent:5", Now));
    }

    [Fact]
    public void Reject_WithoutReason_Throws()
    {
        Assert.Throws<ReplyStateException>(() => Held().Reject("agent:5", " ", Now));
    }
}
