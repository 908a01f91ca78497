using Earshot.Core.Data;
using Earshot.Core.Demo;
using Earshot.Core.Ingestion;
using Earshot.Core.Workspaces;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Workers;

/// <summary>The demo's simulated live stream: a few realistic mentions a second into the demo workspace.</summary>
public sealed class DemoStreamWorker(
    IDbContextFactory<EarshotDbContext> contexts, PostIngestor ingestor, TimeProvider time, ILogger<DemoStreamWorker> log) : BackgroundService
{
    static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(350);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var generator = new DemoPostGenerator(Environment.TickCount);
        using var timer = new PeriodicTimer(Interval, time);
        (long Workspace, long Source)? target = null;
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await using var db = await contexts.CreateDbContextAsync(stoppingToken);
                    // The demo workspace and its stream source do not change while the process runs: look them up once.
                    if (target is null)
                    {
                        var workspace = await db.Workspaces.SingleAsync(w => w.IsDefault, stoppingToken);
                        var source = await WorkspaceProvisioner.SourceAsync(db, workspace.Id, DemoWorkspace.StreamSourceName, stoppingToken);
                        target = (workspace.Id, source.Id);
                    }
                    var now = time.GetUtcNow().UtcDateTime;
                    var (post, _, error) = PostNormalizer.Normalize(generator.Next(now), target.Value.Workspace, target.Value.Source, now);
                    if (post is not null)
                    {
                        await ingestor.IngestAsync(db, [post], stoppingToken);
                    }
                    else
                    {
                        log.LogWarning("Demo post rejected: {Error}", error);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    log.LogError(ex, "Demo stream failed a tick");
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
