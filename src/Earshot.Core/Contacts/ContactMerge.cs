namespace Earshot.Core.Contacts;

/// <summary>
/// One merge of a contact into another, with what moved: undoing it puts exactly those identities and
/// conversations back on the contact they came from.
/// </summary>
public sealed class ContactMerge
{
    public long Id { get; set; }
    public long WorkspaceId { get; set; }
    /// <summary>The contact that was kept.</summary>
    public long IntoContactId { get; set; }
    /// <summary>The contact that was merged away (kept as a row, marked merged).</summary>
    public long FromContactId { get; set; }
    public List<long> IdentityIds { get; set; } = [];
    public List<long> ConversationIds { get; set; } = [];
    /// <summary>"agent:12", "apikey:3".</summary>
    public string Actor { get; set; } = "";
    public DateTime MergedAt { get; set; }
    public DateTime? UndoneAt { get; set; }
}
