namespace Earshot.Core.Prioritisation;

/// <summary>The most points each part of the priority score can give. Parts add up; the total is capped at 100.</summary>
public sealed record PriorityPolicy
{
    public static PriorityPolicy Default { get; } = new();

    /// <summary>Points for the most negative sentiment (compound −1); positive posts get none.</summary>
    public int Sentiment { get; init; } = 25;
    /// <summary>Points per intent: complaints and requests need action sooner than feedback.</summary>
    public int Complaint { get; init; } = 20;
    public int Request { get; init; } = 16;
    public int Question { get; init; } = 14;
    public int Feedback { get; init; } = 6;
    public int Praise { get; init; } = 2;
    /// <summary>Points at one million followers (log scale from 100), plus a bonus for verified authors.</summary>
    public int Reach { get; init; } = 15;
    public int Verified { get; init; } = 3;
    /// <summary>Points for the most valuable customers (tier and lifetime value).</summary>
    public int Value { get; init; } = 15;
    /// <summary>Points when a post spreads at 10 interactions a minute or faster.</summary>
    public int Velocity { get; init; } = 10;
    /// <summary>Points per risk flag, capped at <see cref="RiskCap"/>.</summary>
    public int Legal { get; init; } = 25;
    public int Safety { get; init; } = 25;
    public int Churn { get; init; } = 15;
    public int Privacy { get; init; } = 15;
    public int Viral { get; init; } = 15;
    public int RiskCap { get; init; } = 30;
    /// <summary>Points when the first-response target has passed; earlier waits get a share of them.</summary>
    public int Wait { get; init; } = 20;
}
