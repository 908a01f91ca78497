using Earshot.Core.Agents;
using Earshot.Core.Contacts;
using Earshot.Core.Conversations;
using Earshot.Core.Data;
using Earshot.Core.Ingestion;
using Earshot.Core.Replies;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Ui.Desktop;

/// <summary>One item of a conversation's timeline: an inbound or outbound post, a reply, or an internal note.</summary>
public abstract record TimelineItem(DateTime At);

public sealed record PostItem(Post Post) : TimelineItem(Post.CreatedAt);

public sealed record ReplyItem(Reply Reply, string? AgentName) : TimelineItem(Reply.CreatedAt);

public sealed record NoteItem(ConversationNote Note) : TimelineItem(Note.CreatedAt);

/// <summary>Who the customer is: their contact with CRM facts, every linked identity, past conversations, notes.</summary>
public sealed record CustomerPanel(
    Contact? Contact, IReadOnlyList<Identity> Identities, IReadOnlyList<Conversation> PastConversations, IReadOnlyList<ConversationNote> Notes);

/// <summary>Everything the conversation view shows, read in a handful of queries.</summary>
public sealed record ConversationView(
    Conversation Conversation, string? AssigneeName, IReadOnlyList<TimelineItem> Timeline, CustomerPanel Customer)
{
    public IEnumerable<Reply> Replies => Timeline.OfType<ReplyItem>().Select(r => r.Reply);
}

public static class ConversationReader
{
    public static async Task<ConversationView?> ReadAsync(EarshotDbContext db, long id, CancellationToken ct)
    {
        var conversation = await db.Conversations.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (conversation is null)
        {
            return null;
        }
        var posts = await db.Posts.AsNoTracking().Where(p => p.ConversationId == id).ToListAsync(ct);
        var replies = await db.Replies.AsNoTracking().Where(r => r.ConversationId == id).ToListAsync(ct);
        var notes = await db.ConversationNotes.AsNoTracking().Where(n => n.ConversationId == id).ToListAsync(ct);
        var agentIds = replies.Select(r => r.AgentId).Append(conversation.AssigneeId).OfType<long>().Distinct().ToList();
        var names = await db.Agents.AsNoTracking().Where(a => agentIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var timeline = posts.Select(p => (TimelineItem)new PostItem(p))
            .Concat(replies.Select(r => new ReplyItem(r, r.AgentId is { } a && names.TryGetValue(a, out var n) ? n : null)))
            .Concat(notes.Select(n => new NoteItem(n)))
            .OrderBy(i => i.At)
            .ToList();
        var assignee = conversation.AssigneeId is { } aid && names.TryGetValue(aid, out var name) ? name : null;
        return new ConversationView(conversation, assignee, timeline, await CustomerAsync(db, conversation, ct));
    }

    public static async Task<CustomerPanel> CustomerAsync(EarshotDbContext db, Conversation conversation, CancellationToken ct)
    {
        var identity = conversation.IdentityId is { } iid ? await db.Identities.AsNoTracking().SingleOrDefaultAsync(i => i.Id == iid, ct) : null;
        var contactId = conversation.ContactId ?? identity?.ContactId;
        var contact = contactId is { } cid ? await db.Contacts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == cid, ct) : null;
        var identities = contactId is { } linked
            ? await db.Identities.AsNoTracking().Where(i => i.ContactId == linked).OrderBy(i => i.Platform).ToListAsync(ct)
            : identity is null ? [] : [identity];
        var identityIds = identities.Select(i => i.Id).ToList();
        var past = await db.Conversations.AsNoTracking()
            .Where(c => c.Id != conversation.Id
                        && ((contactId != null && c.ContactId == contactId) || (c.IdentityId != null && identityIds.Contains(c.IdentityId.Value))))
            .OrderByDescending(c => c.OpenedAt)
            .Take(10)
            .ToListAsync(ct);
        var notes = contactId is { } noted
            ? await db.ConversationNotes.AsNoTracking().Where(n => n.ContactId == noted).OrderByDescending(n => n.CreatedAt).Take(20).ToListAsync(ct)
            : await db.ConversationNotes.AsNoTracking().Where(n => n.ConversationId == conversation.Id).OrderByDescending(n => n.CreatedAt).ToListAsync(ct);
        return new CustomerPanel(contact, identities, past, notes);
    }

    /// <summary>Adds an internal note to the conversation (and so to its customer's notes).</summary>
    public static async Task<ConversationNote> AddNoteAsync(
        EarshotDbContext db, Conversation conversation, long agentId, string author, string text, DateTime now, CancellationToken ct)
    {
        var contactId = conversation.ContactId
            ?? (conversation.IdentityId is { } iid ? await db.Identities.Where(i => i.Id == iid).Select(i => i.ContactId).SingleOrDefaultAsync(ct) : null);
        var note = new ConversationNote
        {
            WorkspaceId = conversation.WorkspaceId, ConversationId = conversation.Id, ContactId = contactId, AgentId = agentId,
            Author = author, Text = text.Trim(), CreatedAt = now,
        };
        db.ConversationNotes.Add(note);
        await db.SaveChangesAsync(ct);
        return note;
    }
}
