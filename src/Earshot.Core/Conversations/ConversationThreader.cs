using Earshot.Core.Contacts;
using Earshot.Core.Data;
using Earshot.Core.Ingestion;
using Earshot.Core.Prioritisation;
using Earshot.Core.Routing;
using Earshot.Core.Sla;
using Earshot.Core.Workspaces;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Core.Conversations;

/// <summary>
/// Loads what threading a batch of posts needs in a few queries: the workspace's queues, workflow rules and SLA policies, the
/// authors' contacts and open conversations, and the conversations of the posts being answered.
/// </summary>
public sealed class ConversationThreader
{
    public async Task<ThreadingBatch> BeginAsync(
        EarshotDbContext db, Workspace workspace, IReadOnlyList<Post> posts,
        IReadOnlyDictionary<(string, string), Identity> identities, DateTime now, CancellationToken ct)
    {
        var workspaceId = workspace.Id;
        var queues = await db.Queues.IgnoreQueryFilters().AsNoTracking().Where(q => q.WorkspaceId == workspaceId).ToListAsync(ct);
        var rules = await db.WorkflowRules.IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.WorkspaceId == workspaceId && r.Enabled).OrderBy(r => r.Position).ThenBy(r => r.Id).ToListAsync(ct);
        var policies = await db.SlaPolicies.IgnoreQueryFilters().AsNoTracking().Where(s => s.WorkspaceId == workspaceId).ToDictionaryAsync(s => s.Id, ct);

        var identityIds = identities.Values.Select(i => i.Id).ToList();
        var contactIds = identities.Values.Where(i => i.ContactId is not null).Select(i => i.ContactId!.Value).Distinct().ToList();
        var contacts = contactIds.Count == 0 ? [] : await db.Contacts.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.WorkspaceId == workspaceId && contactIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);

        var windowStart = now.AddSeconds(-workspace.ThreadWindowSeconds);
        var active = await db.Conversations.IgnoreQueryFilters()
            .Where(c => c.WorkspaceId == workspaceId && c.IdentityId != null && identityIds.Contains(c.IdentityId.Value)
                        && c.Status != ConversationStatus.Closed && c.Status != ConversationStatus.Resolved
                        && c.LastActivityAt >= windowStart)
            .ToListAsync(ct);

        var answered = posts.Where(p => p.InReplyToExternalId is not null).Select(p => p.InReplyToExternalId!).Distinct().ToList();
        var parents = answered.Count == 0 ? [] : await db.Posts.IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.WorkspaceId == workspaceId && answered.Contains(p.ExternalId) && p.ConversationId != null)
            .Select(p => new { p.Platform, p.ExternalId, ConversationId = p.ConversationId!.Value })
            .ToListAsync(ct);
        // Replies to our own outbound replies thread too.
        var answeredReplies = answered.Count == 0 ? [] : await db.Replies.IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.WorkspaceId == workspaceId && r.ExternalId != null && answered.Contains(r.ExternalId))
            .Select(r => new { r.ExternalId, r.ConversationId })
            .ToListAsync(ct);
        var parentConversationIds = parents.Select(p => p.ConversationId).Concat(answeredReplies.Select(r => r.ConversationId))
            .Except(active.Select(c => c.Id)).Distinct().ToList();
        if (parentConversationIds.Count > 0)
        {
            active.AddRange(await db.Conversations.IgnoreQueryFilters()
                .Where(c => parentConversationIds.Contains(c.Id) && c.Status != ConversationStatus.Closed)
                .ToListAsync(ct));
        }
        var byExternalId = new Dictionary<string, Conversation>();
        var byId = active.ToDictionary(c => c.Id);
        foreach (var parent in parents)
        {
            if (byId.TryGetValue(parent.ConversationId, out var c))
            {
                byExternalId[Key(parent.Platform, parent.ExternalId)] = c;
            }
        }
        foreach (var reply in answeredReplies)
        {
            if (byId.TryGetValue(reply.ConversationId, out var c))
            {
                byExternalId[Key(c.Channel, reply.ExternalId!)] = c;
            }
        }
        return new ThreadingBatch(db, workspace, queues, rules, policies, identities.Values.ToDictionary(i => i.Id), contacts, active, byExternalId, now);
    }

    internal static string Key(string platform, string externalId) => platform + "\n" + externalId;
}
