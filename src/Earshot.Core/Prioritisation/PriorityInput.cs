using Earshot.Triage;

namespace Earshot.Core.Prioritisation;

/// <summary>What the priority score reads: the post's triage, its author and customer, and how long it has waited.</summary>
public readonly record struct PriorityInput(
    double SentimentCompound,
    Intent Intent,
    RiskFlags Risks,
    long Followers,
    bool Verified,
    string? ContactTier,
    double ContactLifetimeValue,
    long Likes,
    long Reposts,
    double MinutesSincePosted,
    double SlaFractionWaited);
