using System.Text;
using System.Text.Json;
using Earshot.Core.Channels.Meta;
using static Earshot.Tests.Channels.Facebook.GraphFixtures;

namespace Earshot.Tests.Channels.Facebook;

/// <summary>Graph webhook deliveries read into posts: what is a new post, what is an echo or an edit.</summary>
public sealed class GraphWebhookTests
{
    static List<GraphWebhook.Item> Read(string json, string platform) => GraphWebhook.Read(Encoding.UTF8.GetBytes(json), platform);

    [Fact]
    public void Read_FeedChanges_KeepsAddedCommentsSkipsEditsAndThePagesOwn()
    {
        var items = Read(FeedComments, "facebook");

        Assert.Equal(["900000000000001_1200000000000001", "900000000000001_1200000000000002"], items.Select(i => i.Post.Id));
        Assert.All(items, i => Assert.Equal(PageId, i.AccountId));
        var jo = items[0].Post;
        Assert.Equal("Lost my bag AGAIN. Third time this year!", jo.Text);
        Assert.Equal(("6211000000000042", "Jo Traveller"), (jo.Author?.Handle, jo.Author?.Name));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1763899140), jo.CreatedAt);
        Assert.Equal($"{PageId}_900000000000001", jo.InReplyTo);
        Assert.Equal("900000000000001_1200000000000001", items[1].Post.InReplyTo);
    }

    [Fact]
    public void Read_Messenger_SkipsEchoesAndNamesAttachments()
    {
        var items = Read(Messenger, "facebook");

        Assert.Equal(2, items.Count);
        var first = items[0].Post;
        Assert.StartsWith("m_AG5Hz2", first.Id);
        Assert.Equal("7300000000000011", first.Author?.Handle);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1763899200000), first.CreatedAt);
        Assert.Equal("[image attachment]", items[1].Post.Text);
    }

    [Fact]
    public void Read_InstagramComments_UsernameAsHandleAndReplyToTheParentComment()
    {
        var items = Read(InstagramComments, "instagram");

        Assert.Equal(["17865799348089039", "17865799348089040"], items.Select(i => i.Post.Id));
        Assert.Equal("jo.travels", items[0].Post.Author?.Handle);
        Assert.Equal("17900000000000123", items[0].Post.InReplyTo);
        Assert.Equal("17865799348089039", items[1].Post.InReplyTo);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1763899300), items[0].Post.CreatedAt);
        Assert.All(items, i => Assert.Equal(IgUserId, i.AccountId));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("""{"object":"page"}""")]
    [InlineData("not json")]
    public void Read_NotADelivery_Throws(string body) =>
        Assert.ThrowsAny<JsonException>(() => Read(body, "facebook"));
}
