using System.ComponentModel.DataAnnotations;
using Earshot.Core.Data;
using Earshot.Core.Workspaces;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Ui.Admin;

/// <summary>A new API key. The secret is shown once, when it is created; only its hash is stored.</summary>
public sealed class ApiKeyForm
{
    [Required(ErrorMessage = "Name the key after what uses it (e.g. CRM sync).")]
    [StringLength(200, ErrorMessage = "At most 200 characters.")]
    public string? Name { get; set; }

    public AgentRoleName Role { get; set; } = AgentRoleName.Admin;

    /// <summary>Stores the key and answers the secret, which is never readable again.</summary>
    public async Task<(ApiKey Key, string Secret)> CreateAsync(EarshotDbContext db, long workspaceId, DateTime now, CancellationToken ct)
    {
        var secret = ApiKey.NewSecret();
        var key = new ApiKey { WorkspaceId = workspaceId, Name = Name!.Trim(), Prefix = secret[..8], Hash = ApiKey.HashOf(secret), Role = Role, CreatedAt = now };
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(ct);
        return (key, secret);
    }

    /// <summary>Revokes a key of the workspace; false when there is no such live key.</summary>
    public static async Task<bool> RevokeAsync(EarshotDbContext db, long workspaceId, long keyId, DateTime now, CancellationToken ct) =>
        await db.ApiKeys.Where(k => k.WorkspaceId == workspaceId && k.Id == keyId && k.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAt, now), ct) == 1;
}
