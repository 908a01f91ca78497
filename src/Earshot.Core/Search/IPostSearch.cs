using Earshot.Core.Data;

namespace Earshot.Core.Search;

/// <summary>
/// Full-text search over posts (and through them the conversations they belong to) with filters. The one seam
/// where SQLite (FTS5) and PostgreSQL (tsvector) differ; pick the implementation with <see cref="PostSearch.For"/>.
/// </summary>
public interface IPostSearch
{
    Task<PostSearchPage> SearchAsync(EarshotDbContext db, PostSearchQuery query, CancellationToken ct);
}
