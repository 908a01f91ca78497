using Earshot.Core.Ingestion;
using Earshot.Triage;

namespace Earshot.Api;

/// <summary>
/// Triage as JSON — the public shape written by <c>earshot classify</c> and shown on posts in the API.
/// </summary>
public sealed record TriageJson(
    string? Id,
    string Lang,
    SentimentJson Sentiment,
    string Intent,
    bool Actionable,
    double ActionableScore,
    bool Spam,
    IReadOnlyList<string> Risks,
    string Bucket,
    int Priority,
    IReadOnlyDictionary<string, int> PriorityParts,
    IReadOnlyList<string>? Tags,
    IReadOnlyList<TriageReasonJson> Reasons)
{
    public static TriageJson From(string? id, TriageResult t, int priority, IReadOnlyDictionary<string, int> parts, IReadOnlyList<string>? tags) => new(
        id, t.Language, new SentimentJson(Round(t.Sentiment.Compound), Round(t.Sentiment.Pos), Round(t.Sentiment.Neu), Round(t.Sentiment.Neg)),
        Name(t.Intent), t.Actionable, Round(t.ActionableScore), t.Spam, RiskNames(t.Risks), Name(t.Bucket), priority, parts, tags,
        [.. t.Reasons.Select(r => new TriageReasonJson(r.Decision, r.Because))]);

    public static TriageJson? From(Post p) => p.Status != PostStatus.Processed ? null : new(
        p.ExternalId, p.Language ?? "und",
        new SentimentJson(Round(p.SentimentCompound), Round(p.SentimentPositive), Round(p.SentimentNeutral), Round(p.SentimentNegative)),
        Name(p.Intent ?? Triage.Intent.Other), p.Actionable, Round(p.ActionableScore), p.Spam, RiskNames(p.Risks),
        Name(p.Bucket ?? Triage.Bucket.Analytics), p.Priority, p.PriorityParts, p.TagList,
        [.. p.Reasons.Select(r => new TriageReasonJson(r.Decision, r.Because))]);

    public static IReadOnlyList<string> RiskNames(RiskFlags risks) =>
        risks == RiskFlags.None ? [] : [.. Enum.GetValues<RiskFlags>().Where(r => r != RiskFlags.None && risks.HasFlag(r)).Select(Name)];

    public static string Name<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();

    static double Round(double v) => Math.Round(v, 4);
}

public sealed record SentimentJson(double Compound, double Pos, double Neu, double Neg);

public sealed record TriageReasonJson(string Decision, string Because);
