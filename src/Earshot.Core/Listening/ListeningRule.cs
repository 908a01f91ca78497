namespace Earshot.Core.Listening;

/// <summary>A boolean query that decides which posts concern the workspace, and the tag it gives them.</summary>
public sealed class ListeningRule
{
    public long Id { get; set; }
    public long WorkspaceId { get; set; }
    public required string Name { get; set; }
    public required string Query { get; set; }
    public required string Tag { get; set; }
    public bool Enabled { get; set; } = true;
    public DateTime CreatedAt { get; set; }
}
