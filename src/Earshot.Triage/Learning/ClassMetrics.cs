namespace Earshot.Triage.Learning;

/// <summary>Precision, recall and F1 of one class; <paramref name="Support"/> is how many examples truly belong to it.</summary>
public sealed record ClassMetrics(string Class, double Precision, double Recall, double F1, int Support);
