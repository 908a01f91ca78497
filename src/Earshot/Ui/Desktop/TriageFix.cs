using Earshot.Triage;

namespace Earshot.Ui.Desktop;

/// <summary>
/// An agent's one-click correction of a post: a new intent, bucket or sentiment (negative, neutral, positive), or
/// "not for us" (not actionable, analytics only).
/// </summary>
public sealed record TriageFix(long PostId, Intent? Intent, bool NotForUs, Bucket? Bucket = null, string? Sentiment = null)
{
    /// <summary>What the agent is told after the correction.</summary>
    public string Confirmation => NotForUs
        ? "Marked not for us; the classifier learns from it."
        : Intent is { } intent ? $"Intent corrected to {intent.ToString().ToLowerInvariant()}; the classifier learns from it."
        : Bucket is { } bucket ? $"Bucket corrected to {bucket.ToString().ToLowerInvariant()}; the classifier learns from it."
        : $"Sentiment corrected to {Sentiment}; the classifier learns from it.";
}
