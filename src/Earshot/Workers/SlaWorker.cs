using Earshot.Core.Data;
using Earshot.Core.Pipeline;
using Earshot.Core.Sla;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Workers;

/// <summary>Records SLA breaches as they happen and ages waiting work against its SLA.</summary>
public sealed class SlaWorker(IDbContextFactory<EarshotDbContext> contexts, SlaService sla, WorkSignals signals, ILogger<SlaWorker> log)
    : LoopWorker(contexts, log)
{
    protected override WorkSignal Signal => signals.Sla;
    // Breaches are recorded within seconds; the wait part moves by whole points, so a few seconds is plenty.
    protected override TimeSpan PollInterval => TimeSpan.FromSeconds(5);
    protected override Task<int> RunOnceAsync(EarshotDbContext db, CancellationToken ct) => sla.RunOnceAsync(db, ct);
}
