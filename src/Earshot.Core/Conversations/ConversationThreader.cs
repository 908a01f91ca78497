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

        // A customer's own identities on other networks: a private message from any of them joins their open conversation.
        var contactIdentities = contactIds.Count == 0 ? [] : await db.Identities.IgnoreQueryFilters().AsNoTracking()
            .Where(i => i.WorkspaceId == workspaceId && i.ContactId != null && contactIds.Contains(i.ContactId.Value))
            .Select(i => new { i.Id, ContactId = i.ContactId!.Value })
            .ToListAsync(ct);
        var identityContacts = contactIdentities.ToDictionary(i => i.Id, i => i.ContactId);
        var otherIdentityIds = contactIdentities.Select(i => i.Id).Except(identityIds).ToList();
        if (otherIdentityIds.Count > 0)
        {
            active.AddRange(await db.Conversations.IgnoreQueryFilters()
                .Where(c => c.WorkspaceId == workspaceId && c.IdentityId != null && otherIdentityIds.Contains(c.IdentityId.Value)
                            && c.Status != ConversationStatus.Closed && c.Status != ConversationStatus.Resolved
                            && c.LastActivityAt >= windowStart)
                .ToListAsync(ct));
        }

        // E-mail names the whole thread (References): any earlier message we know threads the new one.
        var answered = posts.SelectMany(ThreadParents).Distinct().ToList();
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
        var duplicates = await LoadDuplicateCandidatesAsync(db, workspaceId, posts, active, windowStart, ct);
        return new ThreadingBatch(db, workspace, queues, rules, policies, identities.Values.ToDictionary(i => i.Id), contacts, identityContacts,
            active, byExternalId, duplicates, now);
    }

    /// <summary>In-reply-to first, then the references from the newest back.</summary>
    internal static IEnumerable<string> ThreadParents(Post post)
    {
        if (post.InReplyToExternalId is not null)
        {
            yield return post.InReplyToExternalId;
        }
        if (post.ReferencesExternalIds is not null)
        {
            foreach (var reference in post.ReferencesExternalIds.Split(' ', StringSplitOptions.RemoveEmptyEntries).Reverse())
            {
                yield return reference;
            }
        }
    }

    /// <summary>Stored posts the batch may repeat: the same words within the window, or the posts it reposts.</summary>
    static async Task<DuplicateFinder> LoadDuplicateCandidatesAsync(
        EarshotDbContext db, long workspaceId, IReadOnlyList<Post> posts, List<Conversation> active, DateTime windowStart, CancellationToken ct)
    {
        var finder = new DuplicateFinder(windowStart);
        foreach (var post in posts)
        {
            post.ContentKey ??= ContentKey.Of(post.Text);
        }
        var keys = posts.Where(p => p.ContentKey is not null).Select(p => p.ContentKey!).Distinct().ToList();
        var reposted = posts.Where(p => p.RepostOfExternalId is not null).Select(p => p.RepostOfExternalId!).Distinct().ToList();
        if (keys.Count == 0 && reposted.Count == 0)
        {
            return finder;
        }
        var batchIds = posts.Select(p => p.Id).ToList();
        var stored = await db.Posts.IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.WorkspaceId == workspaceId && p.ConversationId != null && p.DuplicateOfPostId == null && !batchIds.Contains(p.Id)
                        && ((p.ContentKey != null && keys.Contains(p.ContentKey) && p.ReceivedAt >= windowStart) || reposted.Contains(p.ExternalId)))
            .Select(p => new { p.Id, p.Platform, p.ExternalId, p.ContentKey, p.IdentityId, p.ReceivedAt, ConversationId = p.ConversationId!.Value })
            .ToListAsync(ct);
        if (stored.Count == 0)
        {
            return finder;
        }
        var byId = active.ToDictionary(c => c.Id);
        var missing = stored.Select(p => p.ConversationId).Distinct().Where(id => !byId.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            foreach (var conversation in await db.Conversations.IgnoreQueryFilters()
                         .Where(c => missing.Contains(c.Id) && c.Status != ConversationStatus.Closed).ToListAsync(ct))
            {
                byId[conversation.Id] = conversation;
            }
        }
        var authorIds = stored.Where(p => p.IdentityId is not null).Select(p => p.IdentityId!.Value).Distinct().ToList();
        var authorContacts = await db.Identities.IgnoreQueryFilters().AsNoTracking()
            .Where(i => authorIds.Contains(i.Id) && i.ContactId != null)
            .ToDictionaryAsync(i => i.Id, i => i.ContactId, ct);
        foreach (var p in stored)
        {
            if (byId.TryGetValue(p.ConversationId, out var conversation))
            {
                finder.Add(new DuplicateFinder.Original(p.Id, p.Platform, p.ExternalId, p.ContentKey, p.IdentityId,
                    p.IdentityId is { } iid ? authorContacts.GetValueOrDefault(iid) : null, p.ReceivedAt, conversation));
            }
        }
        return finder;
    }

    internal static string Key(string platform, string externalId) => platform + "\n" + externalId;
}
