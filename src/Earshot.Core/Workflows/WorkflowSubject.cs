using Earshot.Triage;

namespace Earshot.Core.Workflows;

/// <summary>What the workflow knows about the post that opens a conversation (or an open-media task).</summary>
public sealed record WorkflowSubject(
    Bucket Bucket, IReadOnlyList<string> Tags, string? Language, RiskFlags Risks, string Platform, string? ContactTier);
