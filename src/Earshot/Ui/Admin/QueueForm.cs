using System.ComponentModel.DataAnnotations;
using Earshot.Core.Data;
using Earshot.Core.Routing;
using Earshot.Triage;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Ui.Admin;

/// <summary>A new queue, as the admin form edits it.</summary>
public sealed class QueueForm : IValidatableObject
{
    [Required(ErrorMessage = "Give the queue a name.")]
    [StringLength(200, ErrorMessage = "At most 200 characters.")]
    public string? Name { get; set; }

    /// <summary>care or marketing.</summary>
    public Bucket Bucket { get; set; } = Bucket.Care;

    public long? SlaPolicyId { get; set; }

    [Range(5, 3600, ErrorMessage = "Between 5 and 3600 seconds.")]
    public int OfferTimeoutSeconds { get; set; } = 30;

    [Range(0, 720, ErrorMessage = "Between 0 (off) and 720 hours.")]
    public int StickyWindowHours { get; set; } = 24;

    [StringLength(500, ErrorMessage = "At most 500 characters.")]
    [SkillList]
    public string? RequiredSkills { get; set; }

    public bool AutoAccept { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (Bucket == Bucket.Analytics)
        {
            yield return new ValidationResult("A queue takes care or marketing work.", [nameof(Bucket)]);
        }
    }

    /// <summary>Saves the queue (the form has passed its validation); errors name the field they belong to.</summary>
    public async Task<(Queue? Queue, FormErrors Errors)> SaveAsync(EarshotDbContext db, long workspaceId, DateTime now, CancellationToken ct)
    {
        var errors = new FormErrors();
        var name = Name!.Trim();
        if (await db.Queues.AnyAsync(q => q.WorkspaceId == workspaceId && q.Name == name, ct))
        {
            errors.Add(nameof(Name), $"A queue named '{name}' already exists.");
        }
        if (SlaPolicyId is { } sla && !await db.SlaPolicies.AnyAsync(s => s.WorkspaceId == workspaceId && s.Id == sla, ct))
        {
            errors.Add(nameof(SlaPolicyId), "Choose an SLA policy of this workspace.");
        }
        SkillText.TryParse(RequiredSkills, out var skills, out _);
        if (!errors.IsEmpty)
        {
            return (null, errors);
        }
        var queue = new Queue
        {
            WorkspaceId = workspaceId,
            Name = name,
            Bucket = Bucket,
            SlaPolicyId = SlaPolicyId,
            OfferTimeoutSeconds = OfferTimeoutSeconds,
            StickyWindowSeconds = StickyWindowHours * 3600,
            RequiredSkills = skills,
            AutoAccept = AutoAccept,
            CreatedAt = now,
        };
        db.Queues.Add(queue);
        await db.SaveChangesAsync(ct);
        return (queue, errors);
    }
}
