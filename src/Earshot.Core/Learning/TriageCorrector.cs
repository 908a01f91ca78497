using Earshot.Core.Data;
using Earshot.Core.Ingestion;
using Earshot.Core.Pipeline;
using Earshot.Triage;

namespace Earshot.Core.Learning;

/// <summary>
/// Records an agent's correction of a post's triage: the post shows the corrected labels from now on, and the
/// correction becomes a training example for the workspace's model (the trainer is woken up).
/// </summary>
public sealed class TriageCorrector(WorkSignals signals, TimeProvider time)
{
    /// <summary>The sentiment labels a correction may give.</summary>
    public static readonly IReadOnlyList<string> SentimentLabels = ["negative", "neutral", "positive"];

    /// <summary>Intent and bucket must already be valid names (or null); "not for us" means not actionable, analytics.</summary>
    public Task<TriageCorrection> CorrectAsync(
        EarshotDbContext db, Post post, Intent? intent, bool? actionable, Bucket? bucket, string actor, CancellationToken ct) =>
        CorrectAsync(db, post, intent, actionable, bucket, null, actor, ct);

    /// <summary>
    /// As above, with a sentiment label (one of <see cref="SentimentLabels"/>, or null): the post's compound score moves
    /// to the corrected side and the label trains the workspace's sentiment head.
    /// </summary>
    public async Task<TriageCorrection> CorrectAsync(
        EarshotDbContext db, Post post, Intent? intent, bool? actionable, Bucket? bucket, string? sentiment, string actor, CancellationToken ct)
    {
        if (sentiment is not null && !SentimentLabels.Contains(sentiment))
        {
            throw new ArgumentException($"sentiment must be one of {string.Join(", ", SentimentLabels)}", nameof(sentiment));
        }
        var correction = new TriageCorrection
        {
            WorkspaceId = post.WorkspaceId,
            PostId = post.Id,
            Text = post.Text,
            Intent = intent?.ToString().ToLowerInvariant(),
            Actionable = actionable,
            Bucket = bucket?.ToString().ToLowerInvariant(),
            Sentiment = sentiment,
            Actor = actor,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.TriageCorrections.Add(correction);
        post.Intent = intent ?? post.Intent;
        post.Actionable = actionable ?? post.Actionable;
        post.Bucket = bucket ?? post.Bucket;
        post.SentimentCompound = Corrected(post.SentimentCompound, sentiment);
        post.Reasons = [.. post.Reasons, new TriageReason("corrected", $"by {actor}")];
        await db.SaveChangesAsync(ct);
        signals.Training.Notify();
        return correction;
    }

    /// <summary>
    /// The compound score on the corrected side of the ±0.05 neutral band: a score already there is kept, one on the
    /// wrong side takes the side's typical value (±0.5) or 0 for neutral.
    /// </summary>
    static double Corrected(double compound, string? sentiment) => sentiment switch
    {
        "negative" => compound <= -0.05 ? compound : -0.5,
        "positive" => compound >= 0.05 ? compound : 0.5,
        "neutral" => compound is > -0.05 and < 0.05 ? compound : 0,
        _ => compound,
    };
}
