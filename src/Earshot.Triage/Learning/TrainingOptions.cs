namespace Earshot.Triage.Learning;

/// <summary>How the triage models are trained.</summary>
public sealed record TrainingOptions
{
    /// <summary>Hash bits: 2^HashBits weight rows per model. 16 (65,536 rows) fits a cache and a few thousand posts; raise it for large data.</summary>
    public int HashBits { get; init; } = 16;

    /// <summary>Passes over the data.</summary>
    public int Epochs { get; init; } = 10;

    /// <summary>Initial step size of stochastic gradient descent.</summary>
    public float LearningRate { get; init; } = 0.5f;

    /// <summary>Weigh rare classes up (by the square root of their inverse frequency).</summary>
    public bool BalanceClasses { get; init; } = true;

    /// <summary>
    /// Also train on Earshot's built-in seed set. On by default: a workspace's few hundred corrections then refine
    /// the general model instead of replacing it, and targets the data does not label (e.g. actionable) still work.
    /// </summary>
    public bool IncludeSeedExamples { get; init; } = true;

    /// <summary>Random seed for shuffling, so training is reproducible.</summary>
    public int Seed { get; init; } = 1720;
}
