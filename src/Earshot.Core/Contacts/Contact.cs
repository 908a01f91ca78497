namespace Earshot.Core.Contacts;

/// <summary>A customer: one or more identities plus CRM facts.</summary>
public sealed class Contact
{
    public long Id { get; set; }
    public long WorkspaceId { get; set; }
    public required string DisplayName { get; set; }
    public string? Email { get; set; }
    public string? CustomerId { get; set; }
    /// <summary>CRM tier (e.g. standard, silver, gold, platinum).</summary>
    public string? Tier { get; set; }
    public double LifetimeValue { get; set; }
    public DateTime CreatedAt { get; set; }
}
