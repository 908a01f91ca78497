using Earshot.Core.Conversations;
using Earshot.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Core.Routing;

/// <summary>
/// Finds the agent who last served a returning customer (the same contact, or the same identity when there is no
/// contact), so the router can offer them the new conversation first.
/// </summary>
public static class StickyRouting
{
    /// <summary>The waiting conversation and whom it is with.</summary>
    public readonly record struct Customer(long ConversationId, long? ContactId, long? IdentityId);

    /// <summary>A conversation an agent worked on, as sticky routing reads it.</summary>
    public readonly record struct Served(long ConversationId, long? ContactId, long? IdentityId, long AgentId, DateTime LastActivityAt);

    /// <summary>Conversations with these customers that an agent worked on within the widest sticky window of the queues.</summary>
    public static async Task<IReadOnlyList<Served>> RecentlyServedAsync(
        EarshotDbContext db, long workspaceId, IReadOnlyList<Customer> customers, IEnumerable<Queue> queues, DateTime now, CancellationToken ct)
    {
        var window = queues.Select(q => q.StickyWindowSeconds).DefaultIfEmpty(0).Max();
        var contactIds = customers.Where(c => c.ContactId is not null).Select(c => c.ContactId!.Value).Distinct().ToList();
        var identityIds = customers.Where(c => c.IdentityId is not null).Select(c => c.IdentityId!.Value).Distinct().ToList();
        if (window <= 0 || (contactIds.Count == 0 && identityIds.Count == 0))
        {
            return [];
        }
        var since = now.AddSeconds(-window);
        return await db.Conversations.IgnoreQueryFilters()
            .Where(c => c.WorkspaceId == workspaceId && c.AssigneeId != null && c.LastActivityAt >= since
                        && c.Status != ConversationStatus.Open
                        && ((c.ContactId != null && contactIds.Contains(c.ContactId.Value))
                            || (c.IdentityId != null && identityIds.Contains(c.IdentityId.Value))))
            .Select(c => new Served(c.Id, c.ContactId, c.IdentityId, c.AssigneeId!.Value, c.LastActivityAt))
            .ToListAsync(ct);
    }

    /// <summary>The agent of the customer's most recent other conversation active since <paramref name="since"/>, or null.</summary>
    public static long? LastAgent(Customer customer, IReadOnlyList<Served> served, DateTime since)
    {
        Served? best = null;
        foreach (var s in served)
        {
            var same = (customer.ContactId is { } contact && s.ContactId == contact)
                       || (customer.IdentityId is { } identity && s.IdentityId == identity);
            if (!same || s.ConversationId == customer.ConversationId || s.LastActivityAt < since)
            {
                continue;
            }
            if (best is null || s.LastActivityAt > best.Value.LastActivityAt)
            {
                best = s;
            }
        }
        return best?.AgentId;
    }
}
