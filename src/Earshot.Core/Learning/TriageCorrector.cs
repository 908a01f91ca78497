using Earshot.Core.Conversations;
using Earshot.Core.Data;
using Earshot.Core.Ingestion;
using Earshot.Core.Pipeline;
using Earshot.Core.Prioritisation;
using Earshot.Triage;
using Microsoft.EntityFrameworkCore;

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
        if (sentiment is not null)
        {
            await RescoreAsync(db, post, ct);
        }
        await db.SaveChangesAsync(ct);
        signals.Training.Notify();
        return correction;
    }

    /// <summary>
    /// Re-scores the post's "sentiment" priority part after a sentiment correction, and its open conversation's when the
    /// conversation's part came from this post or the corrected post now weighs more, so the inbox order follows.
    /// </summary>
    static async Task RescoreAsync(EarshotDbContext db, Post post, CancellationToken ct)
    {
        var before = post.PriorityParts.GetValueOrDefault(SentimentPart);
        var after = PriorityScorer.SentimentPart(post.SentimentCompound, PriorityPolicy.Default);
        if (after == before)
        {
            return;
        }
        post.PriorityParts = new Dictionary<string, int>(post.PriorityParts) { [SentimentPart] = after };
        post.Priority = Math.Clamp(post.Priority + after - before, 0, 100);
        if (post.ConversationId is not { } id
            || await db.Conversations.IgnoreQueryFilters().SingleOrDefaultAsync(c => c.Id == id, ct) is not { } conversation
            || conversation.Status is ConversationStatus.Resolved or ConversationStatus.Closed)
        {
            return;
        }
        var current = conversation.PriorityParts.GetValueOrDefault(SentimentPart);
        if (current == before || after > current)
        {
            conversation.PriorityParts = new Dictionary<string, int>(conversation.PriorityParts) { [SentimentPart] = after };
            conversation.Priority = Math.Clamp(conversation.Priority + after - current, 0, 100);
        }
    }

    const string SentimentPart = "sentiment";

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
