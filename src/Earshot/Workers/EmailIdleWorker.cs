using System.Collections.Concurrent;
using Earshot.Core.Channels;
using Earshot.Core.Channels.Email;
using Earshot.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Workers;

/// <summary>
/// Keeps an IMAP IDLE open on every active e-mail source; when mail arrives it makes the source due now, and the
/// source poller (which owns the cursor and the one-node lease) reads it within a second. Without IDLE support,
/// or while the server is unreachable, the source is simply polled on its interval.
/// </summary>
public sealed class EmailIdleWorker(
    IDbContextFactory<EarshotDbContext> contexts, EmailIdleWatcher watcher, TimeProvider time, ILogger<EmailIdleWorker> log) : BackgroundService
{
    static readonly TimeSpan Rescan = TimeSpan.FromSeconds(30);
    readonly ConcurrentDictionary<long, Task> _watching = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var db = await contexts.CreateDbContextAsync(stoppingToken);
                var ids = await db.Sources.IgnoreQueryFilters().AsNoTracking()
                    .Where(s => s.Connector == EmailConnector.ConnectorName && s.Status != SourceStatus.Paused)
                    .Select(s => s.Id).ToListAsync(stoppingToken);
                foreach (var done in _watching.Where(w => w.Value.IsCompleted).ToList())
                {
                    _watching.TryRemove(done.Key, out _);
                }
                foreach (var id in ids.Where(id => !_watching.ContainsKey(id)))
                {
                    _watching[id] = WatchAsync(id, stoppingToken);
                }
                await Task.Delay(Rescan, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                log.LogWarning(ex, "E-mail IDLE: could not list sources; trying again");
                await Task.Delay(Rescan, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
        await Task.WhenAll(_watching.Values).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    async Task WatchAsync(long sourceId, CancellationToken ct)
    {
        var failures = 0;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                Source? source;
                await using (var db = await contexts.CreateDbContextAsync(ct))
                {
                    source = await db.Sources.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(s => s.Id == sourceId, ct);
                }
                if (source is null || source.Status == SourceStatus.Paused || source.Connector != EmailConnector.ConnectorName)
                {
                    return;
                }
                bool? arrived;
                try
                {
                    arrived = await watcher.WaitForMailAsync(source, ct);
                    failures = 0;
                }
                catch (Exception ex) when (!ct.IsCancellationRequested)
                {
                    // The poller records the mailbox's errors on the source; here a failed IDLE only waits and tries again.
                    failures++;
                    log.LogDebug(ex, "E-mail IDLE on source {Source} failed ({Failures} in a row)", source.Name, failures);
                    await Task.Delay(TimeSpan.FromSeconds(Math.Min(300, 15 * failures)), time, ct);
                    continue;
                }
                if (arrived is null)
                {
                    log.LogInformation("Source {Source}: the IMAP server cannot IDLE; polling only", source.Name);
                    return;
                }
                if (arrived == true)
                {
                    await using var db = await contexts.CreateDbContextAsync(ct);
                    var now = time.GetUtcNow().UtcDateTime;
                    // Due now, unless a node is reading it right now (that read sees the new mail or the next one will).
                    await db.Sources.IgnoreQueryFilters().Where(s => s.Id == sourceId && s.LeaseToken == null)
                        .ExecuteUpdateAsync(u => u.SetProperty(s => s.LeaseUntil, now), ct);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }
}
