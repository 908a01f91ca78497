using Earshot.Core.Conversations;
using Earshot.Core.Data;
using Earshot.Core.Search;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Earshot.Api;

/// <summary>Full-text search over posts and the conversations they belong to, with filters.</summary>
public static class SearchApi
{
    public static RouteGroupBuilder MapSearchApi(this RouteGroupBuilder api)
    {
        api.MapGet("/search", SearchAsync).WithTags("Search")
            .WithSummary("Posts whose text or author match q (all words; \"a phrase\"; a or b; -excluded), newest first, filtered by platform, "
                         + "conversation status and queue, tag, sentiment (negative, neutral, positive) and date range [from, to).");
        return api;
    }

    static async Task<Results<Ok<Page<PostSearchHit>>, ProblemHttpResult>> SearchAsync(
        string? q, string? platform, string? status, long? queue, string? tag, string? sentiment, DateTimeOffset? from, DateTimeOffset? to,
        int? limit, string? cursor, EarshotDbContext db, IPostSearch search, CancellationToken ct)
    {
        var (query, error, field) = Parse(q, platform, status, queue, tag, sentiment, from, to, limit, cursor);
        if (query is null)
        {
            return (ProblemHttpResult)Problems.BadRequest(error!, field);
        }
        var page = await search.SearchAsync(db, query, ct);
        return TypedResults.Ok(new Page<PostSearchHit>(page.Hits, page.HasMore ? Paging.Encode(page.Hits[^1].PostId) : null));
    }

    /// <summary>Checks every parameter; answers the query, or what is wrong and with which field.</summary>
    public static (PostSearchQuery? Query, string? Error, string? Field) Parse(
        string? q, string? platform, string? status, long? queue, string? tag, string? sentiment, DateTimeOffset? from, DateTimeOffset? to,
        int? limit, string? cursor)
    {
        if (Paging.Validate(limit, cursor) is { } pagingError)
        {
            return (null, pagingError, limit is < 1 or > Paging.MaxLimit ? "limit" : "cursor");
        }
        if (!SearchText.TryParse(q, out var text, out var textError))
        {
            return (null, textError, "q");
        }
        ConversationStatus? wanted = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (!Enum.TryParse<ConversationStatus>(status.Trim(), ignoreCase: true, out var parsed) || int.TryParse(status, out _))
            {
                return (null, "status must be one of open, assigned, pending, resolved, closed", "status");
            }
            wanted = parsed;
        }
        SentimentBand? band = null;
        if (!string.IsNullOrWhiteSpace(sentiment))
        {
            if (!Enum.TryParse<SentimentBand>(sentiment.Trim(), ignoreCase: true, out var parsed) || int.TryParse(sentiment, out _))
            {
                return (null, "sentiment must be one of negative, neutral, positive", "sentiment");
            }
            band = parsed;
        }
        if (platform is { Length: > 32 })
        {
            return (null, "platform is longer than 32 characters", "platform");
        }
        if (tag is { Length: > 64 } || tag?.Contains(',') == true)
        {
            return (null, "tag must be one listening rule tag of at most 64 characters", "tag");
        }
        if (from is not null && to is not null && from >= to)
        {
            return (null, "from must be before to", "from");
        }
        return (new PostSearchQuery
        {
            Text = text,
            Platform = string.IsNullOrWhiteSpace(platform) ? null : platform.Trim().ToLowerInvariant(),
            Status = wanted,
            QueueId = queue,
            Tag = string.IsNullOrWhiteSpace(tag) ? null : tag.Trim(),
            Sentiment = band,
            From = from?.UtcDateTime,
            To = to?.UtcDateTime,
            Limit = Paging.Limit(limit),
            AfterId = Paging.Decode(cursor),
        }, null, null);
    }
}
