using Earshot.Triage;

namespace Earshot.Core.Workflows;

/// <summary>
/// What a workflow rule matches. Every list that is not empty must match (all of them, AND); inside one list any
/// value will do (OR). An empty condition set matches everything.
/// </summary>
public sealed record WorkflowConditions
{
    /// <summary>care, marketing.</summary>
    public IReadOnlyList<string> Buckets { get; init; } = [];
    /// <summary>Listening-rule tags; the post must carry at least one.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];
    /// <summary>Detected languages (en, es...).</summary>
    public IReadOnlyList<string> Languages { get; init; } = [];
    /// <summary>Risk flags (legal, churn, safety, viral...); the post must carry at least one.</summary>
    public IReadOnlyList<string> Risks { get; init; } = [];
    /// <summary>Platforms (x, mastodon, email, rss...).</summary>
    public IReadOnlyList<string> Platforms { get; init; } = [];
    /// <summary>The contact's CRM tier (gold, vip...); a post without a contact has no tier and does not match.</summary>
    public IReadOnlyList<string> ContactTiers { get; init; } = [];
}
