using Earshot.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Core.Contacts;

/// <summary>
/// Upserts CRM records by customer id: facts are overwritten with the file's, and each handle (and the e-mail
/// address) on file becomes an identity linked to the contact, so the customer's posts are recognised from their
/// first one. An identity already linked to a different contact is left where it is and reported.
/// </summary>
public static class ContactImport
{
    /// <summary>What happened to one record: created or updated, and warnings about its handles.</summary>
    public sealed record Outcome(long ContactId, bool Created, IReadOnlyList<string> Warnings);

    public static async Task<IReadOnlyList<Outcome>> UpsertAsync(
        EarshotDbContext db, long workspaceId, IReadOnlyList<ContactRecord> records, DateTime now, CancellationToken ct)
    {
        // The last line for a customer id wins, as if the lines were applied one by one.
        var unique = records.GroupBy(r => r.CustomerId).Select(g => g.Last()).ToList();
        var ids = unique.Select(r => r.CustomerId).ToList();
        var existing = await db.Contacts.IgnoreQueryFilters()
            .Where(c => c.WorkspaceId == workspaceId && c.CustomerId != null && ids.Contains(c.CustomerId))
            .ToListAsync(ct);
        var byCustomerId = existing.GroupBy(c => c.CustomerId!).ToDictionary(g => g.Key, g => g.OrderBy(c => c.Id).First());
        var created = new HashSet<string>();
        foreach (var record in unique)
        {
            if (!byCustomerId.TryGetValue(record.CustomerId, out var contact))
            {
                contact = new Contact { WorkspaceId = workspaceId, DisplayName = record.Name, CustomerId = record.CustomerId, CreatedAt = now };
                db.Contacts.Add(contact);
                byCustomerId[record.CustomerId] = contact;
                created.Add(record.CustomerId);
            }
            contact.DisplayName = record.Name;
            contact.Email = record.Email;
            contact.EmailNormalized = record.Email?.Trim().ToLowerInvariant();
            contact.Tier = record.Tier;
            contact.LifetimeValue = record.LifetimeValue;
            contact.UpdatedAt = now;
        }
        await db.SaveChangesAsync(ct);

        var wanted = unique.SelectMany(r => HandlesOf(r).Select(h => (r.CustomerId, h.Platform, Handle: Identity.Normalize(h.Handle), Raw: h.Handle))).ToList();
        var normalized = wanted.Select(w => w.Handle).Distinct().ToList();
        var identities = normalized.Count == 0 ? [] : await db.Identities.IgnoreQueryFilters()
            .Where(i => i.WorkspaceId == workspaceId && normalized.Contains(i.HandleNormalized))
            .ToListAsync(ct);
        var byKey = identities.ToDictionary(i => (i.Platform, i.HandleNormalized));
        var warnings = unique.ToDictionary(r => r.CustomerId, _ => new List<string>());
        foreach (var (customerId, platform, handle, raw) in wanted)
        {
            var contact = byCustomerId[customerId];
            // A contact merged into another one lends its identities to the one that was kept.
            var owner = contact.MergedIntoContactId ?? contact.Id;
            if (!byKey.TryGetValue((platform, handle), out var identity))
            {
                identity = new Identity
                {
                    WorkspaceId = workspaceId, Platform = platform, Handle = raw, HandleNormalized = handle,
                    ContactId = owner, LinkedBy = ContactLinker.ByCrm, LinkedAt = now, FirstSeenAt = now, LastSeenAt = now,
                };
                db.Identities.Add(identity);
                byKey[(platform, handle)] = identity;
            }
            else if (identity.ContactId is null)
            {
                ContactLinker.Link(db, identity, owner, ContactLinker.ByCrm, "import", now);
            }
            else if (identity.ContactId != owner)
            {
                warnings[customerId].Add($"{platform}:{raw} already belongs to contact {identity.ContactId}; left there (link it by hand to move it)");
            }
        }
        await db.SaveChangesAsync(ct);
        return [.. unique.Select(r => new Outcome(byCustomerId[r.CustomerId].Id, created.Contains(r.CustomerId), warnings[r.CustomerId]))];
    }

    static IEnumerable<(string Platform, string Handle)> HandlesOf(ContactRecord record) =>
        record.Email is { Length: > 0 } email ? record.Handles.Append(("email", email.Trim())) : record.Handles;
}
