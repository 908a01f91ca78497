using Earshot.Core.Reporting;
using Earshot.Triage;

namespace Earshot.Core.Conversations;

/// <summary>
/// A thread of posts and replies with one author on one channel: the unit that is queued, assigned, answered,
/// resolved and measured. Transitions check the state and return the reporting event they cause.
/// </summary>
public sealed class Conversation
{
    public long Id { get; set; }
    public long WorkspaceId { get; set; }
    public long SourceId { get; set; }
    /// <summary>The platform the conversation happens on (x, mastodon, email...).</summary>
    public required string Channel { get; set; }
    /// <summary>The capacity class it uses: social, email, or another open-media channel.</summary>
    public required string Medium { get; set; }
    public long? IdentityId { get; set; }
    public long? ContactId { get; set; }
    public long QueueId { get; set; }
    public ConversationStatus Status { get; set; } = ConversationStatus.Open;
    public Bucket Bucket { get; set; } = Bucket.Care;
    public int Priority { get; set; }
    public Dictionary<string, int> PriorityParts { get; set; } = [];
    public RiskFlags Risks { get; set; }
    public string? Language { get; set; }
    /// <summary>The first line of the first post, for lists.</summary>
    public string Subject { get; set; } = "";
    /// <summary>The platform id of the post that started it, for threading replies.</summary>
    public string? RootExternalId { get; set; }
    public long? AssigneeId { get; set; }
    public DateTime OpenedAt { get; set; }
    public DateTime LastActivityAt { get; set; }
    public DateTime? AssignedAt { get; set; }
    public DateTime? FirstResponseAt { get; set; }
    public DateTime? FirstResponseDueAt { get; set; }
    /// <summary>When the missed first-response target was recorded as a breach; set once, so it is counted once.</summary>
    public DateTime? FirstResponseBreachedAt { get; set; }
    public DateTime? ResolutionDueAt { get; set; }
    /// <summary>When the missed resolution target was recorded as a breach; set once.</summary>
    public DateTime? ResolutionBreachedAt { get; set; }
    /// <summary>The customer wrote after our last response: the next response is due then. Cleared by a response.</summary>
    public DateTime? NextResponseDueAt { get; set; }
    /// <summary>When the missed next-response target was recorded; cleared with it, so each wait is counted once.</summary>
    public DateTime? NextResponseBreachedAt { get; set; }
    /// <summary>The SLA priority band whose targets set the due times (urgent, high, normal...).</summary>
    public string? SlaBand { get; set; }
    /// <summary>Skills the workflow rule that chose the queue adds to the queue's own (skill → minimum proficiency).</summary>
    public Dictionary<string, int> RequiredSkills { get; set; } = [];
    public DateTime? ResolvedAt { get; set; }
    public string? Disposition { get; set; }
    /// <summary>Tags the agent gave it, comma separated, lower case (e.g. "baggage,rebooked").</summary>
    public string Tags { get; set; } = "";
    /// <summary>When it entered its current queue, if it moved there by overflow or transfer; else it is <see cref="OpenedAt"/>.</summary>
    public DateTime? QueueEnteredAt { get; set; }
    /// <summary>How many of the current queue's escalation steps have been applied, so each is applied once.</summary>
    public int EscalationStepsApplied { get; set; }
    /// <summary>An escalation step dropped the queue's minimum proficiencies for this conversation.</summary>
    public bool SkillsWidened { get; set; }
    /// <summary>Bumped by every transition: two writers cannot both move the same conversation.</summary>
    public int Version { get; set; }

    public ReportingEvent Open(DateTime now)
    {
        Status = ConversationStatus.Open;
        OpenedAt = now;
        LastActivityAt = now;
        return Event(ReportingEventKind.ConversationOpened, now, null);
    }

    public ReportingEvent Assign(long agentId, DateTime now)
    {
        if (Status is not (ConversationStatus.Open or ConversationStatus.Assigned))
        {
            throw new ConversationStateException($"Conversation {Id} is {Status.ToString().ToLowerInvariant()} and cannot be assigned.");
        }
        Status = ConversationStatus.Assigned;
        AssigneeId = agentId;
        AssignedAt = now;
        Version++;
        return Event(ReportingEventKind.ConversationAssigned, now, (now - OpenedAt).TotalSeconds);
    }

    /// <summary>A reply went out. The first one is the first response and is measured.</summary>
    public ReportingEvent? RecordResponse(DateTime now)
    {
        LastActivityAt = now;
        // The customer has their answer: no next response is due until they write again.
        NextResponseDueAt = null;
        NextResponseBreachedAt = null;
        if (FirstResponseAt is not null)
        {
            return null;
        }
        FirstResponseAt = now;
        return Event(ReportingEventKind.FirstResponse, now, (now - OpenedAt).TotalSeconds);
    }

    /// <summary>The customer wrote again: a resolved conversation comes back to the queue.</summary>
    public ReportingEvent? RecordInbound(DateTime now)
    {
        LastActivityAt = now;
        if (Status is not (ConversationStatus.Resolved or ConversationStatus.Pending))
        {
            return null;
        }
        var reopened = Status == ConversationStatus.Resolved;
        Status = AssigneeId is null || reopened ? ConversationStatus.Open : ConversationStatus.Assigned;
        if (reopened)
        {
            AssigneeId = null;
            ResolvedAt = null;
        }
        Version++;
        return reopened ? Event(ReportingEventKind.ConversationReopened, now, null) : null;
    }

    public ReportingEvent Resolve(DateTime now, string? disposition)
    {
        if (Status is ConversationStatus.Resolved or ConversationStatus.Closed)
        {
            throw new ConversationStateException($"Conversation {Id} is already {Status.ToString().ToLowerInvariant()}.");
        }
        Status = ConversationStatus.Resolved;
        ResolvedAt = now;
        Disposition = disposition;
        Version++;
        return Event(ReportingEventKind.ConversationResolved, now, (now - OpenedAt).TotalSeconds);
    }

    /// <summary>Resolves with the agent's tags, merged with the ones it already has.</summary>
    public ReportingEvent Resolve(DateTime now, string? disposition, IEnumerable<string> tags)
    {
        var resolved = Resolve(now, disposition);
        Tags = NormalizeTags(Tags.Split(',').Concat(tags));
        return resolved;
    }

    /// <summary>Lower-case, trimmed, distinct, comma separated; commas inside a tag are not allowed.</summary>
    public static string NormalizeTags(IEnumerable<string> tags) => string.Join(',', tags
        .Select(t => t.Trim().ToLowerInvariant())
        .Where(t => t.Length > 0 && !t.Contains(','))
        .Distinct(StringComparer.Ordinal));

    public ReportingEvent Event(ReportingEventKind kind, DateTime now, double? seconds) => new()
    {
        WorkspaceId = WorkspaceId,
        Kind = kind,
        ConversationId = Id,
        AgentId = AssigneeId,
        QueueId = QueueId,
        Channel = Channel,
        ValueSeconds = seconds,
        OccurredAt = now,
    };
}
