using Earshot.Core.Conversations;
using Earshot.Ui.Desktop;

namespace Earshot.Tests.Ui;

public sealed class InboxOrderTests
{
    static readonly DateTime Now = new(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc);

    static InboxRow Row(long id, int priority, int? dueInMinutes) => new(
        id, "x", "jo", "subject", -0.5, null, priority, new Dictionary<string, int>(), default, Now,
        dueInMinutes is { } m ? Now.AddMinutes(m) : null, ConversationStatus.Assigned);

    [Fact]
    public void Sort_HighestPriorityFirst_ThenSoonestSlaDue_ThenNoSla()
    {
        var rows = new[] { Row(1, 50, 30), Row(2, 80, null), Row(3, 50, 5), Row(4, 50, null), Row(5, 80, 60) };

        var sorted = InboxReader.Sort(rows);

        Assert.Equal([5L, 2, 3, 1, 4], sorted.Select(r => r.ConversationId));
    }
}
