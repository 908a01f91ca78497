using Earshot.Core.Conversations;

namespace Earshot.Tests.Conversations;

public sealed class ContentKeyTests
{
    const string Complaint = "@acmeair lost my bag again on AC123, third time this year!! #fail";

    [Theory]
    [InlineData("RT @jo: " + Complaint)]
    [InlineData("@acmeair@social.example LOST my bag again on AC123 -- third time this year. #fail https://t.co/x1")]
    [InlineData("  @AcmeAir   lost my bag again on ac123, third time this year #FAIL  ")]
    public void Of_RepostsAndCrossPosts_GiveTheSameKey(string text) =>
        Assert.Equal(ContentKey.Of(Complaint), ContentKey.Of(text));

    [Theory]
    [InlineData("@acmeair lost my bag again on AC124, third time this year!! #fail")]
    [InlineData("@acmeair found my bag again on AC123, third time this year!! #fail")]
    public void Of_DifferentWords_GiveAnotherKey(string text) =>
        Assert.NotEqual(ContentKey.Of(Complaint), ContentKey.Of(text));

    [Theory]
    [InlineData("thanks!")]
    [InlineData("@acmeair ok https://example.test/a-very-long-link-that-does-not-count")]
    public void Of_ShortTexts_HaveNoKey(string text) => Assert.Null(ContentKey.Of(text));

    [Theory]
    [InlineData("RT @jo: hello", true)]
    [InlineData("rt @jo@m.social hello", true)]
    [InlineData("ART @jo: hello", false)]
    [InlineData("hello RT @jo:", false)]
    public void LooksLikeRepost_OnlyALeadingRt(string text, bool expected) => Assert.Equal(expected, ContentKey.LooksLikeRepost(text));
}
