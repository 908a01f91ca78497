using System.ComponentModel.DataAnnotations;
using Earshot.Core.Data;
using Earshot.Core.Listening;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Ui.Admin;

/// <summary>A new listening rule: a name, the boolean query, and the tag it gives matching posts.</summary>
public sealed class RuleForm
{
    [Required(ErrorMessage = "Give the rule a name.")]
    [StringLength(200, ErrorMessage = "At most 200 characters.")]
    public string? Name { get; set; }

    [Required(ErrorMessage = "Write the query, e.g. \"acme air\" OR @acmeair.")]
    [StringLength(4000, ErrorMessage = "At most 4000 characters.")]
    [RuleQuerySyntax]
    public string? Query { get; set; }

    /// <summary>Defaults to the name in lower case with dashes.</summary>
    [StringLength(64, ErrorMessage = "At most 64 characters.")]
    [RegularExpression("^[^,]*$", ErrorMessage = "A tag cannot contain commas.")]
    public string? Tag { get; set; }

    public bool Enabled { get; set; } = true;

    public string EffectiveTag => (string.IsNullOrWhiteSpace(Tag) ? Name ?? "" : Tag).Trim().ToLowerInvariant().Replace(' ', '-');

    public async Task<(ListeningRule? Rule, FormErrors Errors)> SaveAsync(EarshotDbContext db, long workspaceId, ListeningRuleCache cache, DateTime now, CancellationToken ct)
    {
        var tag = EffectiveTag;
        if (tag.Length is 0 or > 64)
        {
            return (null, new FormErrors().Add(nameof(Tag), "The tag must be 1–64 characters."));
        }
        var rule = new ListeningRule { WorkspaceId = workspaceId, Name = Name!.Trim(), Query = Query!.Trim(), Tag = tag, Enabled = Enabled, CreatedAt = now };
        db.ListeningRules.Add(rule);
        await db.SaveChangesAsync(ct);
        cache.Invalidate(workspaceId);
        return (rule, FormErrors.None);
    }
}
