namespace Earshot.Core.Prioritisation;

/// <summary>A priority 0–100 and the named parts it is made of, so a supervisor sees why.</summary>
public sealed record PriorityScore(int Total, IReadOnlyDictionary<string, int> Parts);
