using System.Text.RegularExpressions;
using Earshot.Core.Auditing;
using Earshot.Core.Data;
using Earshot.Core.Ingestion;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Core.Contacts;

/// <summary>
/// Ties identities to contacts on strong evidence only: mail from the address on file, or an e-mail address or
/// customer id the customer writes in a private message that names exactly one contact. An identity that is
/// already linked is never moved automatically; agents link the rest by hand.
/// </summary>
public static partial class ContactLinker
{
    public const string ByEmail = "email";
    public const string ByMessage = "message";
    public const string ByCrm = "crm";
    public const string ByAgent = "agent";

    /// <summary>Links the batch's unlinked authors it has evidence for; returns how many it linked.</summary>
    public static async Task<int> LinkAsync(
        EarshotDbContext db, long workspaceId, IReadOnlyList<Post> posts, IReadOnlyDictionary<(string, string), Identity> identities,
        DateTime now, CancellationToken ct)
    {
        var evidence = new List<(Identity Identity, string? Email, IReadOnlyList<string> CustomerIds)>();
        foreach (var post in posts)
        {
            if (post.AuthorHandle is null || !identities.TryGetValue((post.Platform, Identity.Normalize(post.AuthorHandle)), out var identity)
                || identity.ContactId is not null)
            {
                continue;
            }
            if (post.Platform == "email")
            {
                evidence.Add((identity, identity.HandleNormalized, []));
            }
            if (post.Private)
            {
                var emails = EmailAddress().Matches(post.Text).Select(m => m.Value.ToLowerInvariant()).Distinct().ToList();
                var ids = CustomerIdLike().Matches(post.Text).Select(m => m.Value.TrimStart('#')).Where(v => v.Any(char.IsAsciiDigit)).Distinct().ToList();
                if (emails.Count == 1 || ids.Count > 0)
                {
                    evidence.Add((identity, emails.Count == 1 ? emails[0] : null, ids));
                }
            }
        }
        if (evidence.Count == 0)
        {
            return 0;
        }
        var emailsWanted = evidence.Where(e => e.Email is not null).Select(e => e.Email!).Distinct().ToList();
        var idsWanted = evidence.SelectMany(e => e.CustomerIds).SelectMany(i => new[] { i, i.ToUpperInvariant() }).Distinct().ToList();
        var candidates = await db.Contacts.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.WorkspaceId == workspaceId && c.MergedIntoContactId == null
                        && ((c.EmailNormalized != null && emailsWanted.Contains(c.EmailNormalized)) || (c.CustomerId != null && idsWanted.Contains(c.CustomerId))))
            .Select(c => new { c.Id, c.EmailNormalized, c.CustomerId })
            .ToListAsync(ct);
        var linked = 0;
        foreach (var (identity, email, customerIds) in evidence)
        {
            if (identity.ContactId is not null)
            {
                continue;
            }
            var matches = candidates
                .Where(c => (email is not null && c.EmailNormalized == email)
                            || (c.CustomerId is not null && customerIds.Any(i => string.Equals(i, c.CustomerId, StringComparison.OrdinalIgnoreCase))))
                .Select(c => c.Id).Distinct().ToList();
            if (matches.Count != 1)
            {
                continue; // none, or ambiguous: an agent decides
            }
            var how = identity.Platform == "email" && email == identity.HandleNormalized ? ByEmail : ByMessage;
            Link(db, identity, matches[0], how, "system", now);
            linked++;
        }
        if (linked > 0)
        {
            await db.SaveChangesAsync(ct);
        }
        return linked;
    }

    /// <summary>Points <paramref name="identity"/> at a contact and records who did it and why.</summary>
    public static void Link(EarshotDbContext db, Identity identity, long contactId, string how, string actor, DateTime now)
    {
        var previous = identity.ContactId;
        identity.ContactId = contactId;
        identity.LinkedBy = how;
        identity.LinkedAt = now;
        db.AuditEntries.Add(new AuditEntry
        {
            WorkspaceId = identity.WorkspaceId,
            Actor = actor,
            Action = "contact.identity_linked",
            Subject = $"contact:{contactId}",
            Detail = $"{identity.Platform}:{identity.Handle} linked by {how}" + (previous is null ? "" : $" (was contact {previous})"),
            OccurredAt = now,
        });
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")]
    private static partial Regex EmailAddress();

    /// <summary>Account and customer numbers as people write them: "C-10023", "CUST1234", "#884213".</summary>
    [GeneratedRegex(@"(?<![\w@.-])#?([A-Za-z]{1,6}-?)?\d{4,}(?![\w@])")]
    private static partial Regex CustomerIdLike();
}
