using System.ComponentModel.DataAnnotations;
using Earshot.Api;
using Earshot.Core.Data;
using Earshot.Core.Sla;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Ui.Admin;

/// <summary>
/// An SLA policy as the admin form adds or edits it: targets in minutes of business time and optional priority
/// bands. Checked by the same validator as <c>/api/v1/sla-policies</c> (the form's own annotations give friendlier
/// messages first); each error is shown next to the field it is about, band fields included.
/// </summary>
public sealed class SlaPolicyForm : IValidatableObject
{
    const int MaxMinutes = 90 * 24 * 60;

    /// <summary>One priority band as the form edits it.</summary>
    public sealed class BandRow
    {
        public string? Name { get; set; }
        public int MinPriority { get; set; } = 80;
        public int FirstResponseMinutes { get; set; } = 15;
        public int NextResponseMinutes { get; set; } = 60;
        public int ResolutionMinutes { get; set; } = 480;
    }

    [Required(ErrorMessage = "Give the policy a name.")]
    [StringLength(200, ErrorMessage = "At most 200 characters.")]
    public string? Name { get; set; }

    [Range(1, MaxMinutes, ErrorMessage = "Between 1 minute and 90 days (129600 minutes).")]
    public int FirstResponseMinutes { get; set; } = 60;

    [Range(1, MaxMinutes, ErrorMessage = "Between 1 minute and 90 days (129600 minutes).")]
    public int NextResponseMinutes { get; set; } = 240;

    [Range(1, MaxMinutes, ErrorMessage = "Between 1 minute and 90 days (129600 minutes).")]
    public int ResolutionMinutes { get; set; } = 1440;

    public List<BandRow> Bands { get; set; } = [];

    /// <summary>The form field of a band's property, for messages next to that input.</summary>
    public static string BandField(int index, string property) => $"{nameof(Bands)}[{index}].{property}";

    public static SlaPolicyForm From(SlaPolicy policy) => new()
    {
        Name = policy.Name,
        FirstResponseMinutes = policy.FirstResponseSeconds / 60,
        NextResponseMinutes = policy.NextResponseSeconds / 60,
        ResolutionMinutes = policy.ResolutionSeconds / 60,
        Bands = [.. policy.Bands.Select(b => new BandRow
        {
            Name = b.Name, MinPriority = b.MinPriority, FirstResponseMinutes = b.FirstResponseSeconds / 60,
            NextResponseMinutes = b.NextResponseSeconds / 60, ResolutionMinutes = b.ResolutionSeconds / 60,
        })],
    };

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (ResolutionMinutes < FirstResponseMinutes)
        {
            yield return new ValidationResult("Resolution cannot be due before the first response.", [nameof(ResolutionMinutes)]);
        }
    }

    /// <summary>The form as the API's request (targets in seconds).</summary>
    public SlaPolicyRequest ToRequest() => new(
        Name?.Trim(), FirstResponseMinutes * 60, NextResponseMinutes * 60, ResolutionMinutes * 60,
        [.. Bands.Select(b => new SlaBand
        {
            Name = b.Name?.Trim() ?? "", MinPriority = b.MinPriority, FirstResponseSeconds = b.FirstResponseMinutes * 60,
            NextResponseSeconds = b.NextResponseMinutes * 60, ResolutionSeconds = b.ResolutionMinutes * 60,
        })]);

    /// <summary>
    /// Adds (<paramref name="id"/> null) or changes policy <paramref name="id"/>; errors name the form field. Due times
    /// already set on conversations stay; the new targets apply to due times computed from now on.
    /// </summary>
    public async Task<(SlaPolicy? Policy, FormErrors Errors)> SaveAsync(EarshotDbContext db, long workspaceId, long? id, DateTime now, CancellationToken ct)
    {
        var request = ToRequest();
        if (QueuesApi.ValidateSla(request) is { } problem)
        {
            return (null, ApiProblem.ToFormErrors(problem, FieldOf, nameof(Name)));
        }
        var name = request.Name!;
        if (await db.SlaPolicies.AnyAsync(s => s.WorkspaceId == workspaceId && s.Name == name && s.Id != id, ct))
        {
            return (null, new FormErrors().Add(nameof(Name), $"A policy named '{name}' already exists."));
        }
        var policy = id is { } existing ? await db.SlaPolicies.SingleOrDefaultAsync(s => s.Id == existing, ct) : null;
        if (id is not null && policy is null)
        {
            return (null, new FormErrors().Add(nameof(Name), "This policy was deleted meanwhile."));
        }
        if (policy is null)
        {
            policy = new SlaPolicy { WorkspaceId = workspaceId, Name = name, CreatedAt = now };
            db.SlaPolicies.Add(policy);
        }
        policy.Name = name;
        QueuesApi.ApplySla(request, policy);
        await db.SaveChangesAsync(ct);
        return (policy, FormErrors.None);
    }

    /// <summary>Deletes policy <paramref name="id"/>; the reason it was refused (a queue uses it), or null.</summary>
    public static async Task<string?> DeleteAsync(EarshotDbContext db, long id, CancellationToken ct) =>
        (await QueuesApi.DeleteSlaPolicyAsync(db, id, ct)).Refusal;

    /// <summary>The form property holding an API field.</summary>
    internal static string? FieldOf(string field)
    {
        if (field.StartsWith("bands[", StringComparison.Ordinal) && field.IndexOf("].", StringComparison.Ordinal) is > 6 and var close
            && int.TryParse(field[6..close], out var index))
        {
            return Property(field[(close + 2)..]) is { } property ? BandField(index, property) : null;
        }
        return Property(field);
    }

    static string? Property(string field) => field switch
    {
        "name" => nameof(Name),
        "min_priority" => nameof(BandRow.MinPriority),
        "first_response_seconds" => nameof(FirstResponseMinutes),
        "next_response_seconds" => nameof(NextResponseMinutes),
        "resolution_seconds" => nameof(ResolutionMinutes),
        _ => null,
    };
}
