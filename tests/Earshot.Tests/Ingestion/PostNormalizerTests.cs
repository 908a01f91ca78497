using Earshot.Core.Ingestion;

namespace Earshot.Tests.Ingestion;

public class PostNormalizerTests
{
    static readonly DateTime Now = new(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Normalize_FullPost_KeepsEveryField()
    {
        var doc = new PostDocument
        {
            Id = "1720", Platform = "Twitter", Text = "@acmeair lost my bag again",
            Author = new PostAuthor { Handle = "@jo", Name = "Jo", Followers = 5400, Verified = true },
            CreatedAt = new DateTimeOffset(2026, 11, 20, 10, 15, 0, TimeSpan.Zero), InReplyTo = "1700", Lang = "EN",
            Metrics = new PostMetrics { Likes = 3, Reposts = 1, Replies = 2 },
        };

        var (post, field, _) = PostNormalizer.Normalize(doc, 1, 2, Now);

        Assert.Null(field);
        Assert.Equal(("1720", "x", "jo", "Jo", 5400L, true), (post!.ExternalId, post.Platform, post.AuthorHandle, post.AuthorName, post.AuthorFollowers, post.AuthorVerified));
        Assert.Equal(("1700", "en", 3L, 1L, 2L), (post.InReplyToExternalId, post.LanguageHint, post.Likes, post.Reposts, post.Replies));
        Assert.Equal(new DateTime(2026, 11, 20, 10, 15, 0, DateTimeKind.Utc), post.CreatedAt);
    }

    [Theory]
    [InlineData(null, "text")]
    [InlineData("   ", "text")]
    public void Normalize_MissingText_NamesTheField(string? text, string expected)
    {
        var (post, field, error) = PostNormalizer.Normalize(new PostDocument { Text = text }, 1, 2, Now);

        Assert.Null(post);
        Assert.Equal(expected, field);
        Assert.Contains("text", error);
    }

    [Fact]
    public void Normalize_NegativeFollowers_NamesTheField()
    {
        var (_, field, _) = PostNormalizer.Normalize(new PostDocument { Text = "hi", Author = new PostAuthor { Followers = -1 } }, 1, 2, Now);

        Assert.Equal("author.followers", field);
    }

    [Fact]
    public void Normalize_BadPlatform_NamesTheField()
    {
        var (_, field, _) = PostNormalizer.Normalize(new PostDocument { Text = "hi", Platform = "x y<script>" }, 1, 2, Now);

        Assert.Equal("platform", field);
    }

    [Fact]
    public void Normalize_NoId_GivesTheSameContentIdTwice()
    {
        var doc = new PostDocument { Text = "same words", Author = new PostAuthor { Handle = "a" } };

        var first = PostNormalizer.Normalize(doc, 1, 2, Now).Post!;
        var second = PostNormalizer.Normalize(doc, 1, 2, Now.AddMinutes(5)).Post!;

        Assert.StartsWith("sha:", first.ExternalId);
        Assert.Equal(first.ExternalId, second.ExternalId);
    }

    [Fact]
    public void Normalize_TextTooLong_IsRefused()
    {
        var (post, field, _) = PostNormalizer.Normalize(new PostDocument { Text = new string('a', PostNormalizer.MaxTextLength + 1) }, 1, 2, Now);

        Assert.Null(post);
        Assert.Equal("text", field);
    }
}
