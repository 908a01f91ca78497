using Earshot.Core.Replies;

namespace Earshot.Tests.Replies;

public sealed class CannedResponseTextTests
{
    [Fact]
    public void Fill_ReplacesEveryPlaceholder()
    {
        var text = CannedResponseText.Fill("Hi {first_name}, case {case_id}. {agent_name}", "Maria Garcia", 42, "Ana Agent");

        Assert.Equal("Hi Maria, case C-000042. Ana", text);
    }

    [Theory]
    [InlineData(null, "there")]
    [InlineData("@maria_g", "maria_g")]
    [InlineData("  ", "there")]
    public void FirstName_WithoutAName_StaysPolite(string? name, string expected)
    {
        Assert.Equal(expected, CannedResponseText.FirstName(name));
    }

    [Fact]
    public void Search_ByKeyword_FindsTitleAndKeywordMatchesFirst()
    {
        CannedResponse[] responses =
        [
            new() { Title = "Refunds", Text = "Your bag refund...", Keywords = "refund money" },
            new() { Title = "Lost bag", Text = "Send the tag number", Keywords = "baggage bag" },
            new() { Title = "Praise", Text = "Thanks!", Keywords = "thanks" },
        ];

        var found = CannedResponseText.Search(responses, "bag");

        Assert.Equal(["Lost bag", "Refunds"], found.Select(r => r.Title));
    }
}
