using Microsoft.EntityFrameworkCore;

namespace Earshot.Core.Data;

/// <summary>SQLite has one writer at a time: a single UPDATE is already an atomic claim.</summary>
sealed class SqliteDialect : IDatabaseDialect
{
    public Task<int> ClaimAsync(DbContext db, string table, string readyCondition, string token, DateTime now, DateTime leaseUntil, int batch, CancellationToken ct)
    {
        // Table and condition are constants of the calling worker, never user input.
        var sql = $$"""
            UPDATE {{table}} SET lease_token = {0}, lease_until = {1}
            WHERE id IN (SELECT id FROM {{table}}
                         WHERE {{readyCondition}} AND (lease_until IS NULL OR lease_until < {2})
                         ORDER BY id LIMIT {3})
            """;
        return db.Database.ExecuteSqlRawAsync(sql, [token, Format(leaseUntil), Format(now), batch], ct);
    }

    // The routing worker is the only router in a SQLite process and writes in one transaction.
    public Task<bool> TryLockRoutingAsync(DbContext db, long workspaceId, CancellationToken ct) => Task.FromResult(true);

    // The text form EF Core's SQLite provider uses for DateTime, so comparisons in SQL stay textual and correct.
    static string Format(DateTime value) => value.ToString("yyyy'-'MM'-'dd HH':'mm':'ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture);
}
