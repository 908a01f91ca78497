namespace Earshot.Core.Replies;

/// <summary>
/// A saved answer agents insert in the composer, with placeholders filled from the conversation:
/// <c>{first_name}</c>, <c>{case_id}</c>, <c>{agent_name}</c>. Found by keyword.
/// </summary>
public sealed class CannedResponse
{
    public long Id { get; set; }
    public long WorkspaceId { get; set; }
    public required string Title { get; set; }
    public required string Text { get; set; }
    /// <summary>Words agents search by, space separated.</summary>
    public string Keywords { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}
