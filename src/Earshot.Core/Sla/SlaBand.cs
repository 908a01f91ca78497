namespace Earshot.Core.Sla;

/// <summary>
/// Targets for conversations whose priority is at least <see cref="MinPriority"/> (for example urgent from 80,
/// high from 60). The band with the highest threshold the priority reaches applies; below every band the
/// policy's own targets do.
/// </summary>
public sealed record SlaBand
{
    public string Name { get; init; } = "";
    public int MinPriority { get; init; }
    public int FirstResponseSeconds { get; init; }
    public int NextResponseSeconds { get; init; }
    public int ResolutionSeconds { get; init; }
}
