using Earshot.Core.Data;
using Earshot.Triage;
using Earshot.Triage.Learning;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Earshot.Core.Learning;

/// <summary>
/// Retrains a workspace's triage model from its agents' corrections. The candidate is scored by K-fold
/// cross-validation on the corrections (each scored by a model that never saw it) and compared with what the model
/// in use gets on the same corrections; it is switched to only when it does at least as well. Every attempt is kept
/// with its report.
/// </summary>
public sealed class ModelTrainer(WorkspaceTriageEngines engines, TimeProvider time, ILogger<ModelTrainer> log)
{
    /// <summary>Corrections a workspace needs before its first retraining, and new ones between retrainings.</summary>
    public const int MinCorrections = 20;

    public async Task<int> RunOnceAsync(EarshotDbContext db, CancellationToken ct)
    {
        var candidates = await db.TriageCorrections.IgnoreQueryFilters()
            .GroupBy(c => c.WorkspaceId)
            .Select(g => new { WorkspaceId = g.Key, Count = g.Count(), Latest = g.Max(c => c.CreatedAt) })
            .ToListAsync(ct);
        var trained = 0;
        foreach (var workspace in candidates.Where(c => c.Count >= MinCorrections))
        {
            var last = await db.WorkspaceModels.IgnoreQueryFilters().Where(m => m.WorkspaceId == workspace.WorkspaceId)
                .OrderByDescending(m => m.TrainedAt).Select(m => new { m.TrainedAt, m.Corrections }).FirstOrDefaultAsync(ct);
            if (last is not null && (workspace.Latest <= last.TrainedAt || workspace.Count - last.Corrections < MinCorrections))
            {
                continue;
            }
            await TrainAsync(db, workspace.WorkspaceId, ct);
            trained++;
        }
        return trained;
    }

    public async Task<WorkspaceModel> TrainAsync(EarshotDbContext db, long workspaceId, CancellationToken ct)
    {
        var corrections = await db.TriageCorrections.IgnoreQueryFilters().Where(c => c.WorkspaceId == workspaceId)
            .OrderBy(c => c.Id).ToListAsync(ct);
        var examples = corrections.Select(c => new LabelledPost(c.Text, c.Intent, c.Actionable, c.Bucket, c.Sentiment)).ToList();
        var current = await engines.GetAsync(db, workspaceId, ct);
        var report = TriageEngine.CrossValidate(examples, Math.Min(5, examples.Count));
        var baseline = Baseline(current, examples);
        var engine = TriageEngine.Train(examples);
        using var buffer = new MemoryStream();
        engine.Save(buffer);

        var actionable = report[TriageModel.ActionableHead]?.MacroF1 ?? 0;
        var intent = report[TriageModel.IntentHead]?.MacroF1;
        var better = actionable >= baseline.Actionable && (intent is null || baseline.Intent is null || intent >= baseline.Intent);
        var model = new WorkspaceModel
        {
            WorkspaceId = workspaceId,
            Model = buffer.ToArray(),
            Corrections = examples.Count,
            ActionableMacroF1 = actionable,
            BaselineActionableMacroF1 = baseline.Actionable,
            IntentMacroF1 = intent,
            BaselineIntentMacroF1 = baseline.Intent,
            Report = report.ToString(),
            Active = better,
            TrainedAt = time.GetUtcNow().UtcDateTime,
        };
        if (better)
        {
            await db.WorkspaceModels.IgnoreQueryFilters().Where(m => m.WorkspaceId == workspaceId && m.Active)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Active, false), ct);
        }
        db.WorkspaceModels.Add(model);
        await db.SaveChangesAsync(ct);
        engines.Invalidate(workspaceId);
        log.LogInformation("Workspace {Workspace}: model trained on {Count} corrections, actionable macro-F1 {New:0.000} (in use: {Old:0.000}), {Decision}",
            workspaceId, examples.Count, actionable, baseline.Actionable, better ? "switched to it" : "kept the one in use");
        return model;
    }

    /// <summary>What the engine in use scores on the corrections (it never trained on them).</summary>
    static (double Actionable, double? Intent) Baseline(TriageEngine engine, IReadOnlyList<LabelledPost> examples)
    {
        var actionablePairs = new List<(int, int)>();
        var intentPairs = new List<(string Actual, string Predicted)>();
        foreach (var example in examples)
        {
            var result = engine.Classify(new TriageInput(example.Text), BucketPolicy.Default);
            if (example.Actionable is { } actionable)
            {
                actionablePairs.Add((actionable ? 1 : 0, result.Actionable ? 1 : 0));
            }
            if (example.Intent is { } intent)
            {
                intentPairs.Add((intent, result.Intent.ToString().ToLowerInvariant()));
            }
        }
        var actionableScore = actionablePairs.Count == 0 ? 0 : TargetReport.From(TriageModel.ActionableHead, ["no", "yes"], actionablePairs).MacroF1;
        double? intentScore = null;
        if (intentPairs.Count > 0)
        {
            // Classes the engine predicts but the corrections never use have no support and do not count in macro-F1.
            var classes = intentPairs.SelectMany(p => new[] { p.Actual, p.Predicted }).Distinct().Order(StringComparer.Ordinal).ToList();
            var pairs = intentPairs.Select(p => (classes.IndexOf(p.Actual), classes.IndexOf(p.Predicted))).ToList();
            intentScore = intentPairs.Select(p => p.Actual).Distinct().Count() < 2 ? null : TargetReport.From(TriageModel.IntentHead, classes, pairs).MacroF1;
        }
        return (actionableScore, intentScore);
    }
}
