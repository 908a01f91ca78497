using Earshot.Core.Agents;
using Earshot.Core.Data;
using Earshot.Core.Pipeline;
using Earshot.Core.Routing;
using Earshot.Core.Sla;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Workers;

/// <summary>
/// Time-driven care of waiting work: records SLA breaches as they happen, ages priority, applies escalation steps,
/// and takes agents whose desktop went silent offline.
/// </summary>
public sealed class SlaWorker(
    IDbContextFactory<EarshotDbContext> contexts, SlaService sla, EscalationService escalation, PresenceLiveness liveness, WorkSignals signals, ILogger<SlaWorker> log)
    : LoopWorker(contexts, log)
{
    protected override WorkSignal Signal => signals.Sla;
    // Breaches are recorded within seconds; the wait part moves by whole points, so a few seconds is plenty.
    protected override TimeSpan PollInterval => TimeSpan.FromSeconds(5);

    protected override async Task<int> RunOnceAsync(EarshotDbContext db, CancellationToken ct)
    {
        var breaches = await sla.RunOnceAsync(db, ct);
        var escalated = await escalation.RunOnceAsync(db, ct);
        escalated += await liveness.RunOnceAsync(db, ct);
        if (escalated > 0)
        {
            signals.Routing.Notify(); // new priority, skills or queue, or withdrawn offers: route again now
        }
        return breaches + escalated;
    }
}
