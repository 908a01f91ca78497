using Earshot.Core.Sla;
using Earshot.Triage;

namespace Earshot.Core.Workspaces;

/// <summary>One company (tenant). Every other row belongs to exactly one workspace.</summary>
public sealed class Workspace
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public required string Slug { get; set; }
    /// <summary>The workspace that start-up creates and that EARSHOT_ADMIN_KEY belongs to.</summary>
    public bool IsDefault { get; set; }
    public BucketPolicy BucketPolicy { get; set; } = BucketPolicy.Default;
    /// <summary>A post by the same author within this window joins their open conversation.</summary>
    public int ThreadWindowSeconds { get; set; } = 24 * 3600;
    /// <summary>Opening hours and holidays: SLA targets count business time only.</summary>
    public BusinessCalendar Calendar { get; set; } = BusinessCalendar.AlwaysOpen;
    public DateTime CreatedAt { get; set; }
}
