using Earshot.Core.Agents;
using Earshot.Core.Auditing;
using Earshot.Core.Data;
using Earshot.Core.Pipeline;
using Earshot.Core.Routing;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Core.Conversations;

/// <summary>Resolve and transfer: transitions people ask for, each saved with its reporting event and audit entry.</summary>
public sealed class ConversationService(WorkSignals signals, TimeProvider time)
{
    public Task<string?> ResolveAsync(EarshotDbContext db, Conversation conversation, string? disposition, string actor, CancellationToken ct) =>
        ResolveAsync(db, conversation, disposition, [], actor, ct);

    /// <summary>Resolves with a disposition and tags (the desktop's resolve dialog).</summary>
    public async Task<string?> ResolveAsync(
        EarshotDbContext db, Conversation conversation, string? disposition, IReadOnlyList<string> tags, string actor, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        try
        {
            db.ReportingEvents.Add(conversation.Resolve(now, disposition, tags));
        }
        catch (ConversationStateException ex)
        {
            return ex.Message;
        }
        await WithdrawOffersAsync(db, conversation.Id, now, ct);
        Audit(db, conversation, actor, "resolve", disposition ?? "", now);
        await StartWrapUpAsync(db, conversation, now, ct);
        var error = await SaveAsync(db, conversation, ct);
        signals.Routing.Notify(); // a slot is free
        return error;
    }

    /// <summary>
    /// An available agent who resolves a conversation of a queue with wrap-up time goes into wrap-up and is offered
    /// nothing until it ends (the routing round makes them available again).
    /// </summary>
    static async Task StartWrapUpAsync(EarshotDbContext db, Conversation conversation, DateTime now, CancellationToken ct)
    {
        if (conversation.AssigneeId is not { } agentId)
        {
            return;
        }
        var wrapUp = await db.Queues.IgnoreQueryFilters().Where(q => q.Id == conversation.QueueId).Select(q => q.WrapUpSeconds).SingleOrDefaultAsync(ct);
        if (wrapUp <= 0)
        {
            return;
        }
        var agent = await db.Agents.IgnoreQueryFilters().SingleOrDefaultAsync(a => a.Id == agentId, ct);
        if (agent is null || agent.Presence is not (Presence.Available or Presence.WrapUp))
        {
            return;
        }
        agent.Presence = Presence.WrapUp;
        agent.PresenceChangedAt = now;
        var until = now.AddSeconds(wrapUp);
        agent.WrapUpUntil = agent.WrapUpUntil is { } current && current > until ? current : until;
    }

    /// <summary>Moves a conversation to another queue (back to waiting) or hands it to an agent, with a reason.</summary>
    public async Task<string?> TransferAsync(
        EarshotDbContext db, Conversation conversation, long? queueId, long? agentId, string reason, string actor, CancellationToken ct)
    {
        if (conversation.Status is ConversationStatus.Resolved or ConversationStatus.Closed)
        {
            return $"Conversation {conversation.Id} is {conversation.Status.ToString().ToLowerInvariant()}; reopen it first.";
        }
        var now = time.GetUtcNow().UtcDateTime;
        await WithdrawOffersAsync(db, conversation.Id, now, ct);
        if (queueId is { } q)
        {
            conversation.QueueId = q;
        }
        if (agentId is { } a)
        {
            conversation.Status = ConversationStatus.Open; // Assign checks the state it comes from
            db.ReportingEvents.Add(conversation.Assign(a, now));
        }
        else
        {
            conversation.Status = ConversationStatus.Open;
            conversation.AssigneeId = null;
            conversation.Version++;
        }
        Audit(db, conversation, actor, "transfer", $"to {(agentId is null ? "" : $"agent {agentId} ")}{(queueId is null ? "" : $"queue {queueId} ")}: {reason}", now);
        var error = await SaveAsync(db, conversation, ct);
        signals.Routing.Notify();
        return error;
    }

    static async Task WithdrawOffersAsync(EarshotDbContext db, long conversationId, DateTime now, CancellationToken ct)
    {
        foreach (var offer in await db.Offers.Where(o => o.ConversationId == conversationId && o.Status == OfferStatus.Pending).ToListAsync(ct))
        {
            offer.Status = OfferStatus.Withdrawn;
            offer.RespondedAt = now;
        }
    }

    static void Audit(EarshotDbContext db, Conversation conversation, string actor, string action, string detail, DateTime now) =>
        db.AuditEntries.Add(AuditEntry.ForConversation(conversation.WorkspaceId, conversation.Id, actor, action, detail, now));

    static async Task<string?> SaveAsync(EarshotDbContext db, Conversation conversation, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return $"Conversation {conversation.Id} was changed by someone else; reload it.";
        }
    }
}
