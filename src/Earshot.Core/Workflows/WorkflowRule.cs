namespace Earshot.Core.Workflows;

/// <summary>
/// One rule of a workspace's workflow: when a new conversation matches <see cref="Conditions"/>, it goes to
/// <see cref="QueueId"/>, optionally with a priority boost and extra required skills. Rules are tried in
/// <see cref="Position"/> order and the first match wins; the bucket's default queue takes the rest.
/// </summary>
public sealed class WorkflowRule
{
    public long Id { get; set; }
    public long WorkspaceId { get; set; }
    public required string Name { get; set; }
    /// <summary>Lower goes first.</summary>
    public int Position { get; set; }
    public bool Enabled { get; set; } = true;
    public WorkflowConditions Conditions { get; set; } = new();
    public long QueueId { get; set; }
    /// <summary>Added to the conversation's priority as the "workflow" part.</summary>
    public int PriorityBoost { get; set; }
    /// <summary>Skills the agent needs on top of the queue's (skill → minimum proficiency 1–5).</summary>
    public Dictionary<string, int> RequiredSkills { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
