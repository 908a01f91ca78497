using Microsoft.AspNetCore.Http.HttpResults;

namespace Earshot.Ui.Admin;

/// <summary>
/// Turns the 400 problem an API validator gives back (its detail, and the JSON field it names) into a message next to
/// the form field that holds that value, so a form and the API apply one set of rules.
/// </summary>
public static class ApiProblem
{
    /// <summary>
    /// The problem as form errors. <paramref name="fieldOf"/> maps the API's field (<c>name</c>, <c>conditions.tags[0]</c>)
    /// to the form's property; fields it does not know go to <paramref name="fallback"/>.
    /// </summary>
    public static FormErrors ToFormErrors(IResult problem, Func<string, string?> fieldOf, string fallback)
    {
        var (field, detail) = Read(problem);
        return new FormErrors().Add(field is null ? fallback : fieldOf(field) ?? fallback, Sentence(field, detail));
    }

    /// <summary>
    /// The detail as a sentence for a person looking at the field: the API's JSON path at its start is replaced by
    /// "This" or, for an item of a list, "Value 2".
    /// </summary>
    public static string Sentence(string? field, string detail)
    {
        if (field is not null && detail.StartsWith(field, StringComparison.Ordinal))
        {
            var open = field.LastIndexOf('[');
            var subject = open >= 0 && int.TryParse(field[(open + 1)..^1], out var index) ? $"Value {index + 1}" : "This";
            var rest = detail[field.Length..];
            detail = rest.StartsWith(": ", StringComparison.Ordinal) ? rest[2..] : subject + rest;
        }
        detail = detail.Length > 0 ? char.ToUpperInvariant(detail[0]) + detail[1..] : "This is not valid";
        return detail.EndsWith('.') ? detail : detail + ".";
    }

    /// <summary>The field the problem names (null when none) and its detail.</summary>
    public static (string? Field, string Detail) Read(IResult problem)
    {
        if (problem is not ProblemHttpResult { ProblemDetails: var details })
        {
            return (null, "This is not valid.");
        }
        var field = details.Extensions.TryGetValue("field", out var value) ? value as string : null;
        return (field, details.Detail ?? details.Title ?? "This is not valid.");
    }
}
