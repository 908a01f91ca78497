using Earshot.Core.Data;
using Earshot.Core.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Core.Ingestion;

/// <summary>
/// Stores normalized posts before anything else happens to them, once per platform id. New posts of a batch are
/// written in one transaction; if another node stored some of them meanwhile, the rest are stored one by one.
/// </summary>
public sealed class PostIngestor(WorkSignals signals, PipelineMetrics metrics)
{
    public async Task<IngestResult> IngestAsync(EarshotDbContext db, IReadOnlyList<Post> posts, CancellationToken ct)
    {
        if (posts.Count == 0)
        {
            return new IngestResult(0, 0, []);
        }
        var workspaceId = posts[0].WorkspaceId;
        // Duplicates inside the batch: the first one wins.
        var unique = posts.DistinctBy(p => (p.Platform, p.ExternalId)).ToList();
        var keys = unique.Select(p => p.ExternalId).ToList();
        var known = await db.Posts.IgnoreQueryFilters()
            .Where(p => p.WorkspaceId == workspaceId && keys.Contains(p.ExternalId))
            .Select(p => new { p.Platform, p.ExternalId })
            .ToListAsync(ct);
        var knownSet = known.Select(k => (k.Platform, k.ExternalId)).ToHashSet();
        var fresh = unique.Where(p => !knownSet.Contains((p.Platform, p.ExternalId))).ToList();
        if (fresh.Count > 0)
        {
            db.Posts.AddRange(fresh);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another node stored one of them between our check and our insert: store one by one, skipping those.
                foreach (var entry in db.ChangeTracker.Entries<Post>().ToList())
                {
                    entry.State = Microsoft.EntityFrameworkCore.EntityState.Detached;
                }
                fresh = await InsertOneByOneAsync(db, fresh, ct);
            }
        }
        metrics.Ingested(fresh.Count);
        if (fresh.Count > 0)
        {
            signals.Pipeline.Notify();
        }
        return new IngestResult(fresh.Count, posts.Count - fresh.Count, [.. fresh.Select(p => p.Id)]);
    }

    static async Task<List<Post>> InsertOneByOneAsync(EarshotDbContext db, List<Post> posts, CancellationToken ct)
    {
        var stored = new List<Post>();
        foreach (var post in posts)
        {
            post.Id = 0;
            db.Posts.Add(post);
            try
            {
                await db.SaveChangesAsync(ct);
                stored.Add(post);
            }
            catch (DbUpdateException)
            {
                db.Entry(post).State = Microsoft.EntityFrameworkCore.EntityState.Detached;
            }
        }
        return stored;
    }
}
