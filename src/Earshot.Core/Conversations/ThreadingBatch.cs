using Earshot.Core.Contacts;
using Earshot.Core.Data;
using Earshot.Core.Ingestion;
using Earshot.Core.Prioritisation;
using Earshot.Core.Routing;
using Earshot.Core.Sla;
using Earshot.Core.Workflows;
using Earshot.Core.Workspaces;
using Earshot.Triage;

namespace Earshot.Core.Conversations;

/// <summary>
/// Threads the posts of one batch: a reply joins the conversation of the post it answers; a post by an author
/// with an open conversation on the same channel within the window joins it; otherwise a care or marketing post
/// opens a new conversation in the queue of the first workflow rule it matches, or its bucket's default queue.
/// </summary>
public sealed class ThreadingBatch(
    EarshotDbContext db,
    Workspace workspace,
    IReadOnlyList<Queue> queues,
    IReadOnlyList<WorkflowRule> rules,
    IReadOnlyDictionary<long, SlaPolicy> policies,
    IReadOnlyDictionary<long, Identity> identities,
    IReadOnlyDictionary<long, Contact> contacts,
    List<Conversation> active,
    Dictionary<string, Conversation> byExternalId,
    DateTime now)
{
    /// <summary>The priority part a workflow rule's boost adds.</summary>
    public const string WorkflowPart = "workflow";

    readonly List<(Post Post, Conversation Conversation, bool Opened, SlaPolicy? Policy)> _threaded = [];

    public int Opened { get; private set; }

    public void Thread(Post post)
    {
        var contact = post.IdentityId is { } iid && identities.TryGetValue(iid, out var identity) && identity.ContactId is { } cid
            && contacts.TryGetValue(cid, out var c) ? c : null;
        var conversation = FindConversation(post);
        var bucket = post.Bucket ?? Bucket.Analytics;
        if (conversation is null && bucket == Bucket.Analytics)
        {
            return;
        }
        var rule = conversation is null
            ? Workflow.Choose(rules, new WorkflowSubject(bucket, post.TagList, post.Language, post.Risks, post.Platform, contact?.Tier))
            : null;
        var queue = conversation is not null ? queues.FirstOrDefault(q => q.Id == conversation.QueueId)
            : rule is not null && queues.FirstOrDefault(q => q.Id == rule.QueueId) is { } ruled ? ruled
            : QueueFor(bucket);
        var policy = queue?.SlaPolicyId is { } pid && policies.TryGetValue(pid, out var p) ? p : null;
        var minutesSincePosted = Math.Max(0, (now - post.CreatedAt).TotalMinutes);
        var slaWaited = policy is null ? 0 : minutesSincePosted * 60 / policy.FirstResponseSeconds;
        var score = PriorityScorer.Score(new PriorityInput(
            post.SentimentCompound, post.Intent ?? Intent.Other, post.Risks, post.AuthorFollowers, post.AuthorVerified,
            contact?.Tier, contact?.LifetimeValue ?? 0, post.Likes, post.Reposts, minutesSincePosted, slaWaited), PriorityPolicy.Default);
        post.Priority = score.Total;
        post.PriorityParts = new Dictionary<string, int>(score.Parts);

        if (conversation is null)
        {
            if (queue is null)
            {
                return; // a workspace without queues only listens
            }
            conversation = new Conversation
            {
                WorkspaceId = workspace.Id,
                SourceId = post.SourceId,
                Channel = post.Platform,
                Medium = post.Platform == "email" ? "email" : "social",
                IdentityId = post.IdentityId,
                ContactId = contact?.Id,
                QueueId = queue.Id,
                Bucket = bucket,
                Priority = score.Total,
                PriorityParts = new Dictionary<string, int>(score.Parts),
                Risks = post.Risks,
                Language = post.Language,
                Subject = FirstLine(post.Text),
                RootExternalId = post.ExternalId,
                OpenedAt = now,
                LastActivityAt = now,
            };
            if (rule is not null && queue.Id == rule.QueueId)
            {
                conversation.RequiredSkills = new Dictionary<string, int>(rule.RequiredSkills);
                if (rule.PriorityBoost != 0)
                {
                    conversation.PriorityParts[WorkflowPart] = rule.PriorityBoost;
                    conversation.Priority = Math.Clamp(conversation.PriorityParts.Values.Sum(), 0, 100);
                }
            }
            if (policy is not null)
            {
                SlaEvaluator.SetDueTimes(conversation, now, policy, workspace.Calendar);
            }
            db.Conversations.Add(conversation);
            active.Add(conversation);
            Opened++;
            _threaded.Add((post, conversation, true, policy));
        }
        else
        {
            if (score.Total > conversation.Priority)
            {
                conversation.Priority = score.Total;
                conversation.PriorityParts = new Dictionary<string, int>(score.Parts);
            }
            conversation.Risks |= post.Risks;
            _threaded.Add((post, conversation, false, policy));
        }
        byExternalId[ConversationThreader.Key(post.Platform, post.ExternalId)] = conversation;
    }

    /// <summary>Saves new conversations, then links posts and writes the reporting events with real ids.</summary>
    public async Task CompleteAsync(CancellationToken ct)
    {
        if (_threaded.Count == 0)
        {
            return;
        }
        await db.SaveChangesAsync(ct);
        foreach (var (post, conversation, opened, policy) in _threaded)
        {
            post.ConversationId = conversation.Id;
            if (opened)
            {
                db.ReportingEvents.Add(conversation.Open(now));
                continue;
            }
            if (conversation.RecordInbound(post.ReceivedAt) is { } reopened)
            {
                db.ReportingEvents.Add(reopened);
                Opened++;
            }
            if (policy is not null)
            {
                // The customer wrote again after our answer: the next response is now due.
                SlaEvaluator.SetNextResponseDue(conversation, post.ReceivedAt, policy, workspace.Calendar);
            }
        }
    }

    Conversation? FindConversation(Post post)
    {
        if (post.InReplyToExternalId is not null
            && byExternalId.TryGetValue(ConversationThreader.Key(post.Platform, post.InReplyToExternalId), out var parent))
        {
            return parent;
        }
        if (post.IdentityId is null)
        {
            return null;
        }
        var windowStart = now.AddSeconds(-workspace.ThreadWindowSeconds);
        return active
            .Where(c => c.IdentityId == post.IdentityId && c.Channel == post.Platform
                        && c.Status is not (ConversationStatus.Resolved or ConversationStatus.Closed)
                        && c.LastActivityAt >= windowStart)
            .OrderByDescending(c => c.LastActivityAt)
            .FirstOrDefault();
    }

    Queue? QueueFor(Bucket bucket) =>
        queues.FirstOrDefault(q => q.Bucket == bucket && q.IsDefault)
        ?? queues.FirstOrDefault(q => q.Bucket == bucket)
        ?? queues.FirstOrDefault(q => q.Bucket == Bucket.Care && q.IsDefault);

    static string FirstLine(string text)
    {
        var line = text.AsSpan().Trim();
        var newline = line.IndexOfAny('\r', '\n');
        if (newline >= 0)
        {
            line = line[..newline];
        }
        return line.Length <= 120 ? line.ToString() : string.Concat(line[..117], "...");
    }
}
