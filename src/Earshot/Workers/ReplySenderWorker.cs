using Earshot.Core.Data;
using Earshot.Core.Pipeline;
using Earshot.Core.Replies;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Workers;

/// <summary>Delivers queued replies through their connectors.</summary>
public sealed class ReplySenderWorker(IDbContextFactory<EarshotDbContext> contexts, ReplySender sender, WorkSignals signals, ILogger<ReplySenderWorker> log)
    : LoopWorker(contexts, log)
{
    protected override WorkSignal Signal => signals.Outbox;
    protected override TimeSpan PollInterval => TimeSpan.FromMilliseconds(500);
    protected override Task<int> RunOnceAsync(EarshotDbContext db, CancellationToken ct) => sender.RunOnceAsync(db, ct);
}
