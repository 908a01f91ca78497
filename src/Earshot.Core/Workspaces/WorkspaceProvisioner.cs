using Earshot.Core.Agents;
using Earshot.Core.Channels;
using Earshot.Core.Channels.Demo;
using Earshot.Core.Data;
using Earshot.Core.Routing;
using Earshot.Core.Sla;
using Earshot.Triage;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Core.Workspaces;

/// <summary>
/// Creates what a fresh installation needs: the default workspace with a care queue, a marketing queue, an SLA
/// policy, the bucket policy, and the sources that API pushes and imports arrive on.
/// </summary>
public static class WorkspaceProvisioner
{
    public const string ApiSourceName = "API";
    public const string ImportSourceName = "Import";

    /// <summary>Returns the default workspace, creating it on first start.</summary>
    public static async Task<Workspace> EnsureDefaultAsync(EarshotDbContext db, string name, string slug, DateTime now, CancellationToken ct)
    {
        var existing = await db.Workspaces.IgnoreQueryFilters().SingleOrDefaultAsync(w => w.IsDefault, ct);
        if (existing is not null)
        {
            return existing;
        }
        var workspace = new Workspace { Name = name, Slug = slug, IsDefault = true, BucketPolicy = BucketPolicy.Default, CreatedAt = now };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            db.Workspaces.Add(workspace);
            await db.SaveChangesAsync(ct);
            await AddBasicsAsync(db, workspace, now, ct);
            await tx.CommitAsync(ct);
            return workspace;
        }
        catch (DbUpdateException)
        {
            // Another node starting at the same moment created it (the slug is unique): use theirs.
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return await db.Workspaces.IgnoreQueryFilters().SingleAsync(w => w.IsDefault, ct);
        }
    }

    /// <summary>The SLA policy, the two default queues and the API and import sources of a new workspace.</summary>
    public static async Task AddBasicsAsync(EarshotDbContext db, Workspace workspace, DateTime now, CancellationToken ct)
    {
        var sla = new SlaPolicy { WorkspaceId = workspace.Id, Name = "Standard", FirstResponseSeconds = 3600, NextResponseSeconds = 4 * 3600, ResolutionSeconds = 24 * 3600, CreatedAt = now };
        db.SlaPolicies.Add(sla);
        await db.SaveChangesAsync(ct);
        db.Queues.AddRange(
            new Queue { WorkspaceId = workspace.Id, Name = "Care", Bucket = Bucket.Care, IsDefault = true, SlaPolicyId = sla.Id, CreatedAt = now },
            new Queue { WorkspaceId = workspace.Id, Name = "Marketing", Bucket = Bucket.Marketing, IsDefault = true, SlaPolicyId = sla.Id, CreatedAt = now });
        db.Sources.AddRange(
            new Source { WorkspaceId = workspace.Id, Platform = "api", Name = ApiSourceName, Connector = DemoConnector.ConnectorName, CreatedAt = now },
            new Source { WorkspaceId = workspace.Id, Platform = "import", Name = ImportSourceName, Connector = DemoConnector.ConnectorName, CreatedAt = now });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Makes sure an admin API key with this exact value exists for the workspace.</summary>
    public static async Task EnsureApiKeyAsync(EarshotDbContext db, long workspaceId, string key, string name, DateTime now, CancellationToken ct)
    {
        var hash = ApiKey.HashOf(key);
        var existing = await db.ApiKeys.IgnoreQueryFilters().SingleOrDefaultAsync(k => k.Hash == hash, ct);
        if (existing is not null)
        {
            if (existing.WorkspaceId != workspaceId || existing.RevokedAt is not null)
            {
                existing.WorkspaceId = workspaceId;
                existing.RevokedAt = null;
                await db.SaveChangesAsync(ct);
            }
            return;
        }
        db.ApiKeys.Add(new ApiKey
        {
            WorkspaceId = workspaceId,
            Name = name,
            Prefix = key.Length <= 8 ? key : key[..8],
            Hash = hash,
            Role = AgentRoleName.Admin,
            CreatedAt = now,
        });
        await db.SaveChangesAsync(ct);
    }

    public static Task<Source> SourceAsync(EarshotDbContext db, long workspaceId, string name, CancellationToken ct) =>
        db.Sources.IgnoreQueryFilters().SingleAsync(s => s.WorkspaceId == workspaceId && s.Name == name, ct);

    public static Agent NewAgent(long workspaceId, string name, string email, AgentRoleName role, string? passwordHash, DateTime now) => new()
    {
        WorkspaceId = workspaceId,
        Name = name,
        Email = email,
        EmailNormalized = Agent.NormalizeEmail(email),
        Role = role,
        PasswordHash = passwordHash,
        PresenceChangedAt = now,
        CreatedAt = now,
    };
}
