using System.Diagnostics;
using Earshot.Core.Agents;
using Earshot.Core.Auditing;
using Earshot.Core.Conversations;
using Earshot.Core.Data;
using Earshot.Core.Pipeline;
using Earshot.Core.Reporting;
using Earshot.Core.Workspaces;
using Earshot.Triage;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Core.Routing;

/// <summary>
/// Drives <see cref="Router"/> against the database: expires stale offers, then for each workspace with waiting
/// conversations takes the workspace's routing lock, loads the waiting list and the available agents with their
/// load, and writes the offers in one transaction.
/// </summary>
public sealed class RoutingService(IDatabaseDialect dialect, WorkSignals signals, PipelineMetrics metrics, TimeProvider time)
{
    // The router itself is cheap (microseconds a decision); a long list keeps one full queue from hiding the work of
    // another queue whose agents are free.
    const int MaxWaiting = 2000;
    static readonly TimeSpan RetryDeclinedAfter = TimeSpan.FromMinutes(10);

    /// <summary>One routing round over every workspace; returns the number of offers made.</summary>
    public async Task<int> RunOnceAsync(EarshotDbContext db, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        db.ChangeTracker.Clear();
        var now = time.GetUtcNow().UtcDateTime;
        await db.Offers.IgnoreQueryFilters()
            .Where(o => o.Status == OfferStatus.Pending && o.ExpiresAt < now)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OfferStatus.Expired).SetProperty(o => o.RespondedAt, now), ct);
        // Wrap-up time that has run out makes the agent available again.
        await db.Agents.IgnoreQueryFilters()
            .Where(a => a.Presence == Presence.WrapUp && a.WrapUpUntil != null && a.WrapUpUntil <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Presence, Presence.Available)
                .SetProperty(a => a.PresenceChangedAt, now).SetProperty(a => a.WrapUpUntil, (DateTime?)null), ct);
        var workspaceIds = await db.Conversations.IgnoreQueryFilters()
            .Where(c => c.Status == ConversationStatus.Open)
            .Select(c => c.WorkspaceId).Distinct().ToListAsync(ct);
        var offers = 0;
        foreach (var workspaceId in workspaceIds)
        {
            offers += await RouteWorkspaceAsync(db, workspaceId, now, ct);
        }
        if (offers > 0)
        {
            metrics.Offered(offers);
            metrics.StageTook("routing", Stopwatch.GetElapsedTime(started));
            signals.Offers.Notify();
        }
        return offers;
    }

    async Task<int> RouteWorkspaceAsync(EarshotDbContext db, long workspaceId, DateTime now, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await dialect.TryLockRoutingAsync(db, workspaceId, ct))
        {
            return 0; // another node is routing this workspace right now
        }
        // Open conversations already holding a pending offer are left out in memory rather than by NOT EXISTS: on a
        // table that grew since PostgreSQL last analysed it the planner turns the anti-join into a scan of every
        // pending offer per open conversation (90 ms at 1,000 × 500). Pending offers are bounded by the agents'
        // capacity, so reading that many more open conversations keeps the list whole.
        // Pending offers are read before assignments (in CandidatesAsync): an offer accepted between the two reads is
        // then counted twice (safe), never missed by both (which would let the agent go over capacity).
        var pendingOffers = await db.Offers.IgnoreQueryFilters()
            .Where(o => o.WorkspaceId == workspaceId && o.Status == OfferStatus.Pending)
            .Join(db.Conversations.IgnoreQueryFilters(), o => o.ConversationId, c => c.Id, (o, c) => new PendingOffer(o.ConversationId, o.AgentId, c.Medium))
            .ToListAsync(ct);
        var pending = pendingOffers.Select(o => o.ConversationId).ToHashSet();
        var waiting = (await db.Conversations.IgnoreQueryFilters()
                .Where(c => c.WorkspaceId == workspaceId && c.Status == ConversationStatus.Open)
                .OrderByDescending(c => c.Priority).ThenBy(c => c.OpenedAt).ThenBy(c => c.Id)
                .Take(MaxWaiting + pending.Count)
                .Select(c => new { c.Id, c.QueueId, c.Medium, c.Priority, c.OpenedAt, c.ContactId, c.IdentityId, c.SkillsWidened, c.RequiredSkills })
                .ToListAsync(ct))
            .Where(c => !pending.Contains(c.Id))
            .Take(MaxWaiting)
            .ToList();
        if (waiting.Count == 0)
        {
            return 0;
        }
        // Read without tracking: a thousand agents' JSON columns are costly to snapshot and compare on save; the few
        // chosen ones get their last-offered time by one update below.
        var agents = (await db.Agents.IgnoreQueryFilters().AsNoTracking()
                .Where(a => a.WorkspaceId == workspaceId && a.Presence == Presence.Available)
                .ToListAsync(ct))
            .Where(a => a.IsWorkingAt(now)) // outside their working hours agents are offered nothing
            .ToList();
        if (agents.Count == 0)
        {
            return 0;
        }
        var queues = await db.Queues.IgnoreQueryFilters().AsNoTracking().Where(q => q.WorkspaceId == workspaceId).ToDictionaryAsync(q => q.Id, ct);
        var candidates = await CandidatesAsync(db, workspaceId, agents, queues, pendingOffers, ct);
        // The offers are stamped after the agents' load was read, so any release that load counted has an earlier
        // time: replaying offers and releases in time order never shows an agent above capacity that was not.
        now = time.GetUtcNow().UtcDateTime;
        var waitingIds = waiting.Select(w => w.Id).ToList();
        var declinedSince = now - RetryDeclinedAfter;
        var declined = (await db.Offers.IgnoreQueryFilters()
                .Where(o => waitingIds.Contains(o.ConversationId) && o.OfferedAt >= declinedSince
                            && (o.Status == OfferStatus.Rejected || o.Status == OfferStatus.Expired))
                .Select(o => new { o.ConversationId, o.AgentId })
                .ToListAsync(ct))
            .GroupBy(o => o.ConversationId)
            .ToDictionary(g => g.Key, g => (IReadOnlySet<long>)g.Select(o => o.AgentId).ToHashSet());

        var served = await StickyRouting.RecentlyServedAsync(db, workspaceId,
            waiting.Select(w => new StickyRouting.Customer(w.Id, w.ContactId, w.IdentityId)).ToList(), queues.Values, now, ct);

        var work = waiting.Select(w => new WaitingWork(
            w.Id, w.QueueId, w.Medium, w.Priority, w.OpenedAt,
            queues.TryGetValue(w.QueueId, out var q) ? Escalation.RequiredSkills(Merge(q.RequiredSkills, w.RequiredSkills), w.SkillsWidened) : new Dictionary<string, int>(),
            declined.GetValueOrDefault(w.Id) ?? new HashSet<long>())
        {
            StickyAgentId = q is null ? null
                : StickyRouting.LastAgent(new StickyRouting.Customer(w.Id, w.ContactId, w.IdentityId), served, now.AddSeconds(-q.StickyWindowSeconds)),
        });
        var decisions = Router.ChooseAll(work, candidates, now);
        if (decisions.Count == 0)
        {
            return 0;
        }

        var agentsById = agents.ToDictionary(a => a.Id);
        var chosenIds = decisions.Select(d => d.ConversationId).ToList();
        var conversations = await db.Conversations.IgnoreQueryFilters().Where(c => chosenIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        foreach (var decision in decisions)
        {
            var conversation = conversations[decision.ConversationId];
            var queue = queues[conversation.QueueId];
            var agent = agentsById[decision.AgentId];
            var offer = new Offer
            {
                WorkspaceId = workspaceId,
                ConversationId = conversation.Id,
                AgentId = agent.Id,
                Reason = decision.Reason,
                OfferedAt = now,
                ExpiresAt = now.AddSeconds(queue.OfferTimeoutSeconds),
            };
            db.Offers.Add(offer);
            var offeredEvent = conversation.Event(ReportingEventKind.ConversationOffered, now, (now - conversation.OpenedAt).TotalSeconds);
            offeredEvent.AgentId = agent.Id;
            db.ReportingEvents.Add(offeredEvent);
            db.AuditEntries.Add(AuditEntry.ForConversation(workspaceId, conversation.Id, "router", "offer", decision.Reason, now));
            if (queue.AutoAccept || agent.IsSimulated)
            {
                offer.Status = OfferStatus.Accepted;
                offer.RespondedAt = now;
                db.ReportingEvents.Add(conversation.Assign(agent.Id, now));
            }
        }
        await db.SaveChangesAsync(ct);
        var offeredAgents = decisions.Select(d => d.AgentId).Distinct().ToList();
        await db.Agents.IgnoreQueryFilters().Where(a => offeredAgents.Contains(a.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.LastOfferedAt, now), ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return decisions.Count;
    }

    static async Task<List<RoutingCandidate>> CandidatesAsync(
        EarshotDbContext db, long workspaceId, List<Agent> agents, Dictionary<long, Queue> queues, List<PendingOffer> pendingOffers, CancellationToken ct)
    {
        var agentIds = agents.Select(a => a.Id).ToList();
        var members = await db.QueueMembers.IgnoreQueryFilters()
            .Where(m => m.WorkspaceId == workspaceId).Select(m => new { m.QueueId, m.AgentId }).ToListAsync(ct);
        var staffedQueues = members.Select(m => m.QueueId).ToHashSet();
        var assigned = await db.Conversations.IgnoreQueryFilters()
            .Where(c => c.WorkspaceId == workspaceId && c.Status == ConversationStatus.Assigned && c.AssigneeId != null && agentIds.Contains(c.AssigneeId.Value))
            .GroupBy(c => new { c.AssigneeId, c.Medium })
            .Select(g => new { AgentId = g.Key.AssigneeId!.Value, g.Key.Medium, Count = g.Count() })
            .ToListAsync(ct);
        var busyByAgent = new Dictionary<long, Dictionary<string, int>>();
        foreach (var (agentId, medium, count) in assigned.Select(a => (a.AgentId, a.Medium, a.Count)).Concat(pendingOffers.Select(o => (o.AgentId, o.Medium, 1))))
        {
            if (!busyByAgent.TryGetValue(agentId, out var load))
            {
                busyByAgent[agentId] = load = [];
            }
            load[medium] = load.GetValueOrDefault(medium) + count;
        }
        var membership = members.ToLookup(m => m.AgentId, m => m.QueueId);
        var result = new List<RoutingCandidate>(agents.Count);
        foreach (var agent in agents)
        {
            var busy = busyByAgent.GetValueOrDefault(agent.Id) ?? [];
            // Queues nobody is a member of are open to every agent whose role works that bucket.
            var agentQueues = membership[agent.Id]
                .Concat(queues.Values.Where(q => !staffedQueues.Contains(q.Id) && Works(agent.Role, q.Bucket)).Select(q => q.Id))
                .ToHashSet();
            result.Add(new RoutingCandidate(agent.Id, agent.Name, agent.Skills, agent.Capacity, busy,
                agent.LastOfferedAt ?? agent.PresenceChangedAt, agentQueues));
        }
        return result;
    }

    /// <summary>An offer still waiting for its agent's answer, with the medium it takes capacity in.</summary>
    sealed record PendingOffer(long ConversationId, long AgentId, string Medium);

    /// <summary>The queue's skills plus the ones the workflow rule added; the higher minimum wins.</summary>
    static IReadOnlyDictionary<string, int> Merge(IReadOnlyDictionary<string, int> queueSkills, Dictionary<string, int> extra)
    {
        if (extra.Count == 0)
        {
            return queueSkills;
        }
        var merged = new Dictionary<string, int>(queueSkills);
        foreach (var (skill, minimum) in extra)
        {
            merged[skill] = Math.Max(minimum, merged.GetValueOrDefault(skill));
        }
        return merged;
    }

    static bool Works(AgentRoleName role, Bucket bucket) => bucket switch
    {
        Bucket.Marketing => role is AgentRoleName.Marketing,
        _ => role is AgentRoleName.Agent,
    };
}
