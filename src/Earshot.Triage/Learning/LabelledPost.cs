namespace Earshot.Triage.Learning;

/// <summary>
/// One labelled example. Every label is optional: a file may label only sentiment, or only intent. Labels are the
/// lower-case names used in the triage JSON: intent "complaint", bucket "care", sentiment "negative" / "neutral" / "positive".
/// </summary>
/// <param name="Text">The post's text.</param>
/// <param name="Intent">complaint, question, request, praise, feedback, spam or other (or any label of the workspace's own).</param>
/// <param name="Actionable">Whether the post needs a human from care.</param>
/// <param name="Bucket">analytics, marketing or care.</param>
/// <param name="Sentiment">negative, neutral or positive.</param>
public sealed record LabelledPost(string Text, string? Intent = null, bool? Actionable = null, string? Bucket = null, string? Sentiment = null);
