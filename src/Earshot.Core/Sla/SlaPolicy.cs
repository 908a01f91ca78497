namespace Earshot.Core.Sla;

/// <summary>Service-level targets, in seconds of business time, optionally per priority band.</summary>
public sealed class SlaPolicy
{
    /// <summary>The band name of conversations below every band's threshold.</summary>
    public const string DefaultBand = "normal";

    public long Id { get; set; }
    public long WorkspaceId { get; set; }
    public required string Name { get; set; }
    public int FirstResponseSeconds { get; set; } = 3600;
    public int NextResponseSeconds { get; set; } = 4 * 3600;
    public int ResolutionSeconds { get; set; } = 24 * 3600;
    /// <summary>Tighter (or looser) targets by priority; empty means one set of targets for every priority.</summary>
    public List<SlaBand> Bands { get; set; } = [];
    public DateTime CreatedAt { get; set; }

    /// <summary>The targets for a conversation of this priority: the band with the highest threshold it reaches.</summary>
    public SlaTargets TargetsFor(int priority)
    {
        SlaBand? best = null;
        foreach (var band in Bands)
        {
            if (priority >= band.MinPriority && (best is null || band.MinPriority > best.MinPriority))
            {
                best = band;
            }
        }
        return best is null
            ? new SlaTargets(DefaultBand, FirstResponseSeconds, NextResponseSeconds, ResolutionSeconds)
            : new SlaTargets(best.Name, best.FirstResponseSeconds, best.NextResponseSeconds, best.ResolutionSeconds);
    }
}
