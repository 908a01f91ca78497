using Earshot.Core.Data;
using Earshot.Core.Ingestion;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Core.Search;

/// <summary>
/// The filtering and paging both databases share; each provider only says which posts match the text.
/// Queries run under the context's workspace scope (the global query filters), so callers scope the context first.
/// </summary>
public abstract class PostSearch : IPostSearch
{
    /// <summary>The search of the database the dialect speaks to.</summary>
    public static IPostSearch For(IDatabaseDialect dialect) => dialect is PostgresDialect ? new PostgresPostSearch() : new SqlitePostSearch();

    /// <summary>The posts whose text, author handle or author name match <paramref name="text"/>.</summary>
    protected abstract IQueryable<Post> Matching(EarshotDbContext db, SearchText text);

    public async Task<PostSearchPage> SearchAsync(EarshotDbContext db, PostSearchQuery query, CancellationToken ct)
    {
        var posts = query.Text is null ? db.Posts : Matching(db, query.Text);
        posts = posts.AsNoTracking();
        if (query.Platform is { } platform)
        {
            posts = posts.Where(p => p.Platform == platform);
        }
        if (query.Tag is { } tag)
        {
            var wrapped = "," + tag + ",";
            posts = posts.Where(p => ("," + p.Tags + ",").Contains(wrapped));
        }
        posts = query.Sentiment switch
        {
            SentimentBand.Negative => posts.Where(p => p.SentimentCompound <= SentimentBands.NegativeAtMost),
            SentimentBand.Positive => posts.Where(p => p.SentimentCompound >= SentimentBands.PositiveAtLeast),
            SentimentBand.Neutral => posts.Where(p => p.SentimentCompound > SentimentBands.NegativeAtMost && p.SentimentCompound < SentimentBands.PositiveAtLeast),
            _ => posts,
        };
        if (query.From is { } from)
        {
            posts = posts.Where(p => p.CreatedAt >= from);
        }
        if (query.To is { } to)
        {
            posts = posts.Where(p => p.CreatedAt < to);
        }
        if (query.AfterId is { } after)
        {
            posts = posts.Where(p => p.Id < after);
        }
        var rows = from p in posts
                   join c in db.Conversations on p.ConversationId equals c.Id into cs
                   from c in cs.DefaultIfEmpty()
                   join q in db.Queues on c.QueueId equals q.Id into qs
                   from q in qs.DefaultIfEmpty()
                   select new { Post = p, Conversation = c, QueueName = q.Name };
        if (query.Status is { } status)
        {
            rows = rows.Where(r => r.Conversation != null && r.Conversation.Status == status);
        }
        if (query.QueueId is { } queueId)
        {
            rows = rows.Where(r => r.Conversation != null && r.Conversation.QueueId == queueId);
        }
        var page = await rows.OrderByDescending(r => r.Post.Id)
            .Take(query.Limit + 1)
            .Select(r => new
            {
                r.Post.Id, r.Post.Platform, r.Post.Text, r.Post.AuthorHandle, r.Post.AuthorName, r.Post.CreatedAt,
                r.Post.SentimentCompound, r.Post.Intent, r.Post.Bucket, r.Post.Tags, r.Post.ConversationId,
                Status = r.Conversation == null ? (Conversations.ConversationStatus?)null : r.Conversation.Status,
                QueueId = r.Conversation == null ? (long?)null : r.Conversation.QueueId,
                r.QueueName,
            })
            .ToListAsync(ct);
        var hits = page.Take(query.Limit).Select(r => new PostSearchHit(
            r.Id, r.Platform, r.Text, r.AuthorHandle, r.AuthorName, r.CreatedAt, r.SentimentCompound, SentimentBands.Of(r.SentimentCompound),
            r.Intent?.ToString().ToLowerInvariant(), r.Bucket?.ToString().ToLowerInvariant(),
            r.Tags.Length == 0 ? [] : r.Tags.Split(','), r.ConversationId, r.Status, r.QueueId, r.QueueName)).ToList();
        return new PostSearchPage(hits, page.Count > query.Limit);
    }
}

/// <summary>SQLite: an FTS5 index (<c>posts_fts</c>) kept in step with <c>posts</c> by triggers.</summary>
sealed class SqlitePostSearch : PostSearch
{
    protected override IQueryable<Post> Matching(EarshotDbContext db, SearchText text) =>
        db.Posts.FromSqlRaw("SELECT * FROM posts WHERE id IN (SELECT rowid FROM posts_fts WHERE posts_fts MATCH {0})", text.ToFts5());
}

/// <summary>PostgreSQL: a GIN expression index over the same tsvector the query computes, and websearch_to_tsquery.</summary>
sealed class PostgresPostSearch : PostSearch
{
    protected override IQueryable<Post> Matching(EarshotDbContext db, SearchText text) =>
        db.Posts.FromSqlRaw($"SELECT * FROM posts WHERE {SearchSchema.PostgresDocument} @@ websearch_to_tsquery('simple'::regconfig, {{0}})", text.ToWebSearch());
}
