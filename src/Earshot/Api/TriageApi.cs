using System.Security.Claims;
using Earshot.Core.Data;
using Earshot.Core.Learning;
using Earshot.Core.Pipeline;
using Earshot.Triage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Api;

/// <summary>Agents correct triage; the workspace's model learns from the corrections.</summary>
public static class TriageApi
{
    public static RouteGroupBuilder MapTriageApi(this RouteGroupBuilder api)
    {
        api.MapPost("/posts/{id:long}/corrections", CorrectAsync).WithTags("Triage")
            .WithSummary("Correct a post's triage (intent, actionable, bucket, sentiment, or not_for_us); the workspace's model is retrained from corrections");
        var models = api.MapGroup("/triage/models").WithTags("Triage");
        models.MapGet("/", ListAsync).WithSummary("The workspace's retrained models with their cross-validated scores; the active one is in use");
        models.MapPost("/train", TrainAsync).WithSummary("Retrain now from all corrections; switches only if the new model scores at least as well");
        return api;
    }

    static async Task<Results<Ok<CorrectionJson>, ProblemHttpResult>> CorrectAsync(
        long id, CorrectionRequest request, ClaimsPrincipal user, EarshotDbContext db, TriageCorrector corrector, CancellationToken ct)
    {
        var intent = request.Intent?.Trim().ToLowerInvariant();
        var bucket = request.Bucket?.Trim().ToLowerInvariant();
        var actionable = request.Actionable;
        var sentiment = request.Sentiment?.Trim().ToLowerInvariant();
        if (request.NotForUs == true)
        {
            // "Not for us": nothing for care to do; it only counts in listening analytics.
            actionable = false;
            bucket ??= "analytics";
        }
        if (intent is not null && (!Enum.TryParse<Intent>(intent, ignoreCase: true, out _) || int.TryParse(intent, out _)))
        {
            return (ProblemHttpResult)Problems.BadRequest("intent must be complaint, question, request, praise, feedback, spam or other", "intent");
        }
        if (bucket is not null && (!Enum.TryParse<Bucket>(bucket, ignoreCase: true, out _) || int.TryParse(bucket, out _)))
        {
            return (ProblemHttpResult)Problems.BadRequest("bucket must be analytics, marketing or care", "bucket");
        }
        if (sentiment is not null && !TriageCorrector.SentimentLabels.Contains(sentiment))
        {
            return (ProblemHttpResult)Problems.BadRequest("sentiment must be negative, neutral or positive", "sentiment");
        }
        if (intent is null && bucket is null && actionable is null && sentiment is null)
        {
            return (ProblemHttpResult)Problems.BadRequest("give at least one of intent, actionable, bucket, sentiment or not_for_us", "intent");
        }
        var post = await db.Posts.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (post is null)
        {
            return (ProblemHttpResult)Problems.NotFound($"Post {id} does not exist in this workspace.");
        }
        var correction = await corrector.CorrectAsync(db, post,
            intent is null ? null : Enum.Parse<Intent>(intent, ignoreCase: true), actionable,
            bucket is null ? null : Enum.Parse<Bucket>(bucket, ignoreCase: true), sentiment, user.Actor(), ct);
        var total = await db.TriageCorrections.CountAsync(ct);
        return TypedResults.Ok(new CorrectionJson(correction.Id, post.Id, intent, actionable, bucket, total, ModelTrainer.MinCorrections, sentiment));
    }

    static async Task<Ok<List<ModelJson>>> ListAsync(EarshotDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await db.WorkspaceModels.AsNoTracking().OrderByDescending(m => m.TrainedAt)
                .Select(m => new { m.Id, m.Corrections, m.ActionableMacroF1, m.BaselineActionableMacroF1, m.IntentMacroF1, m.BaselineIntentMacroF1, m.Active, m.TrainedAt, m.Report })
                .ToListAsync(ct))
            .Select(m => new ModelJson(m.Id, m.Corrections, m.ActionableMacroF1, m.BaselineActionableMacroF1, m.IntentMacroF1, m.BaselineIntentMacroF1, m.Active, m.TrainedAt, m.Report))
            .ToList());

    static async Task<Results<Ok<ModelJson>, ProblemHttpResult>> TrainAsync(ClaimsPrincipal user, EarshotDbContext db, ModelTrainer trainer, CancellationToken ct)
    {
        var count = await db.TriageCorrections.CountAsync(ct);
        if (count < 10)
        {
            return (ProblemHttpResult)Problems.Conflict($"Retraining needs at least 10 corrections; this workspace has {count}.");
        }
        var m = await trainer.TrainAsync(db, user.WorkspaceId(), ct);
        return TypedResults.Ok(new ModelJson(m.Id, m.Corrections, m.ActionableMacroF1, m.BaselineActionableMacroF1, m.IntentMacroF1, m.BaselineIntentMacroF1, m.Active, m.TrainedAt, m.Report));
    }
}

public sealed record CorrectionRequest(string? Intent, bool? Actionable, string? Bucket, bool? NotForUs, string? Sentiment = null);

public sealed record CorrectionJson(long Id, long PostId, string? Intent, bool? Actionable, string? Bucket, int WorkspaceCorrections, int RetrainAfter,
    string? Sentiment = null);

public sealed record ModelJson(long Id, int Corrections, double ActionableMacroF1, double BaselineActionableMacroF1, double? IntentMacroF1,
    double? BaselineIntentMacroF1, bool Active, DateTime TrainedAt, string Report);
