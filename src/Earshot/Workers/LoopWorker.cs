using Earshot.Core.Data;
using Earshot.Core.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Workers;

/// <summary>
/// A thin background loop: wake on a signal or after the poll interval, run one round with a fresh DbContext,
/// and go again at once while there was work. Errors are logged and retried after a pause, never fatal.
/// </summary>
public abstract class LoopWorker(IDbContextFactory<EarshotDbContext> contexts, ILogger logger) : BackgroundService
{
    protected abstract WorkSignal Signal { get; }
    protected virtual TimeSpan PollInterval => TimeSpan.FromMilliseconds(500);

    /// <summary>One round; returns how much work it did (0 = idle).</summary>
    protected abstract Task<int> RunOnceAsync(EarshotDbContext db, CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            var worked = 0;
            try
            {
                await using var db = await contexts.CreateDbContextAsync(stoppingToken);
                worked = await RunOnceAsync(db, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "{Worker} failed a round; retrying", GetType().Name);
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
            if (worked == 0)
            {
                try
                {
                    await Signal.WaitAsync(PollInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
