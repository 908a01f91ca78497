using Earshot.Ui.Shell;

namespace Earshot.Tests.Ui;

public sealed class NavigationTests
{
    [Theory]
    [InlineData("agent", "Inbox,Search")]
    [InlineData("marketing", "Inbox,Search,Listening")]
    [InlineData("supervisor", "Inbox,Search,Console,Approvals,Listening")]
    [InlineData("admin", "Inbox,Search,Console,Approvals,Listening,Admin")]
    [InlineData("someone-else", "")]
    public void For_Role_ShowsOnlyWhatTheRoleAllows(string role, string expected)
    {
        var labels = string.Join(',', Navigation.For(role).Select(i => i.Label));

        Assert.Equal(expected, labels);
    }
}
