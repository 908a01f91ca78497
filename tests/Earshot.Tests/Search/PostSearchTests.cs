using Earshot.Core.Conversations;
using Earshot.Core.Data;
using Earshot.Core.Search;
using Earshot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Tests.Search;

/// <summary>Full-text search with filters, on SQLite (FTS5) and PostgreSQL (tsvector), through the same seam.</summary>
public abstract class PostSearchTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase> where TDatabase : TestDatabase
{
    readonly PipelineHarness _h = new(database);

    IPostSearch Search => PostSearch.For(database.Dialect);

    async Task<(EarshotDbContext Db, ConsoleSeed Seed)> NewAsync()
    {
        var db = database.CreateContext();
        var seed = await ConsoleSeed.NewAsync(db, _h);
        db.WorkspaceScope = seed.Workspace.Id;
        return (db, seed);
    }

    async Task<List<string>> TextsAsync(EarshotDbContext db, string? q, Func<PostSearchQuery, PostSearchQuery>? filters = null)
    {
        Assert.True(SearchText.TryParse(q, out var text, out var error), error);
        var query = new PostSearchQuery { Text = text };
        var page = await Search.SearchAsync(db, filters is null ? query : filters(query), default);
        return [.. page.Hits.Select(h => h.Text)];
    }

    [Fact]
    public async Task Search_Words_FindsPostsWithAllOfThemInAnyCase()
    {
        var (db, seed) = await NewAsync();
        await using var _ = db;
        await seed.PostAsync("Lost my BAG at the airport", _h.Now);
        await seed.PostAsync("my bag arrived, thanks", _h.Now);
        await seed.PostAsync("refund please", _h.Now);

        var both = await TextsAsync(db, "bag LOST");
        var one = await TextsAsync(db, "bag");

        Assert.Equal(["Lost my BAG at the airport"], both);
        Assert.Equal(2, one.Count);
    }

    [Fact]
    public async Task Search_PhraseOrAndExclusion_FollowWebSearchRules()
    {
        var (db, seed) = await NewAsync();
        await using var _ = db;
        await seed.PostAsync("lost bag again", _h.Now);
        await seed.PostAsync("the bag was lost", _h.Now);
        await seed.PostAsync("where is my refund", _h.Now);
        await seed.PostAsync("refund spam offer", _h.Now);

        var phrase = await TextsAsync(db, "\"lost bag\"");
        var either = await TextsAsync(db, "again or refund");
        var excluded = await TextsAsync(db, "refund -spam");

        Assert.Equal(["lost bag again"], phrase);
        Assert.Equal(3, either.Count);
        Assert.Equal(["where is my refund"], excluded);
    }

    [Theory]
    [InlineData("\"refund text")]
    [InlineData("refund AND NOT")]
    [InlineData("refund*")]
    [InlineData("NEAR(refund")]
    [InlineData("text:refund")]
    [InlineData("refund'); DROP TABLE posts; --")]
    [InlineData("refund & | ! <-> :*")]
    [InlineData("^refund +refund")]
    public async Task Search_QuerySyntaxOfEitherDatabase_IsPlainText(string input)
    {
        var (db, seed) = await NewAsync();
        await using var _ = db;
        // Every word of every input occurs in this post, so only a query that treats operators as text finds it.
        const string target = "near refund, text refund and not: drop table posts";
        await seed.PostAsync(target, _h.Now);
        await seed.PostAsync("nothing here", _h.Now);

        var hits = await TextsAsync(db, input);

        Assert.Contains(target, hits);
        Assert.DoesNotContain("nothing here", hits);
        Assert.True(await db.Posts.AnyAsync());
    }

    [Fact]
    public async Task Search_UnicodeWords_MatchCaseInsensitively()
    {
        var (db, seed) = await NewAsync();
        await using var _ = db;
        await seed.PostAsync("Zürich flight cancelled 😡", _h.Now);
        await seed.PostAsync("東京 の 便 が 遅れ", _h.Now);
        await seed.PostAsync("Paris is fine", _h.Now);

        var swiss = await TextsAsync(db, "zürich");
        var tokyo = await TextsAsync(db, "東京");
        var withEmoji = await TextsAsync(db, "😡 cancelled");

        Assert.Equal(["Zürich flight cancelled 😡"], swiss);
        Assert.Equal(["東京 の 便 が 遅れ"], tokyo);
        Assert.Equal(["Zürich flight cancelled 😡"], withEmoji);
    }

    [Fact]
    public async Task Search_AuthorHandle_IsSearchedToo()
    {
        var (db, seed) = await NewAsync();
        await using var _ = db;
        await seed.PostAsync("hello there", _h.Now, handle: "frequentflyer");
        await seed.PostAsync("hello again", _h.Now, handle: "someone");

        var hits = await TextsAsync(db, "frequentflyer");

        Assert.Equal(["hello there"], hits);
    }

    [Fact]
    public async Task Search_EditedText_IsFoundByItsNewWords()
    {
        var (db, seed) = await NewAsync();
        await using var _ = db;
        var post = await seed.PostAsync("original wording", _h.Now);

        post.Text = "corrected wording";
        await db.SaveChangesAsync();

        Assert.Empty(await TextsAsync(db, "original"));
        Assert.Equal(["corrected wording"], await TextsAsync(db, "corrected"));
    }

    [Fact]
    public async Task Search_Filters_NarrowByPlatformStatusQueueTagSentimentAndDate()
    {
        var (db, seed) = await NewAsync();
        await using var _ = db;
        var vip = new Core.Routing.Queue { WorkspaceId = seed.Workspace.Id, Name = "VIP", CreatedAt = _h.Now };
        db.Queues.Add(vip);
        await db.SaveChangesAsync();
        var open = await seed.ConversationAsync(ConversationStatus.Open, _h.Now);
        var resolved = await seed.ConversationAsync(ConversationStatus.Resolved, _h.Now, queueId: vip.Id);
        await seed.PostAsync("delay angry x", _h.Now.AddDays(-2), sentiment: -0.7, tags: "acme,fail", conversation: open);
        await seed.PostAsync("delay happy mastodon", _h.Now.AddHours(-1), sentiment: 0.6, tags: "acme", platform: "mastodon", conversation: resolved);
        await seed.PostAsync("delay neutral x", _h.Now, sentiment: 0.01, tags: "acmefail");

        Assert.Equal(["delay happy mastodon"], await TextsAsync(db, "delay", q => q with { Platform = "mastodon" }));
        Assert.Equal(["delay angry x"], await TextsAsync(db, "delay", q => q with { Status = ConversationStatus.Open }));
        Assert.Equal(["delay happy mastodon"], await TextsAsync(db, "delay", q => q with { QueueId = vip.Id }));
        Assert.Equal(["delay angry x"], await TextsAsync(db, "delay", q => q with { Tag = "fail" }));
        Assert.Equal(["delay neutral x"], await TextsAsync(db, "delay", q => q with { Tag = "acmefail" }));
        Assert.Equal(["delay angry x"], await TextsAsync(db, "delay", q => q with { Sentiment = SentimentBand.Negative }));
        Assert.Equal(["delay neutral x"], await TextsAsync(db, "delay", q => q with { Sentiment = SentimentBand.Neutral }));
        Assert.Equal(["delay happy mastodon"], await TextsAsync(db, "delay", q => q with { Sentiment = SentimentBand.Positive }));
        Assert.Equal(["delay neutral x", "delay happy mastodon"], await TextsAsync(db, "delay", q => q with { From = _h.Now.AddDays(-1) }));
        Assert.Equal(["delay angry x"], await TextsAsync(db, null, q => q with { To = _h.Now.AddDays(-1) }));
    }

    [Fact]
    public async Task Search_Hit_CarriesItsConversationAndQueue()
    {
        var (db, seed) = await NewAsync();
        await using var _ = db;
        var conversation = await seed.ConversationAsync(ConversationStatus.Assigned, _h.Now);
        await seed.PostAsync("broken seat", _h.Now, sentiment: -0.4, conversation: conversation);

        var page = await Search.SearchAsync(db, new PostSearchQuery { Text = Parse("seat") }, default);

        var hit = Assert.Single(page.Hits);
        Assert.Equal((conversation.Id, ConversationStatus.Assigned, seed.Care.Id, "Care"), (hit.ConversationId, hit.ConversationStatus, hit.QueueId, hit.QueueName));
        Assert.Equal(SentimentBand.Negative, hit.SentimentBand);
    }

    [Fact]
    public async Task Search_Pages_NewestFirstWithoutGapsOrRepeats()
    {
        var (db, seed) = await NewAsync();
        await using var _ = db;
        for (var i = 0; i < 5; i++)
        {
            await seed.PostAsync($"page item {i}", _h.Now);
        }

        var first = await Search.SearchAsync(db, new PostSearchQuery { Text = Parse("item"), Limit = 2 }, default);
        var second = await Search.SearchAsync(db, new PostSearchQuery { Text = Parse("item"), Limit = 2, AfterId = first.Hits[^1].PostId }, default);
        var third = await Search.SearchAsync(db, new PostSearchQuery { Text = Parse("item"), Limit = 2, AfterId = second.Hits[^1].PostId }, default);

        Assert.Equal(["page item 4", "page item 3", "page item 2", "page item 1", "page item 0"],
            first.Hits.Concat(second.Hits).Concat(third.Hits).Select(h => h.Text));
        Assert.Equal((true, true, false), (first.HasMore, second.HasMore, third.HasMore));
    }

    [Fact]
    public async Task Search_OtherWorkspacesPosts_AreNeverFound()
    {
        var (db, seed) = await NewAsync();
        await using var _ = db;
        await seed.PostAsync("secret merger talk", _h.Now);
        var (other, _) = await NewAsync();
        await using var __ = other;

        var hits = await TextsAsync(other, "merger");

        Assert.Empty(hits);
    }

    static SearchText Parse(string q) => SearchText.TryParse(q, out var text, out _) ? text! : throw new ArgumentException(q);
}

public sealed class SqlitePostSearchTests(SqliteTestDatabase database) : PostSearchTests<SqliteTestDatabase>(database);

public sealed class PostgresPostSearchTests(PostgresTestDatabase database) : PostSearchTests<PostgresTestDatabase>(database);
