namespace Earshot.Core.Contacts;

/// <summary>An author on one platform.</summary>
public sealed class Identity
{
    public long Id { get; set; }
    public long WorkspaceId { get; set; }
    public required string Platform { get; set; }
    public required string Handle { get; set; }
    /// <summary>Lower-case handle without '@', for lookups that ignore case on every database.</summary>
    public required string HandleNormalized { get; set; }
    public string? DisplayName { get; set; }
    public long Followers { get; set; }
    public bool Verified { get; set; }
    public long? ContactId { get; set; }
    /// <summary>What tied the identity to its contact: crm, email, message or agent.</summary>
    public string? LinkedBy { get; set; }
    public DateTime? LinkedAt { get; set; }
    public DateTime FirstSeenAt { get; set; }
    public DateTime LastSeenAt { get; set; }

    public static string Normalize(string handle) => handle.Trim().TrimStart('@').ToLowerInvariant();
}
