using System.ComponentModel.DataAnnotations;
using Earshot.Api;
using Earshot.Core.Data;
using Earshot.Core.Workflows;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Ui.Admin;

/// <summary>
/// A workflow rule as the admin form edits it: conditions (lists typed as comma-separated values) → target queue,
/// priority boost and extra skills. Saved through the same validation and mapping as <c>/api/v1/workflows</c>.
/// </summary>
public sealed class WorkflowForm
{
    [Required(ErrorMessage = "Give the rule a name.")]
    [StringLength(200, ErrorMessage = "At most 200 characters.")]
    public string? Name { get; set; }

    /// <summary>Lower is tried first; blank puts the rule last.</summary>
    [Range(0, 1_000_000, ErrorMessage = "Between 0 and 1000000 (lower is tried first).")]
    public int? Position { get; set; }

    public bool Enabled { get; set; } = true;

    [Required(ErrorMessage = "Choose the queue matching conversations go to.")]
    public long? QueueId { get; set; }

    public bool Care { get; set; }

    public bool Marketing { get; set; }

    [StringLength(1000, ErrorMessage = "At most 1000 characters.")]
    public string? Tags { get; set; }

    [StringLength(200, ErrorMessage = "At most 200 characters.")]
    public string? Languages { get; set; }

    [StringLength(200, ErrorMessage = "At most 200 characters.")]
    public string? Risks { get; set; }

    [StringLength(200, ErrorMessage = "At most 200 characters.")]
    public string? Platforms { get; set; }

    [StringLength(200, ErrorMessage = "At most 200 characters.")]
    public string? ContactTiers { get; set; }

    [Range(-100, 100, ErrorMessage = "Between -100 and 100.")]
    public int PriorityBoost { get; set; }

    [StringLength(500, ErrorMessage = "At most 500 characters.")]
    [SkillList]
    public string? RequiredSkills { get; set; }

    public static WorkflowForm From(WorkflowRule rule) => new()
    {
        Name = rule.Name,
        Position = rule.Position,
        Enabled = rule.Enabled,
        QueueId = rule.QueueId,
        Care = rule.Conditions.Buckets.Contains("care", StringComparer.OrdinalIgnoreCase),
        Marketing = rule.Conditions.Buckets.Contains("marketing", StringComparer.OrdinalIgnoreCase),
        Tags = Join(rule.Conditions.Tags),
        Languages = Join(rule.Conditions.Languages),
        Risks = Join(rule.Conditions.Risks),
        Platforms = Join(rule.Conditions.Platforms),
        ContactTiers = Join(rule.Conditions.ContactTiers),
        PriorityBoost = rule.PriorityBoost,
        RequiredSkills = SkillText.Format(rule.RequiredSkills),
    };

    /// <summary>The form as the API's request, so one validator and one mapping serve both.</summary>
    public WorkflowRuleRequest ToRequest()
    {
        SkillText.TryParse(RequiredSkills, out var skills, out _);
        List<string> buckets = [.. (Care ? new[] { "care" } : []), .. (Marketing ? new[] { "marketing" } : [])];
        return new WorkflowRuleRequest(Name, Position, Enabled,
            new WorkflowConditionsJson(buckets, Split(Tags), Split(Languages), Split(Risks), Split(Platforms), Split(ContactTiers)),
            QueueId, PriorityBoost, skills);
    }

    /// <summary>Adds (<paramref name="id"/> null) or replaces rule <paramref name="id"/>; errors name the form field.</summary>
    public async Task<(WorkflowRule? Rule, FormErrors Errors)> SaveAsync(EarshotDbContext db, long workspaceId, long? id, DateTime now, CancellationToken ct)
    {
        var request = ToRequest();
        if (await WorkflowsApi.ValidateAsync(request, db, ct) is { } problem)
        {
            return (null, ApiProblem.ToFormErrors(problem, FieldOf, nameof(Name)));
        }
        WorkflowRule? rule;
        if (id is { } existing)
        {
            rule = await db.WorkflowRules.SingleOrDefaultAsync(r => r.Id == existing, ct);
            if (rule is null)
            {
                return (null, new FormErrors().Add(nameof(Name), "This rule was deleted meanwhile."));
            }
        }
        else
        {
            rule = new WorkflowRule { WorkspaceId = workspaceId, Name = "", CreatedAt = now };
            db.WorkflowRules.Add(rule);
        }
        var last = await db.WorkflowRules.MaxAsync(r => (int?)r.Position, ct);
        WorkflowsApi.Apply(request, rule, Position ?? (id is null ? (last ?? 0) + 10 : rule.Position), now);
        await db.SaveChangesAsync(ct);
        return (rule, FormErrors.None);
    }

    /// <summary>Deletes rule <paramref name="id"/>; false when it was already gone.</summary>
    public static async Task<bool> DeleteAsync(EarshotDbContext db, long id, CancellationToken ct) =>
        await db.WorkflowRules.Where(r => r.Id == id).ExecuteDeleteAsync(ct) > 0;

    /// <summary>The form property holding an API field (<c>conditions.risks[1]</c> → Risks).</summary>
    internal static string? FieldOf(string field) => field switch
    {
        "name" => nameof(Name),
        "queue_id" => nameof(QueueId),
        "position" => nameof(Position),
        "priority_boost" => nameof(PriorityBoost),
        _ when field.StartsWith("required_skills", StringComparison.Ordinal) => nameof(RequiredSkills),
        _ when field.StartsWith("conditions.buckets", StringComparison.Ordinal) => nameof(Care),
        _ when field.StartsWith("conditions.tags", StringComparison.Ordinal) => nameof(Tags),
        _ when field.StartsWith("conditions.languages", StringComparison.Ordinal) => nameof(Languages),
        _ when field.StartsWith("conditions.risks", StringComparison.Ordinal) => nameof(Risks),
        _ when field.StartsWith("conditions.platforms", StringComparison.Ordinal) => nameof(Platforms),
        _ when field.StartsWith("conditions.contact_tiers", StringComparison.Ordinal) => nameof(ContactTiers),
        _ => null,
    };

    static List<string> Split(string? text) =>
        [.. (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    static string Join(IEnumerable<string> values) => string.Join(", ", values);
}
