using Earshot.Core.Sla;
using Earshot.Core.Workspaces;

namespace Earshot.Core.Agents;

/// <summary>A person who signs in: agents work queues; supervisors, marketing and admins have wider rights.</summary>
public sealed class Agent
{
    public long Id { get; set; }
    public long WorkspaceId { get; set; }
    public required string Name { get; set; }
    public required string Email { get; set; }
    public required string EmailNormalized { get; set; }
    public AgentRoleName Role { get; set; } = AgentRoleName.Agent;
    /// <summary>ASP.NET Core Identity password hash; null for people who cannot sign in yet.</summary>
    public string? PasswordHash { get; set; }
    /// <summary>Skill name → proficiency 1–5 (languages, products, channels, tier).</summary>
    public Dictionary<string, int> Skills { get; set; } = [];
    /// <summary>Medium → conversations at once (social, email, ...).</summary>
    public Dictionary<string, int> Capacity { get; set; } = new() { ["social"] = 3, ["email"] = 1 };
    public Presence Presence { get; set; } = Presence.Offline;
    public DateTime PresenceChangedAt { get; set; }
    /// <summary>The desktop's last heartbeat; null for agents that never sent one (they are not watched).</summary>
    public DateTime? LastHeartbeatAt { get; set; }
    /// <summary>When the agent last received work; the longest idle agent is offered first.</summary>
    public DateTime? LastOfferedAt { get; set; }
    /// <summary>A simulated agent of the demo workspace that accepts and answers on its own.</summary>
    public bool IsSimulated { get; set; }
    /// <summary>While <see cref="Presence"/> is wrap-up: when it ends and the agent is available again.</summary>
    public DateTime? WrapUpUntil { get; set; }
    /// <summary>The agent's working hours; outside them the agent is offered no work. Null means no schedule.</summary>
    public BusinessCalendar? Schedule { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>Whether the agent's schedule has them at work at <paramref name="nowUtc"/>.</summary>
    public bool IsWorkingAt(DateTime nowUtc) => Schedule is null || SlaClock.IsOpen(nowUtc, Schedule);

    public int CapacityFor(string medium) => Capacity.TryGetValue(medium, out var n) ? n : 0;

    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();
}
