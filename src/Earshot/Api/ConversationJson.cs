using Earshot.Core.Conversations;
using Earshot.Core.Replies;

namespace Earshot.Api;

/// <summary>A conversation in lists: who, where, how urgent, whose.</summary>
public sealed record ConversationJson(
    long Id,
    string Status,
    string Channel,
    string Medium,
    string Bucket,
    long QueueId,
    long? AssigneeId,
    long? IdentityId,
    long? ContactId,
    string Subject,
    int Priority,
    IReadOnlyDictionary<string, int> PriorityParts,
    IReadOnlyList<string> Risks,
    string? Language,
    DateTime OpenedAt,
    DateTime LastActivityAt,
    DateTime? FirstResponseAt,
    DateTime? FirstResponseDueAt,
    DateTime? ResolvedAt,
    string? Disposition,
    int Version = 0,
    string? SlaBand = null,
    DateTime? NextResponseDueAt = null,
    DateTime? ResolutionDueAt = null,
    IReadOnlyList<string>? SlaBreaches = null,
    IReadOnlyList<string>? Tags = null)
{
    public static ConversationJson From(Conversation c) => new(
        c.Id, TriageJson.Name(c.Status), c.Channel, c.Medium, TriageJson.Name(c.Bucket), c.QueueId, c.AssigneeId, c.IdentityId,
        c.ContactId, c.Subject, c.Priority, c.PriorityParts, TriageJson.RiskNames(c.Risks), c.Language, c.OpenedAt,
        c.LastActivityAt, c.FirstResponseAt, c.FirstResponseDueAt, c.ResolvedAt, c.Disposition,
        c.Version, c.SlaBand, c.NextResponseDueAt, c.ResolutionDueAt, Breaches(c),
        c.Tags.Length == 0 ? [] : c.Tags.Split(','));

    /// <summary>The SLA targets this conversation missed (each recorded once as an event when it happened).</summary>
    static IReadOnlyList<string> Breaches(Conversation c)
    {
        var breaches = new List<string>(3);
        if (c.FirstResponseBreachedAt is not null)
        {
            breaches.Add("first_response");
        }
        if (c.NextResponseBreachedAt is not null)
        {
            breaches.Add("next_response");
        }
        if (c.ResolutionBreachedAt is not null)
        {
            breaches.Add("resolution");
        }
        return breaches;
    }
}

/// <summary>One conversation with its whole timeline: posts with their triage, replies with their delivery state.</summary>
public sealed record ConversationDetailJson(
    ConversationJson Conversation,
    AgentSummaryJson? Assignee,
    IReadOnlyList<PostJson> Posts,
    IReadOnlyList<ReplyJson> Replies,
    IReadOnlyList<ViewerJson>? Viewers = null);

/// <summary>Someone who has the conversation open in the desktop right now.</summary>
public sealed record ViewerJson(long AgentId, string Name, DateTime LastSeenAt);

public sealed record AgentSummaryJson(long Id, string Name, string Email);

public sealed record ReplyJson(
    long Id, long? AgentId, string Text, string Visibility, string Status, string? InReplyTo, string? ExternalId,
    int Attempts, string? Error, DateTime CreatedAt, DateTime? SentAt,
    IReadOnlyList<string>? ReviewReasons = null, string? ReviewedBy = null, string? RejectionReason = null,
    IReadOnlyList<ReplyAttachment>? Attachments = null)
{
    public static ReplyJson From(Reply r) => new(
        r.Id, r.AgentId, r.Text, TriageJson.Name(r.Visibility), Snake(r.Status), r.InReplyToExternalId, r.ExternalId,
        r.Attempts, r.Error, r.CreatedAt, r.SentAt, r.ReviewReasons, r.ReviewedBy, r.RejectionReason, r.Attachments);

    static string Snake(ReplyStatus s) => s == ReplyStatus.AwaitingApproval ? "awaiting_approval" : TriageJson.Name(s);
}
