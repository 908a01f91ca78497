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
    /// <summary>Intent and bucket must already be valid names (or null); "not for us" means not actionable, analytics.</summary>
    public async Task<TriageCorrection> CorrectAsync(
        EarshotDbContext db, Post post, Intent? intent, bool? actionable, Bucket? bucket, string actor, CancellationToken ct)
    {
        var correction = new TriageCorrection
        {
            WorkspaceId = post.WorkspaceId,
            PostId = post.Id,
            Text = post.Text,
            Intent = intent?.ToString().ToLowerInvariant(),
            Actionable = actionable,
            Bucket = bucket?.ToString().ToLowerInvariant(),
            Actor = actor,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.TriageCorrections.Add(correction);
        post.Intent = intent ?? post.Intent;
        post.Actionable = actionable ?? post.Actionable;
        post.Bucket = bucket ?? post.Bucket;
        post.Reasons = [.. post.Reasons, new TriageReason("corrected", $"by {actor}")];
        await db.SaveChangesAsync(ct);
        signals.Training.Notify();
        return correction;
    }
}
