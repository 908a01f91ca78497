using Earshot.Core.Data;
using Earshot.Core.Routing;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Core.Agents;

/// <summary>
/// Keeps presence honest: an agent whose desktop stopped heartbeating goes offline and their pending offers return
/// to the queue. Only agents who have heartbeated at least once are watched, so API-driven agents without a
/// desktop keep the presence they were given.
/// </summary>
public sealed class PresenceLiveness(TimeProvider time)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>One round; returns how many agents were taken offline. Idempotent, so safe on several nodes.</summary>
    public async Task<int> RunOnceAsync(EarshotDbContext db, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var cutoff = now - Timeout;
        var silent = await db.Agents.IgnoreQueryFilters()
            .Where(a => a.Presence != Presence.Offline && a.LastHeartbeatAt != null && a.LastHeartbeatAt < cutoff)
            .Select(a => a.Id).ToListAsync(ct);
        if (silent.Count == 0)
        {
            return 0;
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The condition is repeated in the update so a heartbeat that arrived meanwhile keeps the agent online.
        var offline = await db.Agents.IgnoreQueryFilters()
            .Where(a => silent.Contains(a.Id) && a.Presence != Presence.Offline && a.LastHeartbeatAt < cutoff)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Presence, Presence.Offline).SetProperty(a => a.PresenceChangedAt, now), ct);
        await db.Offers.IgnoreQueryFilters()
            .Where(o => silent.Contains(o.AgentId) && o.Status == OfferStatus.Pending
                        && db.Agents.IgnoreQueryFilters().Any(a => a.Id == o.AgentId && a.Presence == Presence.Offline))
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OfferStatus.Withdrawn).SetProperty(o => o.RespondedAt, now), ct);
        await tx.CommitAsync(ct);
        return offline;
    }
}
