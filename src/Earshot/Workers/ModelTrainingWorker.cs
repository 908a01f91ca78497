using Earshot.Core.Data;
using Earshot.Core.Learning;
using Earshot.Core.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Workers;

/// <summary>Retrains workspaces' triage models once enough new corrections have come in.</summary>
public sealed class ModelTrainingWorker(IDbContextFactory<EarshotDbContext> contexts, ModelTrainer trainer, WorkSignals signals, ILogger<ModelTrainingWorker> log)
    : LoopWorker(contexts, log)
{
    protected override WorkSignal Signal => signals.Training;
    protected override TimeSpan PollInterval => TimeSpan.FromMinutes(1);
    protected override Task<int> RunOnceAsync(EarshotDbContext db, CancellationToken ct) => trainer.RunOnceAsync(db, ct);
}
