using Earshot.Core.Data;
using Earshot.Core.Ingestion;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Earshot.Core.Channels.Polling;

/// <summary>
/// Polls due sources whose connector polls. A source is leased to one node at a time; between polls its
/// <see cref="Source.LeaseUntil"/> holds the next due time, so the same claim finds sources that are free and due.
/// Posts are stored before the cursor moves: a crash in between re-reads posts that ingest then deduplicates,
/// so a restart neither misses nor repeats.
/// </summary>
public sealed class SourcePoller(
    IDatabaseDialect dialect, ConnectorRegistry connectors, PostIngestor ingestor, TimeProvider time, ILogger<SourcePoller> log,
    SourceCredentials? credentials = null)
{
    public const string IntervalSetting = "poll_interval_seconds";
    const int BatchSize = 4;
    static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(30);
    static readonly TimeSpan MaxBackoff = TimeSpan.FromHours(1);
    static readonly TimeSpan MinInterval = TimeSpan.FromSeconds(5);

    readonly Dictionary<string, IPollingConnector> _polling = connectors.All.OfType<IPollingConnector>()
        .ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>Polls the sources that are due; returns how many it polled.</summary>
    public async Task<int> RunOnceAsync(EarshotDbContext db, CancellationToken ct)
    {
        if (_polling.Count == 0)
        {
            return 0;
        }
        db.ChangeTracker.Clear();
        var now = time.GetUtcNow().UtcDateTime;
        var token = Guid.NewGuid().ToString("N");
        // Connector names are constants of this process's connectors, never user input.
        var names = string.Join(", ", _polling.Keys.Select(n => $"'{n.ToLowerInvariant()}'"));
        var claimed = await dialect.ClaimAsync(db, "sources", $"connector IN ({names}) AND status <> 'Paused'", token, now, now + Lease, BatchSize, ct);
        if (claimed == 0)
        {
            return 0;
        }
        var sources = await db.Sources.IgnoreQueryFilters().AsNoTracking().Where(s => s.LeaseToken == token).OrderBy(s => s.Id).ToListAsync(ct);
        foreach (var source in sources)
        {
            await PollOneAsync(db, source, token, ct);
        }
        return sources.Count;
    }

    async Task PollOneAsync(EarshotDbContext db, Source source, string token, CancellationToken ct)
    {
        var connector = _polling[source.Connector];
        PollResult result;
        try
        {
            // Credentials are decrypted in memory only, for this poll; the row keeps them encrypted.
            var readable = credentials is null ? source : credentials.Reveal(source);
            result = await connector.PollAsync(readable, source.Cursor, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            await RecordFailureAsync(db, source, token, ex, ct);
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var posts = new List<Post>(result.Posts.Count);
        foreach (var doc in result.Posts)
        {
            var (post, field, error) = PostNormalizer.Normalize(doc with { Platform = doc.Platform ?? source.Platform }, source.WorkspaceId, source.Id, now);
            if (post is null)
            {
                // One bad item must not block the feed: skip it, say so, and move on.
                log.LogWarning("Source {Source}: skipped post {Id}: {Field} {Error}", source.Name, doc.Id, field, error);
                continue;
            }
            posts.Add(post);
        }
        var ingested = await ingestor.IngestAsync(db, posts, ct);
        db.ChangeTracker.Clear();
        var interval = IntervalOf(source, connector);
        var next = now + (result.WaitAtLeast is { } wait && wait > interval ? wait : interval);
        // Only the lease holder may move the cursor: a node whose lease ran out and was taken over writes nothing.
        var updated = await db.Sources.IgnoreQueryFilters()
            .Where(s => s.Id == source.Id && s.LeaseToken == token)
            .ExecuteUpdateAsync(u => u
                .SetProperty(s => s.Cursor, result.NewCursor)
                .SetProperty(s => s.Status, s => s.Status == SourceStatus.Failing ? SourceStatus.Active : s.Status)
                .SetProperty(s => s.ConsecutiveFailures, 0)
                .SetProperty(s => s.LeaseToken, (string?)null)
                .SetProperty(s => s.LeaseUntil, next), ct);
        if (updated == 0)
        {
            log.LogWarning("Source {Source}: lease lost while polling; another node continues", source.Name);
        }
        else if (ingested.Accepted > 0)
        {
            log.LogInformation("Source {Source}: {Count} new posts", source.Name, ingested.Accepted);
        }
    }

    async Task RecordFailureAsync(EarshotDbContext db, Source source, string token, Exception ex, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var failures = source.ConsecutiveFailures + 1;
        var wait = ex is PollFailedException { RetryAfter: { } retryAfter } ? retryAfter : Backoff(failures);
        var message = ex.Message.Length > 2000 ? ex.Message[..2000] : ex.Message;
        log.LogWarning("Source {Source} failed to poll ({Failures} in a row), next try in {Wait}: {Error}", source.Name, failures, wait, message);
        await db.Sources.IgnoreQueryFilters()
            .Where(s => s.Id == source.Id && s.LeaseToken == token)
            .ExecuteUpdateAsync(u => u
                .SetProperty(s => s.Status, s => s.Status == SourceStatus.Paused ? SourceStatus.Paused : SourceStatus.Failing)
                .SetProperty(s => s.LastError, message)
                .SetProperty(s => s.LastErrorAt, now)
                .SetProperty(s => s.ConsecutiveFailures, failures)
                .SetProperty(s => s.LeaseToken, (string?)null)
                .SetProperty(s => s.LeaseUntil, now + wait), ct);
    }

    /// <summary>30 s, 1 min, 2 min... capped at one hour.</summary>
    public static TimeSpan Backoff(int failures) =>
        TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, FirstBackoff.Ticks * (1L << Math.Min(failures - 1, 20))));

    static TimeSpan IntervalOf(Source source, IPollingConnector connector) =>
        SourceSettings.Number(source, IntervalSetting) is { } seconds
            ? TimeSpan.FromSeconds(Math.Max(seconds, MinInterval.TotalSeconds))
            : connector.DefaultPollIntervalFor(source);
}
