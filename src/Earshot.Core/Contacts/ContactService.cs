using Earshot.Core.Auditing;
using Earshot.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Core.Contacts;

/// <summary>
/// What agents do to contacts by hand: link an identity, merge two contacts, undo a merge. A merge moves the
/// merged contact's identities and conversations to the kept one and records exactly which, so undoing it
/// restores them; the merged contact stays as a row, marked merged, its CRM facts untouched.
/// </summary>
public sealed class ContactService(TimeProvider time)
{
    /// <summary>Why an operation was refused, with the HTTP status that fits.</summary>
    public sealed record Refusal(int Status, string Detail);

    public async Task<(Identity? Identity, Refusal? Refusal)> LinkAsync(
        EarshotDbContext db, long contactId, long? identityId, string? platform, string? handle, string actor, CancellationToken ct)
    {
        var contact = await db.Contacts.SingleOrDefaultAsync(c => c.Id == contactId, ct);
        if (contact is null)
        {
            return (null, new Refusal(404, $"Contact {contactId} does not exist."));
        }
        if (contact.MergedIntoContactId is { } into)
        {
            return (null, new Refusal(409, $"Contact {contactId} was merged into contact {into}; link to that one."));
        }
        var now = time.GetUtcNow().UtcDateTime;
        Identity? identity;
        if (identityId is { } id)
        {
            identity = await db.Identities.SingleOrDefaultAsync(i => i.Id == id, ct);
            if (identity is null)
            {
                return (null, new Refusal(404, $"Identity {id} does not exist."));
            }
        }
        else
        {
            var normalized = Identity.Normalize(handle!);
            var p = platform!.Trim().ToLowerInvariant();
            identity = await db.Identities.SingleOrDefaultAsync(i => i.Platform == p && i.HandleNormalized == normalized, ct);
            if (identity is null)
            {
                identity = new Identity
                {
                    WorkspaceId = contact.WorkspaceId, Platform = p, Handle = handle!.Trim().TrimStart('@'), HandleNormalized = normalized,
                    FirstSeenAt = now, LastSeenAt = now,
                };
                db.Identities.Add(identity);
            }
        }
        if (identity.ContactId == contact.Id)
        {
            return (identity, null);
        }
        ContactLinker.Link(db, identity, contact.Id, ContactLinker.ByAgent, actor, now);
        await db.SaveChangesAsync(ct);
        // The identity's open conversations now belong to this customer too (their value feeds priority).
        await db.Conversations.Where(c => c.IdentityId == identity.Id && c.ContactId != contact.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.ContactId, contact.Id), ct);
        return (identity, null);
    }

    public async Task<(ContactMerge? Merge, Refusal? Refusal)> MergeAsync(
        EarshotDbContext db, long intoId, long fromId, string actor, CancellationToken ct)
    {
        if (intoId == fromId)
        {
            return (null, new Refusal(400, "A contact cannot be merged into itself."));
        }
        var pair = await db.Contacts.Where(c => c.Id == intoId || c.Id == fromId).ToListAsync(ct);
        var into = pair.SingleOrDefault(c => c.Id == intoId);
        var from = pair.SingleOrDefault(c => c.Id == fromId);
        if (into is null || from is null)
        {
            return (null, new Refusal(404, $"Contact {(into is null ? intoId : fromId)} does not exist."));
        }
        if (into.MergedIntoContactId is not null || from.MergedIntoContactId is not null)
        {
            var merged = into.MergedIntoContactId is not null ? into : from;
            return (null, new Refusal(409, $"Contact {merged.Id} is already merged into contact {merged.MergedIntoContactId}."));
        }
        var now = time.GetUtcNow().UtcDateTime;
        var identities = await db.Identities.Where(i => i.ContactId == fromId).ToListAsync(ct);
        var conversations = await db.Conversations.Where(c => c.ContactId == fromId).Select(c => c.Id).ToListAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var identity in identities)
        {
            identity.ContactId = intoId;
        }
        from.MergedIntoContactId = intoId;
        from.UpdatedAt = now;
        var merge = new ContactMerge
        {
            WorkspaceId = into.WorkspaceId, IntoContactId = intoId, FromContactId = fromId,
            IdentityIds = [.. identities.Select(i => i.Id)], ConversationIds = conversations, Actor = actor, MergedAt = now,
        };
        db.ContactMerges.Add(merge);
        db.AuditEntries.Add(Audit(into.WorkspaceId, actor, "contact.merged", intoId,
            $"contact {fromId} merged in: {identities.Count} identities, {conversations.Count} conversations", now));
        await db.SaveChangesAsync(ct);
        if (conversations.Count > 0)
        {
            await db.Conversations.Where(c => conversations.Contains(c.Id)).ExecuteUpdateAsync(u => u.SetProperty(c => c.ContactId, intoId), ct);
        }
        await tx.CommitAsync(ct);
        return (merge, null);
    }

    public async Task<(ContactMerge? Merge, Refusal? Refusal)> UndoAsync(EarshotDbContext db, long mergeId, string actor, CancellationToken ct)
    {
        var merge = await db.ContactMerges.SingleOrDefaultAsync(m => m.Id == mergeId, ct);
        if (merge is null)
        {
            return (null, new Refusal(404, $"Merge {mergeId} does not exist."));
        }
        if (merge.UndoneAt is not null)
        {
            return (null, new Refusal(409, $"Merge {mergeId} was already undone at {merge.UndoneAt:O}."));
        }
        var into = await db.Contacts.SingleAsync(c => c.Id == merge.IntoContactId, ct);
        if (into.MergedIntoContactId is { } later)
        {
            return (null, new Refusal(409, $"Contact {into.Id} was merged into contact {later} afterwards; undo that merge first."));
        }
        var from = await db.Contacts.SingleAsync(c => c.Id == merge.FromContactId, ct);
        var now = time.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Only what still sits where the merge put it goes back: an identity an agent moved since stays moved.
        var identities = await db.Identities.Where(i => merge.IdentityIds.Contains(i.Id) && i.ContactId == merge.IntoContactId).ToListAsync(ct);
        foreach (var identity in identities)
        {
            identity.ContactId = merge.FromContactId;
        }
        from.MergedIntoContactId = null;
        from.UpdatedAt = now;
        merge.UndoneAt = now;
        db.AuditEntries.Add(Audit(merge.WorkspaceId, actor, "contact.merge_undone", merge.IntoContactId,
            $"contact {merge.FromContactId} split out again: {identities.Count} identities back", now));
        await db.SaveChangesAsync(ct);
        if (merge.ConversationIds.Count > 0)
        {
            await db.Conversations.Where(c => merge.ConversationIds.Contains(c.Id) && c.ContactId == merge.IntoContactId)
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.ContactId, merge.FromContactId), ct);
        }
        await tx.CommitAsync(ct);
        return (merge, null);
    }

    static AuditEntry Audit(long workspaceId, string actor, string action, long contactId, string detail, DateTime now) => new()
    {
        WorkspaceId = workspaceId, Actor = actor, Action = action, Subject = $"contact:{contactId}", Detail = detail, OccurredAt = now,
    };
}
