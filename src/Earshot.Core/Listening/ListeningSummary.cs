namespace Earshot.Core.Listening;

/// <summary>
/// What the workspace's listening heard in a period: volume and sentiment over time, share of voice per listening
/// rule, the words people use most, and whether an incident is forming. Inbound, triaged, non-spam posts only.
/// </summary>
public sealed record ListeningSummary(
    DateTime From,
    DateTime To,
    string Granularity,
    int Posts,
    int Negative,
    int Neutral,
    int Positive,
    double? AverageSentiment,
    IReadOnlyList<VolumePoint> Series,
    IReadOnlyList<ShareOfVoice> ShareOfVoice,
    IReadOnlyList<TermCount> TopTerms,
    IncidentSignal Incident);

/// <summary>One hour or day: how many posts, how they split by sentiment, and their average compound sentiment.</summary>
public sealed record VolumePoint(DateTime At, int Posts, int Negative, int Neutral, int Positive, double? AverageSentiment);

/// <summary>
/// One listening rule's tag: its posts in the period, its percentage of all tagged mentions, and its posts per
/// point of <see cref="ListeningSummary.Series"/>.
/// </summary>
public sealed record ShareOfVoice(string Tag, string? Rule, int Posts, double Percent, IReadOnlyList<int> Series);
