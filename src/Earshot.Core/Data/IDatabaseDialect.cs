using Microsoft.EntityFrameworkCore;

namespace Earshot.Core.Data;

/// <summary>
/// The few things SQLite and PostgreSQL must do differently, in one place: claiming work safely when several
/// nodes share the database, and serialising a workspace's routing across nodes.
/// </summary>
public interface IDatabaseDialect
{
    /// <summary>
    /// Leases up to <paramref name="batch"/> rows of <paramref name="table"/> that satisfy <paramref name="readyCondition"/>
    /// (raw SQL over the table's snake_case columns) and whose lease is free, stamping them with <paramref name="token"/>.
    /// Safe when several nodes claim at once: a row is leased by one claimer only.
    /// </summary>
    Task<int> ClaimAsync(DbContext db, string table, string readyCondition, string token, DateTime now, DateTime leaseUntil, int batch, CancellationToken ct);

    /// <summary>Inside a transaction: takes the workspace's routing lock, or answers false when another node holds it.</summary>
    Task<bool> TryLockRoutingAsync(DbContext db, long workspaceId, CancellationToken ct);
}
