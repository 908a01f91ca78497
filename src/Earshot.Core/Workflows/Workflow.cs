using Earshot.Triage;

namespace Earshot.Core.Workflows;

/// <summary>
/// Picks the rule that routes a new conversation: enabled rules in position order, first match wins. Pure.
/// Also validates rules, naming the field that is wrong.
/// </summary>
public static class Workflow
{
    /// <summary>Risk names a condition may use.</summary>
    public static readonly IReadOnlyList<string> RiskNames =
        [.. Enum.GetValues<RiskFlags>().Where(r => r != RiskFlags.None).Select(r => r.ToString().ToLowerInvariant())];

    /// <summary>The first enabled rule (by position, then id) that matches, or null for the bucket's default queue.</summary>
    public static WorkflowRule? Choose(IEnumerable<WorkflowRule> rules, WorkflowSubject subject)
    {
        foreach (var rule in rules.Where(r => r.Enabled).OrderBy(r => r.Position).ThenBy(r => r.Id))
        {
            if (Matches(rule.Conditions, subject))
            {
                return rule;
            }
        }
        return null;
    }

    public static bool Matches(WorkflowConditions conditions, WorkflowSubject subject)
    {
        if (conditions.Buckets.Count > 0 && !conditions.Buckets.Contains(subject.Bucket.ToString(), StringComparer.OrdinalIgnoreCase))
        {
            return false;
        }
        if (conditions.Tags.Count > 0 && !conditions.Tags.Any(t => subject.Tags.Contains(t, StringComparer.OrdinalIgnoreCase)))
        {
            return false;
        }
        if (conditions.Languages.Count > 0
            && (subject.Language is null || !conditions.Languages.Contains(subject.Language, StringComparer.OrdinalIgnoreCase)))
        {
            return false;
        }
        if (conditions.Risks.Count > 0 && !conditions.Risks.Any(r => HasRisk(subject.Risks, r)))
        {
            return false;
        }
        if (conditions.Platforms.Count > 0 && !conditions.Platforms.Contains(subject.Platform, StringComparer.OrdinalIgnoreCase))
        {
            return false;
        }
        if (conditions.ContactTiers.Count > 0
            && (subject.ContactTier is null || !conditions.ContactTiers.Contains(subject.ContactTier, StringComparer.OrdinalIgnoreCase)))
        {
            return false;
        }
        return true;
    }

    /// <summary>What is wrong with the conditions, as (field, message), or null when they are valid.</summary>
    public static (string Field, string Message)? Problem(WorkflowConditions conditions)
    {
        foreach (var (field, values) in new[]
                 {
                     ("buckets", conditions.Buckets), ("tags", conditions.Tags), ("languages", conditions.Languages),
                     ("risks", conditions.Risks), ("platforms", conditions.Platforms), ("contact_tiers", conditions.ContactTiers),
                 })
        {
            for (var i = 0; i < values.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(values[i]) || values[i].Length > 100)
                {
                    return ($"conditions.{field}[{i}]", $"conditions.{field}[{i}] must be a non-empty value of at most 100 characters");
                }
            }
        }
        for (var i = 0; i < conditions.Buckets.Count; i++)
        {
            if (!conditions.Buckets[i].Equals("care", StringComparison.OrdinalIgnoreCase)
                && !conditions.Buckets[i].Equals("marketing", StringComparison.OrdinalIgnoreCase))
            {
                return ($"conditions.buckets[{i}]", $"conditions.buckets[{i}] must be care or marketing (analytics posts are not queued)");
            }
        }
        for (var i = 0; i < conditions.Risks.Count; i++)
        {
            if (!RiskNames.Contains(conditions.Risks[i], StringComparer.OrdinalIgnoreCase))
            {
                return ($"conditions.risks[{i}]", $"conditions.risks[{i}] must be one of {string.Join(", ", RiskNames)}");
            }
        }
        return null;
    }

    static bool HasRisk(RiskFlags risks, string name) =>
        Enum.TryParse<RiskFlags>(name, ignoreCase: true, out var flag) && flag != RiskFlags.None && risks.HasFlag(flag);
}
