using Microsoft.EntityFrameworkCore;

namespace Earshot.Core.Data;

/// <summary>
/// PostgreSQL is the distributed engine: SKIP LOCKED lets nodes claim disjoint batches, the outer re-check keeps
/// a row that another node leased meanwhile out, and an advisory lock lets one node route a workspace at a time.
/// </summary>
sealed class PostgresDialect : IDatabaseDialect
{
    const long RoutingLockSpace = 0x45415253L << 32; // "EARS" in the high half, the workspace id in the low half

    public Task<int> ClaimAsync(DbContext db, string table, string readyCondition, string token, DateTime now, DateTime leaseUntil, int batch, CancellationToken ct)
    {
        // Table and condition are constants of the calling worker, never user input.
        var sql = $$"""
            UPDATE {{table}} SET lease_token = {0}, lease_until = {1}
            WHERE id IN (SELECT id FROM {{table}}
                         WHERE {{readyCondition}} AND (lease_until IS NULL OR lease_until < {2})
                         ORDER BY id LIMIT {3} FOR UPDATE SKIP LOCKED)
              AND (lease_until IS NULL OR lease_until < {2})
            """;
        return db.Database.ExecuteSqlRawAsync(sql, [token, leaseUntil, now, batch], ct);
    }

    public async Task<bool> TryLockRoutingAsync(DbContext db, long workspaceId, CancellationToken ct)
    {
        var key = RoutingLockSpace | (workspaceId & 0xFFFFFFFFL);
        var locked = await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({key}) AS \"Value\"").SingleAsync(ct);
        return locked;
    }
}
