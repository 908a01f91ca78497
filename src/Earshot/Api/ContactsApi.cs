using System.Security.Claims;
using Earshot.Core.Contacts;
using Earshot.Core.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Api;

/// <summary>Contacts: customers with their identities on each network, CRM facts and past conversations; link, merge, undo.</summary>
public static class ContactsApi
{
    public static RouteGroupBuilder MapContactsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/contacts").WithTags("Contacts");
        group.MapGet("/", ListAsync).WithSummary("Find contacts by name, e-mail, customer id or handle (q); merged contacts are left out");
        group.MapGet("/{id:long}", GetAsync).WithSummary("One contact: identities, CRM facts, past conversations and merges");
        group.MapPost("/{id:long}/identities", LinkAsync)
            .WithSummary("Link an identity to the contact by hand: {\"identity_id\"} or {\"platform\",\"handle\"}");
        group.MapPost("/{id:long}/merge", MergeAsync).WithSummary("Merge another contact into this one: {\"from_contact_id\"}; undoable");
        group.MapPost("/merges/{id:long}/undo", UndoAsync).WithSummary("Undo a merge: identities and conversations go back to the merged contact");
        return api;
    }

    static async Task<Results<Ok<Page<ContactJson>>, ProblemHttpResult>> ListAsync(
        EarshotDbContext db, string? q, int? limit, string? cursor, CancellationToken ct)
    {
        if (Paging.Validate(limit, cursor) is { } error)
        {
            return (ProblemHttpResult)Problems.BadRequest(error);
        }
        if (q is { Length: > 200 })
        {
            return (ProblemHttpResult)Problems.BadRequest("q must be at most 200 characters", "q");
        }
        var take = Paging.Limit(limit);
        var after = Paging.Decode(cursor);
        var term = q?.Trim().TrimStart('@').ToLowerInvariant();
        var query = db.Contacts.AsNoTracking().Where(c => c.MergedIntoContactId == null && (after == null || c.Id < after));
        if (!string.IsNullOrEmpty(term))
        {
            query = query.Where(c => c.DisplayName.ToLower().Contains(term)
                                     || (c.EmailNormalized != null && c.EmailNormalized.Contains(term))
                                     || (c.CustomerId != null && c.CustomerId.ToLower() == term)
                                     || db.Identities.Any(i => i.ContactId == c.Id && i.HandleNormalized.Contains(term)));
        }
        var rows = await query.OrderByDescending(c => c.Id).Take(take + 1).ToListAsync(ct);
        var items = rows.Take(take).Select(ContactJson.From).ToList();
        return TypedResults.Ok(new Page<ContactJson>(items, rows.Count > take ? Paging.Encode(items[^1].Id) : null));
    }

    static async Task<Results<Ok<ContactDetailJson>, ProblemHttpResult>> GetAsync(long id, EarshotDbContext db, CancellationToken ct)
    {
        var contact = await db.Contacts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (contact is null)
        {
            return (ProblemHttpResult)Problems.NotFound($"Contact {id} does not exist in this workspace.");
        }
        var identities = await db.Identities.AsNoTracking().Where(i => i.ContactId == id).OrderBy(i => i.Id).ToListAsync(ct);
        var identityIds = identities.Select(i => i.Id).ToList();
        var conversations = await db.Conversations.AsNoTracking()
            .Where(c => c.ContactId == id || (c.IdentityId != null && identityIds.Contains(c.IdentityId.Value)))
            .OrderByDescending(c => c.LastActivityAt).Take(100)
            .Select(c => new ContactConversationJson(c.Id, c.Channel, TriageJson.Name(c.Status), c.Subject, c.Priority, c.OpenedAt, c.LastActivityAt, c.ResolvedAt))
            .ToListAsync(ct);
        var merges = await db.ContactMerges.AsNoTracking()
            .Where(m => m.IntoContactId == id || m.FromContactId == id).OrderBy(m => m.Id)
            .Select(m => new ContactMergeJson(m.Id, m.IntoContactId, m.FromContactId, m.IdentityIds.Count, m.Actor, m.MergedAt, m.UndoneAt))
            .ToListAsync(ct);
        return TypedResults.Ok(new ContactDetailJson(ContactJson.From(contact), [.. identities.Select(IdentityJson.From)], conversations, merges));
    }

    static async Task<Results<Ok<IdentityJson>, ProblemHttpResult>> LinkAsync(
        long id, LinkIdentityRequest request, ClaimsPrincipal user, EarshotDbContext db, ContactService contacts, CancellationToken ct)
    {
        if (request.IdentityId is null && (string.IsNullOrWhiteSpace(request.Platform) || string.IsNullOrWhiteSpace(request.Handle)))
        {
            return (ProblemHttpResult)Problems.BadRequest("give identity_id, or platform and handle", "identity_id");
        }
        if (request.IdentityId is null)
        {
            var (handles, error) = ContactRecord.ParseHandles($"{request.Platform}:{request.Handle}");
            if (error is not null || handles.Count != 1)
            {
                return (ProblemHttpResult)Problems.BadRequest(error ?? "platform and handle must name one identity", "handle");
            }
        }
        var (identity, refusal) = await contacts.LinkAsync(db, id, request.IdentityId, request.Platform, request.Handle, user.Actor(), ct);
        return refusal is not null ? Refused(refusal) : TypedResults.Ok(IdentityJson.From(identity!));
    }

    static async Task<Results<Ok<ContactMergeJson>, ProblemHttpResult>> MergeAsync(
        long id, MergeContactsRequest request, ClaimsPrincipal user, EarshotDbContext db, ContactService contacts, CancellationToken ct)
    {
        if (request.FromContactId is not { } from)
        {
            return (ProblemHttpResult)Problems.BadRequest("from_contact_id is required", "from_contact_id");
        }
        var (merge, refusal) = await contacts.MergeAsync(db, id, from, user.Actor(), ct);
        return refusal is not null ? Refused(refusal) : TypedResults.Ok(ContactMergeJson.From(merge!));
    }

    static async Task<Results<Ok<ContactMergeJson>, ProblemHttpResult>> UndoAsync(
        long id, ClaimsPrincipal user, EarshotDbContext db, ContactService contacts, CancellationToken ct)
    {
        var (merge, refusal) = await contacts.UndoAsync(db, id, user.Actor(), ct);
        return refusal is not null ? Refused(refusal) : TypedResults.Ok(ContactMergeJson.From(merge!));
    }

    static ProblemHttpResult Refused(ContactService.Refusal refusal) => (ProblemHttpResult)(refusal.Status switch
    {
        404 => Problems.NotFound(refusal.Detail),
        409 => Problems.Conflict(refusal.Detail),
        _ => Problems.BadRequest(refusal.Detail),
    });
}

public sealed record LinkIdentityRequest(long? IdentityId, string? Platform, string? Handle);

public sealed record MergeContactsRequest(long? FromContactId);

/// <summary>A contact with its CRM facts.</summary>
public sealed record ContactJson(
    long Id, string Name, string? Email, string? CustomerId, string? Tier, double LifetimeValue, long? MergedIntoContactId, DateTime CreatedAt, DateTime? UpdatedAt)
{
    public static ContactJson From(Contact c) => new(c.Id, c.DisplayName, c.Email, c.CustomerId, c.Tier, c.LifetimeValue, c.MergedIntoContactId, c.CreatedAt, c.UpdatedAt);
}

/// <summary>An author on one network, and what tied them to their contact (crm, email, message, agent).</summary>
public sealed record IdentityJson(long Id, string Platform, string Handle, string? Name, long Followers, bool Verified, long? ContactId, string? LinkedBy, DateTime? LinkedAt)
{
    public static IdentityJson From(Identity i) => new(i.Id, i.Platform, i.Handle, i.DisplayName, i.Followers, i.Verified, i.ContactId, i.LinkedBy, i.LinkedAt);
}

public sealed record ContactConversationJson(long Id, string Channel, string Status, string Subject, int Priority, DateTime OpenedAt, DateTime LastActivityAt, DateTime? ResolvedAt);

public sealed record ContactMergeJson(long Id, long IntoContactId, long FromContactId, int Identities, string Actor, DateTime MergedAt, DateTime? UndoneAt)
{
    public static ContactMergeJson From(ContactMerge m) => new(m.Id, m.IntoContactId, m.FromContactId, m.IdentityIds.Count, m.Actor, m.MergedAt, m.UndoneAt);
}

public sealed record ContactDetailJson(
    ContactJson Contact, IReadOnlyList<IdentityJson> Identities, IReadOnlyList<ContactConversationJson> Conversations, IReadOnlyList<ContactMergeJson> Merges);
