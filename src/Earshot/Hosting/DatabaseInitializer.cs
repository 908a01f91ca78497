using Earshot.Core.Data;
using Earshot.Core.Demo;
using Earshot.Core.Workspaces;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Hosting;

/// <summary>
/// Brings the database to the current schema and makes sure the default workspace exists (the demo workspace in
/// demo mode), with an admin API key when <c>EARSHOT_ADMIN_KEY</c> is set.
/// </summary>
public sealed class DatabaseInitializer(
    IDbContextFactory<EarshotDbContext> contexts,
    IPasswordHasher<object> hasher,
    IConfiguration configuration,
    Microsoft.Extensions.Options.IOptions<DatabaseOptions> database,
    StartupOptions startup,
    TimeProvider time,
    ILogger<DatabaseInitializer> log,
    Core.Channels.SourceCredentials? credentials = null)
{
    public const string AdminKeyVariable = "EARSHOT_ADMIN_KEY";

    public async Task MigrateAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count > 0)
        {
            log.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
        }
        await db.Database.MigrateAsync(ct);
        if (credentials is not null && await credentials.ProtectStoredAsync(db, ct) is > 0 and var protectedCount)
        {
            log.LogInformation("Encrypted the credentials of {Count} source(s) stored before encryption", protectedCount);
        }
        if (database.Value.Provider == DatabaseProvider.Sqlite)
        {
            // An embedded SQLite database has one node: leases still held are from a process that died, so the
            // work they hold is picked up now instead of when the leases run out.
            var now = time.GetUtcNow().UtcDateTime;
            var posts = await db.Posts.IgnoreQueryFilters().Where(p => p.LeaseToken != null && p.Status == Core.Ingestion.PostStatus.Received)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.LeaseToken, (string?)null).SetProperty(p => p.LeaseUntil, (DateTime?)null), ct);
            var replies = await db.Replies.IgnoreQueryFilters().Where(r => r.LeaseToken != null && r.Status == Core.Replies.ReplyStatus.Queued)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.LeaseToken, (string?)null).SetProperty(r => r.LeaseUntil, (DateTime?)null), ct);
            if (posts + replies > 0)
            {
                log.LogWarning("Released {Posts} post(s) and {Replies} repl(ies) left leased by a process that stopped at {Now:O}", posts, replies, now);
            }
        }
    }

    public async Task<Workspace> InitializeAsync(CancellationToken ct)
    {
        await MigrateAsync(ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var workspace = startup.Demo
            ? await DemoWorkspace.EnsureAsync(db, password => hasher.HashPassword(new object(), password), now, ct)
            : await WorkspaceProvisioner.EnsureDefaultAsync(db, "Default", "default", now, ct);
        if (configuration[AdminKeyVariable] is { Length: > 0 } adminKey)
        {
            await WorkspaceProvisioner.EnsureApiKeyAsync(db, workspace.Id, adminKey, "EARSHOT_ADMIN_KEY", now, ct);
        }
        return workspace;
    }
}
