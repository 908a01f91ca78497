using System.ComponentModel.DataAnnotations;
using Earshot.Api;
using Earshot.Core.Data;
using Earshot.Core.Pipeline;
using Earshot.Core.Routing;
using Earshot.Triage;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Ui.Admin;

/// <summary>
/// A queue as the admin form adds or edits it, with its timed escalation steps. Checked by the same validator as
/// <c>/api/v1/queues</c> (the form's own annotations give friendlier messages first).
/// </summary>
public sealed class QueueForm : IValidatableObject
{
    /// <summary>One escalation step as the form edits it.</summary>
    public sealed class StepRow
    {
        public int AfterMinutes { get; set; } = 15;
        public int RaisePriorityBy { get; set; }
        public bool WidenSkills { get; set; }
        public long? OverflowQueueId { get; set; }
        public bool AlertSupervisor { get; set; }
    }

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

    [Range(0, 3600, ErrorMessage = "Between 0 (off) and 3600 seconds.")]
    public int WrapUpSeconds { get; set; }

    [StringLength(500, ErrorMessage = "At most 500 characters.")]
    [SkillList]
    public string? RequiredSkills { get; set; }

    public bool AutoAccept { get; set; }

    public List<StepRow> EscalationSteps { get; set; } = [];

    public static string StepField(int index) => $"{nameof(EscalationSteps)}[{index}]";

    public static QueueForm From(Queue queue) => new()
    {
        Name = queue.Name,
        Bucket = queue.Bucket,
        SlaPolicyId = queue.SlaPolicyId,
        OfferTimeoutSeconds = queue.OfferTimeoutSeconds,
        StickyWindowHours = queue.StickyWindowSeconds / 3600,
        WrapUpSeconds = queue.WrapUpSeconds,
        RequiredSkills = SkillText.Format(queue.RequiredSkills),
        AutoAccept = queue.AutoAccept,
        EscalationSteps = [.. queue.EscalationSteps.Select(s => new StepRow
        {
            AfterMinutes = s.AfterMinutes, RaisePriorityBy = s.RaisePriorityBy, WidenSkills = s.WidenSkills,
            OverflowQueueId = s.OverflowQueueId, AlertSupervisor = s.AlertSupervisor,
        })],
    };

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (Bucket == Bucket.Analytics)
        {
            yield return new ValidationResult("A queue takes care or marketing work.", [nameof(Bucket)]);
        }
    }

    /// <summary>The form as the API's request.</summary>
    public QueueRequest ToRequest()
    {
        SkillText.TryParse(RequiredSkills, out var skills, out _);
        return new QueueRequest(Name?.Trim(), Bucket.ToString().ToLowerInvariant(), skills, SlaPolicyId, OfferTimeoutSeconds, AutoAccept,
            StickyWindowHours * 3600,
            [.. EscalationSteps.Select(s => new EscalationStep
            {
                AfterMinutes = s.AfterMinutes, RaisePriorityBy = s.RaisePriorityBy, WidenSkills = s.WidenSkills,
                OverflowQueueId = s.OverflowQueueId, AlertSupervisor = s.AlertSupervisor,
            })],
            WrapUpSeconds);
    }

    /// <summary>Adds (<paramref name="id"/> null) or changes queue <paramref name="id"/>; errors name the form field.</summary>
    public async Task<(Queue? Queue, FormErrors Errors)> SaveAsync(
        EarshotDbContext db, long workspaceId, long? id, DateTime now, CancellationToken ct, WorkSignals? signals = null)
    {
        var request = ToRequest();
        if (await QueuesApi.ValidateAsync(request, id, db, ct) is { } problem)
        {
            return (null, ApiProblem.ToFormErrors(problem, FieldOf, nameof(Name)));
        }
        var name = request.Name!;
        var errors = new FormErrors();
        if (await db.Queues.AnyAsync(q => q.WorkspaceId == workspaceId && q.Name == name && q.Id != id, ct))
        {
            errors.Add(nameof(Name), $"A queue named '{name}' already exists.");
        }
        var queue = id is { } existing ? await db.Queues.SingleOrDefaultAsync(q => q.Id == existing, ct) : null;
        if (id is not null && queue is null)
        {
            errors.Add(nameof(Name), "This queue was deleted meanwhile.");
        }
        if (queue is { IsDefault: true } && queue.Bucket != Bucket)
        {
            errors.Add(nameof(Bucket), $"This is the default {queue.Bucket.ToString().ToLowerInvariant()} queue; its bucket cannot change.");
        }
        if (!errors.IsEmpty)
        {
            return (null, errors);
        }
        if (queue is null)
        {
            queue = new Queue { WorkspaceId = workspaceId, Name = name, CreatedAt = now };
            db.Queues.Add(queue);
        }
        queue.Name = name;
        queue.Bucket = Bucket;
        queue.SlaPolicyId = SlaPolicyId;
        queue.OfferTimeoutSeconds = OfferTimeoutSeconds;
        queue.StickyWindowSeconds = request.StickyWindowSeconds!.Value;
        queue.WrapUpSeconds = WrapUpSeconds;
        queue.RequiredSkills = request.RequiredSkills!;
        queue.AutoAccept = AutoAccept;
        queue.EscalationSteps = request.EscalationSteps!;
        await db.SaveChangesAsync(ct);
        signals?.Routing.Notify(); // new skills, offer rules or escalation steps apply from the next round
        return (queue, errors);
    }

    /// <summary>
    /// Deletes queue <paramref name="id"/> and its memberships; refuses (with the reason) while conversations, workflow
    /// rules or other queues' overflow steps still point at it, and for a bucket's default queue.
    /// </summary>
    public static async Task<string?> DeleteAsync(EarshotDbContext db, long id, CancellationToken ct)
    {
        var queue = await db.Queues.SingleOrDefaultAsync(q => q.Id == id, ct);
        if (queue is null)
        {
            return null;
        }
        if (queue.IsDefault)
        {
            return $"'{queue.Name}' is the default {queue.Bucket.ToString().ToLowerInvariant()} queue and cannot be deleted.";
        }
        if (await db.Conversations.CountAsync(c => c.QueueId == id, ct) is > 0 and var conversations)
        {
            return $"'{queue.Name}' still holds {conversations} conversation(s), open or past; transfer them or keep the queue.";
        }
        if (await db.WorkflowRules.Where(r => r.QueueId == id).Select(r => r.Name).FirstOrDefaultAsync(ct) is { } rule)
        {
            return $"Workflow rule '{rule}' sends work to '{queue.Name}'; change or delete the rule first.";
        }
        var others = await db.Queues.Where(q => q.Id != id).ToListAsync(ct);
        if (others.FirstOrDefault(q => q.EscalationSteps.Any(s => s.OverflowQueueId == id)) is { } overflowing)
        {
            return $"Queue '{overflowing.Name}' overflows to '{queue.Name}'; change its escalation steps first.";
        }
        db.QueueMembers.RemoveRange(await db.QueueMembers.Where(m => m.QueueId == id).ToListAsync(ct));
        db.Queues.Remove(queue);
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>The form property holding an API field.</summary>
    internal static string? FieldOf(string field) => field switch
    {
        "name" => nameof(Name),
        "bucket" => nameof(Bucket),
        "offer_timeout_seconds" => nameof(OfferTimeoutSeconds),
        "sla_policy_id" => nameof(SlaPolicyId),
        "sticky_window_seconds" => nameof(StickyWindowHours),
        "wrap_up_seconds" => nameof(WrapUpSeconds),
        _ when field.StartsWith("required_skills", StringComparison.Ordinal) => nameof(RequiredSkills),
        _ when field.StartsWith("escalation_steps[", StringComparison.Ordinal) && field.IndexOf(']') is > 17 and var close
                                                                                 && int.TryParse(field[17..close], out var i) => StepField(i),
        _ => null,
    };
}
