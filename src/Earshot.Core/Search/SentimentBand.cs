namespace Earshot.Core.Search;

/// <summary>A post's overall tone, cut from its compound sentiment score at the usual ±0.05.</summary>
public enum SentimentBand
{
    Negative,
    Neutral,
    Positive,
}

/// <summary>The cut points between the sentiment bands.</summary>
public static class SentimentBands
{
    /// <summary>At or below this compound score a post is negative.</summary>
    public const double NegativeAtMost = -0.05;

    /// <summary>At or above this compound score a post is positive.</summary>
    public const double PositiveAtLeast = 0.05;

    public static SentimentBand Of(double compound) =>
        compound <= NegativeAtMost ? SentimentBand.Negative : compound >= PositiveAtLeast ? SentimentBand.Positive : SentimentBand.Neutral;
}
