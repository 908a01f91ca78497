using Earshot.Core.Search;

namespace Earshot.Tests.Search;

public class SearchTextTests
{
    [Theory]
    [InlineData("refund", "((\"refund\"))", "\"refund\"")]
    [InlineData("Lost BAG", "((\"lost\") AND (\"bag\"))", "\"lost\" \"bag\"")]
    [InlineData("\"lost bag\" refund", "((\"lost bag\") AND (\"refund\"))", "\"lost bag\" \"refund\"")]
    [InlineData("refund or delay", "((\"refund\" OR \"delay\"))", "\"refund\" or \"delay\"")]
    [InlineData("refund -spam", "((\"refund\")) NOT \"spam\"", "\"refund\" -\"spam\"")]
    [InlineData("e-mail", "((\"e mail\"))", "\"e mail\"")]
    [InlineData("@acmeair #fail", "((\"acmeair\") AND (\"fail\"))", "\"acmeair\" \"fail\"")]
    [InlineData("\"unbalanced quote", "((\"unbalanced quote\"))", "\"unbalanced quote\"")]
    [InlineData("NEAR(a b) col:x*", "((\"near a\") AND (\"b\") AND (\"col x\"))", "\"near a\" \"b\" \"col x\"")]
    [InlineData("'; DROP TABLE posts; --", "((\"drop\") AND (\"table\") AND (\"posts\"))", "\"drop\" \"table\" \"posts\"")]
    [InlineData("Zürich 東京", "((\"zürich\") AND (\"東京\"))", "\"zürich\" \"東京\"")]
    [InlineData("\"or\"", "((\"or\"))", "\"or\"")]
    public void TryParse_AnyInput_BecomesQuotedWordsOnly(string input, string fts5, string websearch)
    {
        var ok = SearchText.TryParse(input, out var text, out var error);

        Assert.True(ok, error);
        Assert.Equal(fts5, text!.ToFts5());
        Assert.Equal(websearch, text.ToWebSearch());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void TryParse_Blank_IsNoTextCondition(string? input)
    {
        var ok = SearchText.TryParse(input, out var text, out var error);

        Assert.True(ok);
        Assert.Null(text);
        Assert.Null(error);
    }

    [Theory]
    [InlineData("!!! ??? ...", "no words")]
    [InlineData("\"\" ()", "no words")]
    [InlineData("🔥🔥", "no words")]
    [InlineData("-refund -spam", "besides the excluded")]
    [InlineData("or or OR", "no words")]
    public void TryParse_NothingToLookFor_IsAnError(string input, string expected)
    {
        var ok = SearchText.TryParse(input, out var text, out var error);

        Assert.False(ok);
        Assert.Null(text);
        Assert.Contains(expected, error);
    }

    [Fact]
    public void TryParse_TooLong_IsAnError()
    {
        var ok = SearchText.TryParse(new string('a', SearchText.MaxLength + 1), out _, out var error);

        Assert.False(ok);
        Assert.Contains("longer than", error);
    }
}
