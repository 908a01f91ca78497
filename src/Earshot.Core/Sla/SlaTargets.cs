namespace Earshot.Core.Sla;

/// <summary>The targets that apply to one conversation: its band's, or the policy's own.</summary>
public sealed record SlaTargets(string Band, int FirstResponseSeconds, int NextResponseSeconds, int ResolutionSeconds);
