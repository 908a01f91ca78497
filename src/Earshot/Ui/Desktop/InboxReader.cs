using Earshot.Core.Conversations;
using Earshot.Core.Data;
using Earshot.Core.Ingestion;
using Earshot.Core.Routing;
using Earshot.Triage;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Ui.Desktop;

/// <summary>A row of the inbox: an offered or assigned conversation with what an agent needs to pick it.</summary>
public sealed record InboxRow(
    long ConversationId, string Channel, string Author, string Subject, double Sentiment, Intent? Intent, int Priority,
    IReadOnlyDictionary<string, int> PriorityParts, RiskFlags Risks, DateTime SlaStartedAt, DateTime? SlaDueAt, ConversationStatus Status)
{
    public SlaCountdown Sla(DateTime now) => SlaCountdown.Evaluate(SlaStartedAt, SlaDueAt, now);
}

/// <summary>An offer waiting for the agent's answer, with its deadline.</summary>
public sealed record InboxOffer(long OfferId, DateTime ExpiresAt, string Reason, InboxRow Conversation);

/// <summary>The inbox's two cheap queries (run every second while the page is open): my offers and my conversations.</summary>
public static class InboxReader
{
    public static async Task<IReadOnlyList<InboxOffer>> OffersAsync(EarshotDbContext db, long agentId, CancellationToken ct)
    {
        var offers = await db.Offers.AsNoTracking()
            .Where(o => o.AgentId == agentId && o.Status == OfferStatus.Pending)
            .OrderBy(o => o.ExpiresAt)
            .Select(o => new { o.Id, o.ExpiresAt, o.Reason, o.ConversationId })
            .ToListAsync(ct);
        if (offers.Count == 0)
        {
            return [];
        }
        var rows = await RowsAsync(db, db.Conversations.Where(c => offers.Select(o => o.ConversationId).Contains(c.Id)), ct);
        return [.. offers.Where(o => rows.ContainsKey(o.ConversationId)).Select(o => new InboxOffer(o.Id, o.ExpiresAt, o.Reason, rows[o.ConversationId]))];
    }

    /// <summary>Conversations assigned to the agent and not resolved: highest priority first, then the SLA due soonest.</summary>
    public static async Task<IReadOnlyList<InboxRow>> MineAsync(EarshotDbContext db, long agentId, CancellationToken ct)
    {
        var rows = await RowsAsync(db, db.Conversations.Where(c => c.AssigneeId == agentId
            && (c.Status == ConversationStatus.Assigned || c.Status == ConversationStatus.Pending)), ct);
        return Sort(rows.Values);
    }

    public static IReadOnlyList<InboxRow> Sort(IEnumerable<InboxRow> rows) =>
        [.. rows.OrderByDescending(r => r.Priority).ThenBy(r => r.SlaDueAt ?? DateTime.MaxValue).ThenBy(r => r.ConversationId)];

    static async Task<Dictionary<long, InboxRow>> RowsAsync(EarshotDbContext db, IQueryable<Conversation> conversations, CancellationToken ct)
    {
        var list = await conversations.AsNoTracking().OrderByDescending(c => c.Priority).ThenBy(c => c.Id).Take(200).ToListAsync(ct);
        if (list.Count == 0)
        {
            return [];
        }
        var ids = list.Select(c => c.Id).ToList();
        // The customer's latest post sets the mood and intent shown in the row.
        var posts = await db.Posts.AsNoTracking()
            .Where(p => p.ConversationId != null && ids.Contains(p.ConversationId.Value) && p.Direction == PostDirection.Inbound)
            .Select(p => new { ConversationId = p.ConversationId!.Value, p.Id, p.SentimentCompound, p.Intent, p.AuthorHandle, p.AuthorName })
            .ToListAsync(ct);
        var latest = posts.GroupBy(p => p.ConversationId).ToDictionary(g => g.Key, g => g.MaxBy(p => p.Id)!);
        return list.ToDictionary(c => c.Id, c =>
        {
            latest.TryGetValue(c.Id, out var post);
            var (start, due) = c.FirstResponseAt is null
                ? (c.OpenedAt, c.FirstResponseDueAt ?? c.ResolutionDueAt)
                : (c.OpenedAt, c.ResolutionDueAt);
            var author = post?.AuthorName is { Length: > 0 } name ? name : post?.AuthorHandle is { Length: > 0 } handle ? "@" + handle : "unknown";
            return new InboxRow(c.Id, c.Channel, author, c.Subject, post?.SentimentCompound ?? 0, post?.Intent, c.Priority, c.PriorityParts,
                c.Risks, start, due, c.Status);
        });
    }
}
