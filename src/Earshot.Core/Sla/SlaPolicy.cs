namespace Earshot.Core.Sla;

/// <summary>Service-level targets, in seconds.</summary>
public sealed class SlaPolicy
{
    public long Id { get; set; }
    public long WorkspaceId { get; set; }
    public required string Name { get; set; }
    public int FirstResponseSeconds { get; set; } = 3600;
    public int NextResponseSeconds { get; set; } = 4 * 3600;
    public int ResolutionSeconds { get; set; } = 24 * 3600;
    public DateTime CreatedAt { get; set; }
}
