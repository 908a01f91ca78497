namespace Earshot.Core.Learning;

/// <summary>An agent's correction of a post's triage: the labels a workspace's model is retrained from.</summary>
public sealed class TriageCorrection
{
    public long Id { get; set; }
    public long WorkspaceId { get; set; }
    public long PostId { get; set; }
    /// <summary>The post's text, kept with the labels so training never depends on the post row.</summary>
    public required string Text { get; set; }
    /// <summary>complaint, question, request, praise, feedback, spam or other.</summary>
    public string? Intent { get; set; }
    public bool? Actionable { get; set; }
    /// <summary>analytics, marketing or care.</summary>
    public string? Bucket { get; set; }
    /// <summary>negative, neutral or positive: trains the sentiment head that corrects the lexicon.</summary>
    public string? Sentiment { get; set; }
    public required string Actor { get; set; }
    public DateTime CreatedAt { get; set; }
}
