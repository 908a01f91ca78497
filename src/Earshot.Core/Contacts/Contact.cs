namespace Earshot.Core.Contacts;

/// <summary>A customer: one or more identities plus CRM facts.</summary>
public sealed class Contact
{
    public long Id { get; set; }
    public long WorkspaceId { get; set; }
    public required string DisplayName { get; set; }
    public string? Email { get; set; }
    /// <summary>Lower-case e-mail, for lookups that ignore case on every database.</summary>
    public string? EmailNormalized { get; set; }
    public string? CustomerId { get; set; }
    /// <summary>CRM tier (e.g. standard, silver, gold, platinum).</summary>
    public string? Tier { get; set; }
    public double LifetimeValue { get; set; }
    /// <summary>Set while this contact is merged into another one; the merge can be undone.</summary>
    public long? MergedIntoContactId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? UpdatedAt { get; set; }
}
