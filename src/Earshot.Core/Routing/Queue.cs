using Earshot.Triage;

namespace Earshot.Core.Routing;

/// <summary>A routing target with its SLA policy and offer rules.</summary>
public sealed class Queue
{
    public long Id { get; set; }
    public long WorkspaceId { get; set; }
    public required string Name { get; set; }
    /// <summary>Which bucket's conversations the queue takes by default.</summary>
    public Bucket Bucket { get; set; } = Bucket.Care;
    /// <summary>The default queue of its bucket.</summary>
    public bool IsDefault { get; set; }
    public long? SlaPolicyId { get; set; }
    /// <summary>Skills an agent needs (skill name → minimum proficiency 1–5).</summary>
    public Dictionary<string, int> RequiredSkills { get; set; } = [];
    public int OfferTimeoutSeconds { get; set; } = 30;
    public bool AutoAccept { get; set; }
    /// <summary>A returning customer goes back to the agent who served them within this many seconds; 0 turns it off.</summary>
    public int StickyWindowSeconds { get; set; } = 24 * 3600;
    /// <summary>Timed escalation of waiting work, each step applied once.</summary>
    public List<EscalationStep> EscalationSteps { get; set; } = [];
    /// <summary>After resolving a conversation of this queue the agent is in wrap-up this long; 0 turns it off.</summary>
    public int WrapUpSeconds { get; set; }
    public DateTime CreatedAt { get; set; }
}
