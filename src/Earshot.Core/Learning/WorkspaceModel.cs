namespace Earshot.Core.Learning;

/// <summary>A triage model trained for one workspace from its agents' corrections, with its cross-validated scores.</summary>
public sealed class WorkspaceModel
{
    public long Id { get; set; }
    public long WorkspaceId { get; set; }
    public required byte[] Model { get; set; }
    /// <summary>Corrections it was trained on (on top of the built-in seed set).</summary>
    public int Corrections { get; set; }
    /// <summary>Cross-validated macro-F1 of the actionable decision on the corrections (held-out folds only).</summary>
    public double ActionableMacroF1 { get; set; }
    /// <summary>Macro-F1 the model in use had on the same corrections before this one was trained.</summary>
    public double BaselineActionableMacroF1 { get; set; }
    public double? IntentMacroF1 { get; set; }
    public double? BaselineIntentMacroF1 { get; set; }
    /// <summary>The full cross-validation report, as printed by <c>earshot eval</c>.</summary>
    public required string Report { get; set; }
    /// <summary>Whether the pipeline uses it: only a model that scores at least as well as the one in use is switched to.</summary>
    public bool Active { get; set; }
    public DateTime TrainedAt { get; set; }
}
