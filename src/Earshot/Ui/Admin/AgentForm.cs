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

    public static AgentForm From(Agent agent) => new()
    {
        Name = agent.Name,
        Email = agent.Email,
        Role = agent.Role,
        Skills = SkillText.Format(agent.Skills),
        SocialCapacity = agent.CapacityFor("social"),
        EmailCapacity = agent.CapacityFor("email"),
    };

    /// <summary>
    /// Adds a person (<paramref name="id"/> null) or changes person <paramref name="id"/>: details, skills, capacity,
    /// queues, and the password only when one is typed.
    /// </summary>
    public async Task<(Agent? Agent, FormErrors Errors)> SaveAsync(
        EarshotDbContext db, long workspaceId, long? id, IPasswordHasher<object> hasher, DateTime now, CancellationToken ct)
    {
        var email = Agent.NormalizeEmail(Email!);
        if (await db.Agents.AnyAsync(a => a.WorkspaceId == workspaceId && a.EmailNormalized == email && a.Id != id, ct))
        {
            return (null, new FormErrors().Add(nameof(Email), $"Someone with e-mail {Email!.Trim()} already exists."));
        }
        var agent = id is { } existing ? await db.Agents.SingleOrDefaultAsync(a => a.WorkspaceId == workspaceId && a.Id == existing, ct) : null;
        if (id is not null && agent is null)
        {
            return (null, new FormErrors().Add(nameof(Name), "This person was deleted meanwhile."));
        }
        var queues = await db.Queues.Where(q => q.WorkspaceId == workspaceId && QueueIds.Contains(q.Id)).Select(q => q.Id).ToListAsync(ct);
        SkillText.TryParse(Skills, out var skills, out _);
        var hash = string.IsNullOrEmpty(Password) ? null : hasher.HashPassword(new object(), Password);
        if (agent is null)
        {
            agent = WorkspaceProvisioner.NewAgent(workspaceId, Name!.Trim(), Email!.Trim(), Role, hash, now);
            db.Agents.Add(agent);
        }
        else
        {
            agent.Name = Name!.Trim();
            agent.Email = Email!.Trim();
            agent.EmailNormalized = email;
            agent.Role = Role;
            agent.PasswordHash = hash ?? agent.PasswordHash;
        }
        agent.Skills = skills;
        // Media the form does not show (set through the API) keep their capacity.
        agent.Capacity = new Dictionary<string, int>(agent.Capacity) { ["social"] = SocialCapacity, ["email"] = EmailCapacity };
        await db.SaveChangesAsync(ct);
        await db.QueueMembers.Where(m => m.AgentId == agent.Id && !queues.Contains(m.QueueId)).ExecuteDeleteAsync(ct);
        var kept = await db.QueueMembers.Where(m => m.AgentId == agent.Id).Select(m => m.QueueId).ToListAsync(ct);
        db.QueueMembers.AddRange(queues.Except(kept).Select(q => new QueueMember { WorkspaceId = workspaceId, QueueId = q, AgentId = agent.Id }));
        await db.SaveChangesAsync(ct);
        return (agent, FormErrors.None);
    }

    /// <summary>Adds a person.</summary>
    public Task<(Agent? Agent, FormErrors Errors)> SaveAsync(EarshotDbContext db, long workspaceId, IPasswordHasher<object> hasher, DateTime now, CancellationToken ct) =>
        SaveAsync(db, workspaceId, null, hasher, now, ct);

    /// <summary>
    /// Deletes person <paramref name="id"/> with their queue memberships. Someone with history (conversations, offers,
    /// replies, notes) stays, so reports keep their names; the reason is given back instead.
    /// </summary>
    public static async Task<string?> DeleteAsync(EarshotDbContext db, long id, long signedInAgentId, CancellationToken ct)
    {
        var agent = await db.Agents.SingleOrDefaultAsync(a => a.Id == id, ct);
        if (agent is null)
        {
            return null;
        }
        if (id == signedInAgentId)
        {
            return "You cannot delete yourself.";
        }
        if (await db.Conversations.AnyAsync(c => c.AssigneeId == id, ct) || await db.Offers.AnyAsync(o => o.AgentId == id, ct)
            || await db.Replies.AnyAsync(r => r.AgentId == id, ct) || await db.ConversationNotes.AnyAsync(n => n.AgentId == id, ct))
        {
            return $"{agent.Name} has worked conversations; their history keeps them. Remove their password and queues instead, or set capacity to 0.";
        }
        db.QueueMembers.RemoveRange(await db.QueueMembers.Where(m => m.AgentId == id).ToListAsync(ct));
        db.Agents.Remove(agent);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return $"{agent.Name} is still referred to by other records and cannot be deleted.";
        }
        return null;
    }
}
