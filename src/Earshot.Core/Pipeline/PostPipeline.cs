using System.Diagnostics;
using Earshot.Core.Contacts;
using Earshot.Core.Conversations;
using Earshot.Core.Data;
using Earshot.Core.Ingestion;
using Earshot.Core.Learning;
using Earshot.Core.Listening;
using Earshot.Core.Workspaces;
using Earshot.Triage;
using Earshot.Triage.Listening;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Earshot.Core.Pipeline;

/// <summary>
/// Listen → triage → bucket → thread, for a claimed batch of received posts, saved in one transaction. A post is
/// processed exactly once: its lease token is checked when the result is written.
/// </summary>
public sealed class PostPipeline(
    IDatabaseDialect dialect,
    WorkspaceTriageEngines engines,
    ListeningRuleCache rules,
    ConversationThreader threader,
    WorkSignals signals,
    PipelineMetrics metrics,
    TimeProvider time,
    ILogger<PostPipeline> log)
{
    public const int BatchSize = 256;
    static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    /// <summary>Processes one batch; returns how many posts it processed (0 when there was nothing to do).</summary>
    public async Task<int> RunOnceAsync(EarshotDbContext db, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        // Rows tracked from earlier work would hide the lease the claim just wrote.
        db.ChangeTracker.Clear();
        var now = time.GetUtcNow().UtcDateTime;
        var token = Guid.NewGuid().ToString("N");
        var claimed = await dialect.ClaimAsync(db, "posts", "status = 'Received'", token, now, now + Lease, BatchSize, ct);
        if (claimed == 0)
        {
            return 0;
        }
        var posts = await db.Posts.IgnoreQueryFilters()
            .Where(p => p.LeaseToken == token && p.Status == PostStatus.Received)
            .OrderBy(p => p.Id)
            .ToListAsync(ct);
        var opened = 0;
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            foreach (var group in posts.GroupBy(p => p.WorkspaceId))
            {
                opened += await ProcessWorkspaceAsync(db, group.Key, [.. group], now, ct);
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Our lease was taken over (we were too slow): the other node's result stands.
            log.LogWarning("Lost the lease on a batch of {Count} posts; another node processes them", posts.Count);
            db.ChangeTracker.Clear();
            return 0;
        }
        catch (DbUpdateException ex)
        {
            // A race with another node (the same new author or thread): free the batch and try again at once.
            log.LogWarning(ex, "Batch of {Count} posts conflicted with another writer; retrying", posts.Count);
            db.ChangeTracker.Clear();
            await db.Posts.IgnoreQueryFilters().Where(p => p.LeaseToken == token)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.LeaseToken, (string?)null).SetProperty(p => p.LeaseUntil, (DateTime?)null), ct);
            return 0;
        }
        db.ChangeTracker.Clear();
        metrics.Triaged(posts.Count);
        metrics.Queued(opened);
        metrics.StageTook("pipeline", Stopwatch.GetElapsedTime(started));
        if (opened > 0)
        {
            signals.Routing.Notify();
        }
        return posts.Count;
    }

    async Task<int> ProcessWorkspaceAsync(EarshotDbContext db, long workspaceId, List<Post> posts, DateTime now, CancellationToken ct)
    {
        var workspace = await db.Workspaces.IgnoreQueryFilters().AsNoTracking().SingleAsync(w => w.Id == workspaceId, ct);
        var compiled = await rules.GetAsync(db, workspaceId, ct);
        var engine = await engines.GetAsync(db, workspaceId, ct);
        var identities = await UpsertIdentitiesAsync(db, workspaceId, posts, now, ct);
        await ContactLinker.LinkAsync(db, workspaceId, posts, identities, now, ct);
        var batch = await threader.BeginAsync(db, workspace, posts, identities, now, ct);

        foreach (var post in posts)
        {
            var language = post.LanguageHint ?? engine.IdentifyLanguage(post.Text);
            var tags = compiled.TagsFor(new ListeningPost(post.Text, post.AuthorHandle, post.Platform, language, post.AuthorFollowers, post.AuthorVerified));
            var triage = engine.Classify(
                new TriageInput(post.Text, post.Platform, language, post.AuthorFollowers, post.AuthorVerified, post.Likes, post.Reposts, tags),
                workspace.BucketPolicy);
            post.ApplyTriage(triage, tags, now);
            if (post.AuthorHandle is not null && identities.TryGetValue((post.Platform, Identity.Normalize(post.AuthorHandle)), out var identity))
            {
                post.IdentityId = identity.Id;
            }
            batch.Thread(post);
        }
        await batch.CompleteAsync(ct);
        return batch.Opened;
    }

    static async Task<Dictionary<(string, string), Identity>> UpsertIdentitiesAsync(
        EarshotDbContext db, long workspaceId, List<Post> posts, DateTime now, CancellationToken ct)
    {
        var authors = posts.Where(p => p.AuthorHandle is not null)
            .GroupBy(p => (p.Platform, Handle: Identity.Normalize(p.AuthorHandle!)))
            .ToDictionary(g => g.Key, g => g.Last());
        var handles = authors.Keys.Select(k => k.Handle).Distinct().ToList();
        var existing = await db.Identities.IgnoreQueryFilters()
            .Where(i => i.WorkspaceId == workspaceId && handles.Contains(i.HandleNormalized))
            .ToListAsync(ct);
        var result = existing.Where(i => authors.ContainsKey((i.Platform, i.HandleNormalized)))
            .ToDictionary(i => (i.Platform, i.HandleNormalized));
        foreach (var ((platform, handle), post) in authors)
        {
            if (!result.TryGetValue((platform, handle), out var identity))
            {
                identity = new Identity
                {
                    WorkspaceId = workspaceId,
                    Platform = platform,
                    Handle = post.AuthorHandle!,
                    HandleNormalized = handle,
                    FirstSeenAt = now,
                };
                db.Identities.Add(identity);
                result[(platform, handle)] = identity;
            }
            identity.DisplayName = post.AuthorName ?? identity.DisplayName;
            identity.Followers = post.AuthorFollowers;
            identity.Verified = post.AuthorVerified;
            identity.LastSeenAt = now;
        }
        // Identities need their ids before posts and conversations point at them.
        await db.SaveChangesAsync(ct);
        return result;
    }
}
