using Earshot.Core.Data;
using Earshot.Core.Pipeline;
using Earshot.Core.Routing;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Core.Agents;

/// <summary>An agent's presence switch and the desktop's heartbeat, shared by the API and the web desktop.</summary>
public sealed class PresenceService(WorkSignals signals, TimeProvider time)
{
    /// <summary>
    /// Sets the presence; stepping away returns pending offers to the queue at once. (null, null) when there is no
    /// such agent; an error when an offer changed meanwhile.
    /// </summary>
    public async Task<(Agent? Agent, string? Error)> SetAsync(EarshotDbContext db, long agentId, Presence presence, CancellationToken ct)
    {
        var agent = await db.Agents.SingleOrDefaultAsync(a => a.Id == agentId, ct);
        if (agent is null)
        {
            return (null, null);
        }
        var now = time.GetUtcNow().UtcDateTime;
        if (agent.Presence != presence)
        {
            agent.Presence = presence;
            agent.PresenceChangedAt = now;
        }
        // Wrap-up set by hand lasts until the agent says otherwise; the timed one ends on its own.
        agent.WrapUpUntil = null;
        if (presence != Presence.Available)
        {
            foreach (var offer in await db.Offers.Where(o => o.AgentId == agentId && o.Status == OfferStatus.Pending).ToListAsync(ct))
            {
                offer.Status = OfferStatus.Withdrawn;
                offer.RespondedAt = now;
            }
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return (agent, "An offer changed meanwhile (accepted or expired); set the presence again.");
        }
        signals.Routing.Notify();
        return (agent, null);
    }

    /// <summary>The desktop is alive; false when there is no such agent.</summary>
    public async Task<bool> HeartbeatAsync(EarshotDbContext db, long agentId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return await db.Agents.Where(a => a.Id == agentId).ExecuteUpdateAsync(s => s.SetProperty(a => a.LastHeartbeatAt, now), ct) > 0;
    }
}
