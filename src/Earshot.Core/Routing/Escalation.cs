using Earshot.Core.Conversations;

namespace Earshot.Core.Routing;

/// <summary>Applies a queue's escalation steps to waiting work. Pure: a function of the conversation, the steps and the clock.</summary>
public static class Escalation
{
    public const string PriorityPart = "escalation";

    /// <summary>
    /// Applies every step of <paramref name="steps"/> that has come due and was not applied yet, in order, and
    /// returns one audit line per step. An overflow ends the round: the next queue's steps count from now.
    /// Steps that alert a supervisor add the alert's message to <paramref name="alerts"/>.
    /// </summary>
    public static IReadOnlyList<string> Apply(Conversation conversation, IReadOnlyList<EscalationStep> steps, DateTime now, ICollection<string>? alerts = null)
    {
        if (conversation.Status != ConversationStatus.Open)
        {
            return [];
        }
        var lines = new List<string>();
        var waited = now - (conversation.QueueEnteredAt ?? conversation.OpenedAt);
        var ordered = steps.OrderBy(s => s.AfterMinutes).ToList();
        while (conversation.EscalationStepsApplied < ordered.Count
               && waited >= TimeSpan.FromMinutes(ordered[conversation.EscalationStepsApplied].AfterMinutes))
        {
            var step = ordered[conversation.EscalationStepsApplied];
            conversation.EscalationStepsApplied++;
            var effects = new List<string>();
            if (step.RaisePriorityBy != 0)
            {
                var parts = new Dictionary<string, int>(conversation.PriorityParts);
                parts[PriorityPart] = parts.GetValueOrDefault(PriorityPart) + step.RaisePriorityBy;
                conversation.PriorityParts = parts;
                conversation.Priority = Math.Clamp(parts.Values.Sum(), 0, 100);
                effects.Add($"priority +{step.RaisePriorityBy} to {conversation.Priority}");
            }
            if (step.WidenSkills && !conversation.SkillsWidened)
            {
                conversation.SkillsWidened = true;
                effects.Add("skills widened to any proficiency");
            }
            if (step.AlertSupervisor)
            {
                effects.Add("supervisor alerted");
                alerts?.Add($"Conversation {conversation.Id} \"{conversation.Subject}\" has waited {(int)waited.TotalMinutes} min in queue {conversation.QueueId} (priority {conversation.Priority}).");
            }
            var overflowed = step.OverflowQueueId is { } next && next != conversation.QueueId;
            if (overflowed)
            {
                effects.Add($"overflow from queue {conversation.QueueId} to queue {step.OverflowQueueId}");
                conversation.QueueId = step.OverflowQueueId!.Value;
                conversation.QueueEnteredAt = now;
                conversation.EscalationStepsApplied = 0;
                conversation.SkillsWidened = false;
            }
            lines.Add($"escalation after {step.AfterMinutes} min waiting: {(effects.Count == 0 ? "no change" : string.Join(", ", effects))}");
            if (overflowed)
            {
                break;
            }
        }
        if (lines.Count > 0)
        {
            conversation.Version++;
        }
        return lines;
    }

    /// <summary>The skills the router asks for: the queue's, or with every minimum at 1 once widened.</summary>
    public static IReadOnlyDictionary<string, int> RequiredSkills(IReadOnlyDictionary<string, int> queueSkills, bool widened) =>
        widened ? queueSkills.ToDictionary(s => s.Key, _ => 1) : queueSkills;
}
