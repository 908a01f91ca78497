using Earshot.Core.Replies;

namespace Earshot.Tests.Replies;

public sealed class ReplyLengthTests
{
    [Theory]
    [InlineData("x", 280)]
    [InlineData("bluesky", 300)]
    [InlineData("mastodon", 500)]
    [InlineData("email", ReplyService.MaxTextLength)]
    public void Measure_PublicReply_UsesTheNetworksLimit(string channel, int limit)
    {
        var check = ReplyLength.Measure(channel, ReplyVisibility.Public, "hello");

        Assert.Equal((5, limit), (check.Used, check.Limit));
    }

    [Fact]
    public void Measure_Bluesky_CountsGraphemesNotCodeUnits()
    {
        // A family emoji is 7 code points (11 UTF-16 units) but one grapheme; "é" written as e + combining accent is one too.
        var text = "👨‍👩‍👧‍👦 e\u0301";

        var check = ReplyLength.Measure("bluesky", ReplyVisibility.Public, text);

        Assert.Equal(3, check.Used);
        Assert.Equal("graphemes", check.Unit);
    }

    [Fact]
    public void Measure_X_CountsEveryLinkAs23()
    {
        var text = "see https://example.com/a/very/long/path/that/goes/on/and/on/and/on";

        var check = ReplyLength.Measure("x", ReplyVisibility.Public, text);

        Assert.Equal(4 + ReplyLength.LinkLength, check.Used);
    }

    [Fact]
    public void Measure_X_WeighsCjkAndEmojiAsTwo_LikeX()
    {
        var check = ReplyLength.Measure("x", ReplyVisibility.Public, "日本語 ok 👍");

        Assert.Equal(3 * 2 + 4 + 2, check.Used);
    }

    [Fact]
    public void Measure_OneOverTheLimit_IsTooLong()
    {
        var check = ReplyLength.Measure("x", ReplyVisibility.Public, new string('a', 281));

        Assert.True(check.TooLong);
        Assert.Equal(-1, check.Remaining);
    }

    [Fact]
    public void Measure_PrivateOnX_UsesTheDirectMessageLimit()
    {
        var check = ReplyLength.Measure("x", ReplyVisibility.Private, new string('a', 281));

        Assert.False(check.TooLong);
    }
}
