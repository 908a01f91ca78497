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

    public static RuleForm From(ListeningRule rule) => new() { Name = rule.Name, Query = rule.Query, Tag = rule.Tag, Enabled = rule.Enabled };

    /// <summary>Adds a rule.</summary>
    public Task<(ListeningRule? Rule, FormErrors Errors)> SaveAsync(EarshotDbContext db, long workspaceId, ListeningRuleCache cache, DateTime now, CancellationToken ct) =>
        SaveAsync(db, workspaceId, null, cache, now, ct);

    /// <summary>Adds (<paramref name="id"/> null) or changes rule <paramref name="id"/>; posts stored from now on are tagged by it.</summary>
    public async Task<(ListeningRule? Rule, FormErrors Errors)> SaveAsync(
        EarshotDbContext db, long workspaceId, long? id, ListeningRuleCache cache, DateTime now, CancellationToken ct)
    {
        var tag = EffectiveTag;
        if (tag.Length is 0 or > 64)
        {
            return (null, new FormErrors().Add(nameof(Tag), "The tag must be 1–64 characters."));
        }
        var rule = id is { } existing ? await db.ListeningRules.SingleOrDefaultAsync(r => r.WorkspaceId == workspaceId && r.Id == existing, ct) : null;
        if (id is not null && rule is null)
        {
            return (null, new FormErrors().Add(nameof(Name), "This rule was deleted meanwhile."));
        }
        if (rule is null)
        {
            rule = new ListeningRule { WorkspaceId = workspaceId, Name = "", Query = "", Tag = tag, CreatedAt = now };
            db.ListeningRules.Add(rule);
        }
        rule.Name = Name!.Trim();
        rule.Query = Query!.Trim();
        rule.Tag = tag;
        rule.Enabled = Enabled;
        await db.SaveChangesAsync(ct);
        cache.Invalidate(workspaceId);
        return (rule, FormErrors.None);
    }

    /// <summary>Deletes rule <paramref name="id"/>; posts keep the tags it gave them. False when it was already gone.</summary>
    public static async Task<bool> DeleteAsync(EarshotDbContext db, long workspaceId, long id, ListeningRuleCache cache, CancellationToken ct)
    {
        var deleted = await db.ListeningRules.Where(r => r.WorkspaceId == workspaceId && r.Id == id).ExecuteDeleteAsync(ct) > 0;
        cache.Invalidate(workspaceId);
        return deleted;
    }
}
