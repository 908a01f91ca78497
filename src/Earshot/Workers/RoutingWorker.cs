using Earshot.Core.Data;
using Earshot.Core.Pipeline;
using Earshot.Core.Routing;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Workers;

/// <summary>Expires stale offers and offers waiting conversations to available agents.</summary>
public sealed class RoutingWorker(IDbContextFactory<EarshotDbContext> contexts, RoutingService routing, WorkSignals signals, ILogger<RoutingWorker> log)
    : LoopWorker(contexts, log)
{
    protected override WorkSignal Signal => signals.Routing;
    protected override TimeSpan PollInterval => TimeSpan.FromMilliseconds(500);
    protected override Task<int> RunOnceAsync(EarshotDbContext db, CancellationToken ct) => routing.RunOnceAsync(db, ct);
}
