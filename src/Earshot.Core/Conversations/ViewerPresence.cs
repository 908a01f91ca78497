using Earshot.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Core.Conversations;

/// <summary>Who is looking at a conversation right now, kept in the database so several nodes agree.</summary>
public sealed class ViewerPresence(TimeProvider time)
{
    /// <summary>A viewer whose page stopped refreshing for this long has left.</summary>
    public static readonly TimeSpan Expiry = TimeSpan.FromSeconds(30);

    /// <summary>Records that the agent has the conversation open now (insert or refresh).</summary>
    public async Task TouchAsync(EarshotDbContext db, long workspaceId, long conversationId, long agentId, string agentName, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var updated = await db.ConversationViewers
            .Where(v => v.ConversationId == conversationId && v.AgentId == agentId)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.LastSeenAt, now), ct);
        if (updated > 0)
        {
            return;
        }
        // A new viewer row is rare (once per page opened): the moment to drop rows of pages that closed without saying so.
        await PurgeAsync(db, ct);
        db.ConversationViewers.Add(new ConversationViewer
        {
            ConversationId = conversationId, AgentId = agentId, WorkspaceId = workspaceId, AgentName = agentName, LastSeenAt = now,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same person's other tab inserted the row a moment ago: refreshing it is all that is left to do.
            db.ChangeTracker.Clear();
            await db.ConversationViewers
                .Where(v => v.ConversationId == conversationId && v.AgentId == agentId)
                .ExecuteUpdateAsync(s => s.SetProperty(v => v.LastSeenAt, now), ct);
        }
    }

    /// <summary>The page closed: the agent stops counting at once instead of after the expiry.</summary>
    public Task LeaveAsync(EarshotDbContext db, long conversationId, long agentId, CancellationToken ct) =>
        db.ConversationViewers.Where(v => v.ConversationId == conversationId && v.AgentId == agentId).ExecuteDeleteAsync(ct);

    /// <summary>Everyone seen on the conversation within the expiry, by name.</summary>
    public async Task<IReadOnlyList<ConversationViewer>> CurrentAsync(EarshotDbContext db, long conversationId, CancellationToken ct)
    {
        var since = time.GetUtcNow().UtcDateTime - Expiry;
        return await db.ConversationViewers.AsNoTracking()
            .Where(v => v.ConversationId == conversationId && v.LastSeenAt >= since)
            .OrderBy(v => v.AgentName)
            .ToListAsync(ct);
    }

    /// <summary>Deletes rows nobody refreshed for a while, so the table stays as small as the number of open pages.</summary>
    public Task<int> PurgeAsync(EarshotDbContext db, CancellationToken ct)
    {
        var before = time.GetUtcNow().UtcDateTime - Expiry - Expiry;
        return db.ConversationViewers.IgnoreQueryFilters().Where(v => v.LastSeenAt < before).ExecuteDeleteAsync(ct);
    }
}
