using System.ComponentModel.DataAnnotations;
using Earshot.Core.Data;
using Earshot.Core.Replies;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Ui.Admin;

/// <summary>A canned response as the admin form creates or edits it.</summary>
public sealed class CannedResponseForm
{
    public const int MaxKeywordLength = 40;

    [Required(ErrorMessage = "Give the response a title agents will recognise.")]
    [StringLength(200, ErrorMessage = "At most 200 characters.")]
    public string? Title { get; set; }

    [Required(ErrorMessage = "Write the text agents insert.")]
    [StringLength(ReplyService.MaxTextLength, ErrorMessage = "At most 10,000 characters.")]
    public string? Text { get; set; }

    /// <summary>Words agents search by, separated by spaces or commas.</summary>
    [StringLength(500, ErrorMessage = "At most 500 characters.")]
    [KeywordList]
    public string? Keywords { get; set; }

    /// <summary>The form filled from a saved response, for editing it.</summary>
    public static CannedResponseForm From(CannedResponse response) =>
        new() { Title = response.Title, Text = response.Text, Keywords = response.Keywords };

    /// <summary>Keywords as stored: lower case, one space between, each once, in the order typed.</summary>
    public static string NormalizeKeywords(string? keywords) =>
        string.Join(' ', (keywords ?? "").Split([' ', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(k => k.ToLowerInvariant()).Distinct(StringComparer.Ordinal));

    /// <summary>
    /// Adds the response (<paramref name="id"/> null) or changes response <paramref name="id"/> (the form has passed
    /// its validation); errors name the field they belong to.
    /// </summary>
    public async Task<(CannedResponse? Response, FormErrors Errors)> SaveAsync(
        EarshotDbContext db, long workspaceId, long? id, DateTime now, CancellationToken ct)
    {
        var errors = new FormErrors();
        var title = Title!.Trim();
        if (await db.CannedResponses.AnyAsync(c => c.WorkspaceId == workspaceId && c.Title == title && c.Id != id, ct))
        {
            errors.Add(nameof(Title), $"A canned response titled '{title}' already exists.");
        }
        var response = id is { } existing
            ? await db.CannedResponses.SingleOrDefaultAsync(c => c.WorkspaceId == workspaceId && c.Id == existing, ct)
            : null;
        if (id is not null && response is null)
        {
            errors.Add(nameof(Title), "This canned response was deleted meanwhile.");
        }
        if (!errors.IsEmpty)
        {
            return (null, errors);
        }
        if (response is null)
        {
            response = new CannedResponse { WorkspaceId = workspaceId, Title = title, Text = "", CreatedAt = now };
            db.CannedResponses.Add(response);
        }
        response.Title = title;
        response.Text = Text!.Trim();
        response.Keywords = NormalizeKeywords(Keywords);
        await db.SaveChangesAsync(ct);
        return (response, errors);
    }

    /// <summary>Deletes response <paramref name="id"/>; false when it was already gone.</summary>
    public static async Task<bool> DeleteAsync(EarshotDbContext db, long workspaceId, long id, CancellationToken ct) =>
        await db.CannedResponses.Where(c => c.WorkspaceId == workspaceId && c.Id == id).ExecuteDeleteAsync(ct) > 0;
}

/// <summary>Keywords separated by spaces or commas, each a word of letters, digits, '-' or '_' of at most 40 characters.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class KeywordListAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext context)
    {
        foreach (var keyword in CannedResponseForm.NormalizeKeywords(value as string).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (keyword.Length > CannedResponseForm.MaxKeywordLength)
            {
                return new ValidationResult($"Keyword '{keyword[..20]}…' is longer than {CannedResponseForm.MaxKeywordLength} characters.", SkillListAttribute.Member(context));
            }
            if (!keyword.All(c => char.IsLetterOrDigit(c) || c is '-' or '_'))
            {
                return new ValidationResult($"Keyword '{keyword}' may hold only letters, digits, '-' and '_'; separate keywords with spaces or commas.", SkillListAttribute.Member(context));
            }
        }
        return ValidationResult.Success;
    }
}
