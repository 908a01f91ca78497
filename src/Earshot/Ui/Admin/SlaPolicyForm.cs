using System.ComponentModel.DataAnnotations;
using Earshot.Core.Data;
using Earshot.Core.Sla;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Ui.Admin;

/// <summary>A new SLA policy: targets in business time.</summary>
public sealed class SlaPolicyForm : IValidatableObject
{
    [Required(ErrorMessage = "Give the policy a name.")]
    [StringLength(200, ErrorMessage = "At most 200 characters.")]
    public string? Name { get; set; }

    [Range(1, 10080, ErrorMessage = "Between 1 minute and 7 days (10080 minutes).")]
    public int FirstResponseMinutes { get; set; } = 60;

    [Range(1, 10080, ErrorMessage = "Between 1 minute and 7 days (10080 minutes).")]
    public int NextResponseMinutes { get; set; } = 240;

    [Range(1, 720, ErrorMessage = "Between 1 and 720 hours.")]
    public int ResolutionHours { get; set; } = 24;

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (ResolutionHours * 60 < FirstResponseMinutes)
        {
            yield return new ValidationResult("Resolution cannot be due before the first response.", [nameof(ResolutionHours)]);
        }
    }

    public async Task<(SlaPolicy? Policy, FormErrors Errors)> SaveAsync(EarshotDbContext db, long workspaceId, DateTime now, CancellationToken ct)
    {
        var name = Name!.Trim();
        if (await db.SlaPolicies.AnyAsync(s => s.WorkspaceId == workspaceId && s.Name == name, ct))
        {
            return (null, new FormErrors().Add(nameof(Name), $"A policy named '{name}' already exists."));
        }
        var policy = new SlaPolicy
        {
            WorkspaceId = workspaceId,
            Name = name,
            FirstResponseSeconds = FirstResponseMinutes * 60,
            NextResponseSeconds = NextResponseMinutes * 60,
            ResolutionSeconds = ResolutionHours * 3600,
            CreatedAt = now,
        };
        db.SlaPolicies.Add(policy);
        await db.SaveChangesAsync(ct);
        return (policy, FormErrors.None);
    }
}
