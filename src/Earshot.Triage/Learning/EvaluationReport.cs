namespace Earshot.Triage.Learning;

/// <summary>The result of K-fold cross-validation: one <see cref="TargetReport"/> per target the data labels.</summary>
/// <param name="Folds">K.</param>
/// <param name="Examples">Labelled examples in the data.</param>
/// <param name="Targets">Scores per target.</param>
/// <param name="FoldOfExample">Which fold held out (and scored) each example, by its index in the data.</param>
public sealed record EvaluationReport(int Folds, int Examples, IReadOnlyList<TargetReport> Targets, IReadOnlyList<int> FoldOfExample)
{
    /// <summary>The report of one target, or null when the data does not label it.</summary>
    public TargetReport? this[string target] => Targets.FirstOrDefault(t => t.Target == target);

    /// <inheritdoc />
    public override string ToString() =>
        $"{Folds}-fold cross-validation over {Examples} examples\n\n" + string.Join("\n", Targets.Select(t => t.ToString()));
}
