using System.ComponentModel.DataAnnotations;
using Earshot.Core.Agents;
using Earshot.Core.Data;
using Earshot.Core.Routing;
using Earshot.Core.Workspaces;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Ui.Admin;

/// <summary>A new person: role, skills, capacity per medium, queues, and an optional first password.</summary>
public sealed class AgentForm
{
    [Required(ErrorMessage = "Give the person's name.")]
    [StringLength(200, ErrorMessage = "At most 200 characters.")]
    public string? Name { get; set; }

    [Required(ErrorMessage = "An e-mail address is needed to sign in.")]
    [EmailAddress(ErrorMessage = "This is not an e-mail address.")]
    [StringLength(320, ErrorMessage = "At most 320 characters.")]
    public string? Email { get; set; }

    public AgentRoleName Role { get; set; } = AgentRoleName.Agent;

    [StringLength(500, ErrorMessage = "At most 500 characters.")]
    [SkillList]
    public string? Skills { get; set; }

    [Range(0, 100, ErrorMessage = "Between 0 and 100 conversations.")]
    public int SocialCapacity { get; set; } = 3;

    [Range(0, 100, ErrorMessage = "Between 0 and 100 conversations.")]
    public int EmailCapacity { get; set; } = 1;

    [StringLength(200, MinimumLength = 8, ErrorMessage = "At least 8 characters.")]
    public string? Password { get; set; }

    public IReadOnlyCollection<long> QueueIds { get; set; } = [];

    public async Task<(Agent? Agent, FormErrors Errors)> SaveAsync(EarshotDbContext db, long workspaceId, IPasswordHasher<object> hasher, DateTime now, CancellationToken ct)
    {
        var email = Agent.NormalizeEmail(Email!);
        if (await db.Agents.AnyAsync(a => a.WorkspaceId == workspaceId && a.EmailNormalized == email, ct))
        {
            return (null, new FormErrors().Add(nameof(Email), $"Someone with e-mail {Email!.Trim()} already exists."));
        }
        var queues = await db.Queues.Where(q => q.WorkspaceId == workspaceId && QueueIds.Contains(q.Id)).Select(q => q.Id).ToListAsync(ct);
        SkillText.TryParse(Skills, out var skills, out _);
        var agent = WorkspaceProvisioner.NewAgent(workspaceId, Name!.Trim(), Email!.Trim(), Role,
            string.IsNullOrEmpty(Password) ? null : hasher.HashPassword(new object(), Password), now);
        agent.Skills = skills;
        agent.Capacity = new() { ["social"] = SocialCapacity, ["email"] = EmailCapacity };
        db.Agents.Add(agent);
        await db.SaveChangesAsync(ct);
        db.QueueMembers.AddRange(queues.Select(q => new QueueMember { WorkspaceId = workspaceId, QueueId = q, AgentId = agent.Id }));
        await db.SaveChangesAsync(ct);
        return (agent, FormErrors.None);
    }
}
