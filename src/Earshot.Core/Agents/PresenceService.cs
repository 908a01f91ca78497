using Earshot.Core.Data;
using Earshot.Core.Pipeline;
using Earshot.Core.Routing;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Core.Agents;

/// <summary>An agent's presence switch and the desktop's heartbeat, shared by the API and the web desktop.</summary>
public sealed class PresenceService(WorkSignals signals, TimeProvider time)
{
    /// <summary>Sets the presence; stepping away returns pending offers to the queue at once. Null when there is no such agent.</summary>
    public async Task<Agent?> SetAsync(EarshotDbContext db, long agentId, Presence presence, CancellationToken ct)
    {
        var agent = await db.Agents.SingleOrDefaultAsync(a => a.Id == agentId, ct);
        if (agent is null)
        {
            return null;
        }
        var now = time.GetUtcNow().UtcDateTime;
        if (agent.Presence != presence)
        {
            agent.Presence = presence;
            agent.PresenceChangedAt = now;
        }
        if (presence != Presence.Available)
        {
            foreach (var offer in await db.Offers.Where(o => o.AgentId == agentId && o.Status == OfferStatus.Pending).ToListAsync(ct))
            {
                offer.Status = OfferStatus.Withdrawn;
                offer.RespondedAt = now;
            }
        }
        await db.SaveChangesAsync(ct);
        signals.Routing.Notify();
        return agent;
    }

    /// <summary>The desktop is alive; false when there is no such agent.</summary>
    public async Task<bool> HeartbeatAsync(EarshotDbContext db, long agentId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return await db.Agents.Where(a => a.Id == agentId).ExecuteUpdateAsync(s => s.SetProperty(a => a.LastHeartbeatAt, now), ct) > 0;
    }
}
