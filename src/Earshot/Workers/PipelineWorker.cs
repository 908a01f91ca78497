using Earshot.Core.Data;
using Earshot.Core.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Workers;

/// <summary>Moves received posts through listen, triage, bucket and threading.</summary>
public sealed class PipelineWorker(IDbContextFactory<EarshotDbContext> contexts, PostPipeline pipeline, WorkSignals signals, ILogger<PipelineWorker> log)
    : LoopWorker(contexts, log)
{
    protected override WorkSignal Signal => signals.Pipeline;
    protected override TimeSpan PollInterval => TimeSpan.FromMilliseconds(250);
    protected override Task<int> RunOnceAsync(EarshotDbContext db, CancellationToken ct) => pipeline.RunOnceAsync(db, ct);
}
