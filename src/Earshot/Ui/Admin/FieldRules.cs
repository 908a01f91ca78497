using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Earshot.Triage.Listening;

namespace Earshot.Ui.Admin;

/// <summary>A field of skills typed as <c>name:level, ...</c> (see <see cref="SkillText"/>).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SkillListAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext context) =>
        SkillText.TryParse(value as string, out _, out var error) ? ValidationResult.Success : new ValidationResult(error, Member(context));

    internal static string[] Member(ValidationContext context) => context.MemberName is { } name ? [name] : [];
}

/// <summary>A listening-rule query that compiles; the message names the problem and where it is.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class RuleQuerySyntaxAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext context) =>
        value is not string query || string.IsNullOrWhiteSpace(query) || RuleQuery.TryParse(query, out _, out var error)
            ? ValidationResult.Success
            : new ValidationResult(error.Message, SkillListAttribute.Member(context));
}

/// <summary>A JSON object as text (blank is an empty object).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class JsonObjectTextAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext context)
    {
        if (value is not string text || string.IsNullOrWhiteSpace(text))
        {
            return ValidationResult.Success;
        }
        try
        {
            using var doc = JsonDocument.Parse(text);
            return doc.RootElement.ValueKind == JsonValueKind.Object
                ? ValidationResult.Success
                : new ValidationResult("Settings must be a JSON object, e.g. {\"url\": \"https://...\"}.", SkillListAttribute.Member(context));
        }
        catch (JsonException ex)
        {
            return new ValidationResult($"Settings are not valid JSON: {ex.Message}", SkillListAttribute.Member(context));
        }
    }
}
