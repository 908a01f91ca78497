using Earshot.Core.Auditing;
using Earshot.Core.Conversations;
using Earshot.Core.Data;
using Earshot.Core.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Core.Routing;

/// <summary>An agent accepts or rejects an offer. The conversation's version makes a double assignment impossible.</summary>
public sealed class OfferService(WorkSignals signals, TimeProvider time)
{
    public async Task<OfferOutcome> AcceptAsync(EarshotDbContext db, long offerId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var offer = await db.Offers.SingleOrDefaultAsync(o => o.Id == offerId, ct);
        if (offer is null)
        {
            return OfferOutcome.NotFound;
        }
        if (offer.Status != OfferStatus.Pending)
        {
            return OfferOutcome.Conflict($"Offer {offerId} is {offer.Status.ToString().ToLowerInvariant()}.");
        }
        if (offer.ExpiresAt < now)
        {
            offer.Status = OfferStatus.Expired;
            offer.RespondedAt = now;
            await TrySaveAsync(db, ct);
            signals.Routing.Notify();
            return OfferOutcome.Conflict($"Offer {offerId} expired at {offer.ExpiresAt:O}.");
        }
        var conversation = await db.Conversations.SingleAsync(c => c.Id == offer.ConversationId, ct);
        if (conversation.Status != ConversationStatus.Open)
        {
            offer.Status = OfferStatus.Withdrawn;
            offer.RespondedAt = now;
            await TrySaveAsync(db, ct);
            return OfferOutcome.Conflict($"Conversation {conversation.Id} is no longer waiting.");
        }
        offer.Status = OfferStatus.Accepted;
        offer.RespondedAt = now;
        db.ReportingEvents.Add(conversation.Assign(offer.AgentId, now));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return OfferOutcome.Conflict($"Offer {offerId} or conversation {conversation.Id} was changed meanwhile (expired, withdrawn or taken); reload them.");
        }
        return OfferOutcome.Done(conversation.Id);
    }

    /// <summary>Saves a state change that another node may have made first; either way the offer is no longer pending.</summary>
    static async Task TrySaveAsync(EarshotDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
        }
    }

    public async Task<OfferOutcome> RejectAsync(EarshotDbContext db, long offerId, string? reason, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var offer = await db.Offers.SingleOrDefaultAsync(o => o.Id == offerId, ct);
        if (offer is null)
        {
            return OfferOutcome.NotFound;
        }
        if (offer.Status != OfferStatus.Pending)
        {
            return OfferOutcome.Conflict($"Offer {offerId} is {offer.Status.ToString().ToLowerInvariant()}.");
        }
        offer.Status = OfferStatus.Rejected;
        offer.RespondedAt = now;
        db.AuditEntries.Add(AuditEntry.ForConversation(offer.WorkspaceId, offer.ConversationId, $"agent:{offer.AgentId}", "reject-offer", reason ?? "", now));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return OfferOutcome.Conflict($"Offer {offerId} was changed meanwhile (expired or withdrawn).");
        }
        signals.Routing.Notify();
        return OfferOutcome.Done(offer.ConversationId);
    }
}
