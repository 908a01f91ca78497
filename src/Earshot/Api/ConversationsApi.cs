using System.Security.Claims;
using Earshot.Core.Conversations;
using Earshot.Core.Data;
using Earshot.Core.Replies;
using Earshot.Core.Workspaces;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Api;

/// <summary>Conversations: list and read them, reply in-media or privately, resolve, transfer.</summary>
public static class ConversationsApi
{
    public static RouteGroupBuilder MapConversationsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/conversations").WithTags("Conversations");
        group.MapGet("/", ListAsync).WithSummary("Conversations, newest first, filtered by status, queue and assignee");
        group.MapGet("/{id:long}", GetAsync).WithSummary("One conversation with its posts, triage, priority parts, assignee and replies");
        group.MapPost("/{id:long}/replies", ReplyAsync).WithSummary("Reply publicly in the same medium or privately; 202 once it is in the outbox");
        group.MapPost("/{id:long}/resolve", ResolveAsync).WithSummary("Resolve the conversation, with an optional disposition");
        group.MapPost("/{id:long}/transfer", TransferAsync).WithSummary("Move the conversation to another queue or agent, with a reason");
        return api;
    }

    static async Task<Results<Ok<Page<ConversationJson>>, ProblemHttpResult>> ListAsync(
        EarshotDbContext db, string? status, long? queue, long? assignee, int? limit, string? cursor, CancellationToken ct)
    {
        if (Paging.Validate(limit, cursor) is { } error)
        {
            return (ProblemHttpResult)Problems.BadRequest(error);
        }
        ConversationStatus? wanted = null;
        if (status is not null)
        {
            if (!Enum.TryParse<ConversationStatus>(status, ignoreCase: true, out var parsed) || int.TryParse(status, out _))
            {
                return (ProblemHttpResult)Problems.BadRequest("status must be one of open, assigned, pending, resolved, closed", "status");
            }
            wanted = parsed;
        }
        var take = Paging.Limit(limit);
        var after = Paging.Decode(cursor);
        var rows = await db.Conversations.AsNoTracking()
            .Where(c => (wanted == null || c.Status == wanted) && (queue == null || c.QueueId == queue)
                        && (assignee == null || c.AssigneeId == assignee) && (after == null || c.Id < after))
            .OrderByDescending(c => c.Id)
            .Take(take + 1)
            .ToListAsync(ct);
        var items = rows.Take(take).Select(ConversationJson.From).ToList();
        return TypedResults.Ok(new Page<ConversationJson>(items, rows.Count > take ? Paging.Encode(items[^1].Id) : null));
    }

    static async Task<Results<Ok<ConversationDetailJson>, ProblemHttpResult>> GetAsync(
        long id, EarshotDbContext db, ViewerPresence viewerPresence, CancellationToken ct)
    {
        var conversation = await db.Conversations.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (conversation is null)
        {
            return (ProblemHttpResult)Problems.NotFound($"Conversation {id} does not exist in this workspace.");
        }
        var posts = await db.Posts.AsNoTracking().Where(p => p.ConversationId == id).OrderBy(p => p.CreatedAt).ThenBy(p => p.Id).ToListAsync(ct);
        var replies = await db.Replies.AsNoTracking().Where(r => r.ConversationId == id).OrderBy(r => r.Id).ToListAsync(ct);
        var assignee = conversation.AssigneeId is { } aid
            ? await db.Agents.AsNoTracking().Where(a => a.Id == aid).Select(a => new AgentSummaryJson(a.Id, a.Name, a.Email)).SingleOrDefaultAsync(ct)
            : null;
        var viewers = await viewerPresence.CurrentAsync(db, id, ct);
        return TypedResults.Ok(new ConversationDetailJson(
            ConversationJson.From(conversation), assignee, [.. posts.Select(PostJson.From)], [.. replies.Select(ReplyJson.From)],
            [.. viewers.Select(v => new ViewerJson(v.AgentId, v.AgentName, v.LastSeenAt))]));
    }

    static async Task<Results<Accepted<ReplyJson>, ProblemHttpResult>> ReplyAsync(
        long id, ReplyRequest request, EarshotDbContext db, ReplyService replies, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Text))
        {
            return (ProblemHttpResult)Problems.BadRequest("text is required and must not be empty", "text");
        }
        if (request.Text.Length > ReplyService.MaxTextLength)
        {
            return (ProblemHttpResult)Problems.BadRequest($"text is longer than {ReplyService.MaxTextLength:N0} characters", "text");
        }
        if (!Enum.TryParse<ReplyVisibility>(request.Visibility, ignoreCase: true, out var visibility) || int.TryParse(request.Visibility, out _))
        {
            return (ProblemHttpResult)Problems.BadRequest("visibility must be \"public\" (in the same medium) or \"private\" (a direct message or e-mail)", "visibility");
        }
        var (attachments, attachmentError) = ReplyAttachments.Read(request.Attachments);
        if (attachmentError is not null)
        {
            return attachmentError;
        }
        var conversation = await db.Conversations.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (conversation is null)
        {
            return (ProblemHttpResult)Problems.NotFound($"Conversation {id} does not exist in this workspace.");
        }
        // The same limit the composer counts down to: the network's own rule for this channel and visibility.
        var length = ReplyLength.Measure(conversation.Channel, visibility, request.Text.Trim());
        if (length.TooLong)
        {
            return (ProblemHttpResult)Problems.BadRequest(
                $"text is {length.Used:N0} {length.Unit}; a {visibility.ToString().ToLowerInvariant()} reply on {conversation.Channel} allows {length.Limit:N0}. Shorten it.", "text");
        }
        if (request.AgentId is { } replier && conversation.AssigneeId is { } owner && replier != owner)
        {
            // One owner at a time: someone else may answer only with a supervisor's rights.
            var role = await db.Agents.Where(a => a.Id == replier).Select(a => (AgentRoleName?)a.Role).SingleOrDefaultAsync(ct);
            if (role is null)
            {
                return (ProblemHttpResult)Problems.BadRequest($"agent {replier} does not exist in this workspace", "agent_id");
            }
            if (role is not (AgentRoleName.Supervisor or AgentRoleName.Admin))
            {
                return (ProblemHttpResult)Problems.Result(StatusCodes.Status403Forbidden, "Forbidden",
                    $"Conversation {id} belongs to agent {owner}; only its owner or a supervisor may reply. Ask for a transfer.", "agent_id");
            }
        }
        var (reply, error) = await replies.CreateAsync(db, conversation, request.Text, visibility, request.AgentId, ct, request.ExpectedVersion, attachments);
        return reply is null
            ? (ProblemHttpResult)Problems.Conflict(error!)
            : TypedResults.Accepted($"/api/v1/conversations/{id}", ReplyJson.From(reply));
    }

    static async Task<Results<Ok<ConversationJson>, ProblemHttpResult>> ResolveAsync(
        long id, ResolveRequest? request, ClaimsPrincipal user, EarshotDbContext db, ConversationService conversations, CancellationToken ct)
    {
        var conversation = await db.Conversations.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (conversation is null)
        {
            return (ProblemHttpResult)Problems.NotFound($"Conversation {id} does not exist in this workspace.");
        }
        var error = await conversations.ResolveAsync(db, conversation, request?.Disposition?.Trim(), request?.Tags ?? [], user.Actor(), ct);
        return error is null ? TypedResults.Ok(ConversationJson.From(conversation)) : (ProblemHttpResult)Problems.Conflict(error);
    }

    static async Task<Results<Ok<ConversationJson>, ProblemHttpResult>> TransferAsync(
        long id, TransferRequest request, ClaimsPrincipal user, EarshotDbContext db, ConversationService conversations, CancellationToken ct)
    {
        if (request.QueueId is null && request.AgentId is null)
        {
            return (ProblemHttpResult)Problems.BadRequest("give queue_id, agent_id or both", "queue_id");
        }
        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            return (ProblemHttpResult)Problems.BadRequest("reason is required: say why the conversation moves", "reason");
        }
        var conversation = await db.Conversations.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (conversation is null)
        {
            return (ProblemHttpResult)Problems.NotFound($"Conversation {id} does not exist in this workspace.");
        }
        if (request.QueueId is { } q && !await db.Queues.AnyAsync(x => x.Id == q, ct))
        {
            return (ProblemHttpResult)Problems.BadRequest($"queue {q} does not exist in this workspace", "queue_id");
        }
        if (request.AgentId is { } a && !await db.Agents.AnyAsync(x => x.Id == a, ct))
        {
            return (ProblemHttpResult)Problems.BadRequest($"agent {a} does not exist in this workspace", "agent_id");
        }
        var error = await conversations.TransferAsync(db, conversation, request.QueueId, request.AgentId, request.Reason.Trim(), user.Actor(), ct);
        return error is null ? TypedResults.Ok(ConversationJson.From(conversation)) : (ProblemHttpResult)Problems.Conflict(error);
    }
}

/// <summary>
/// A reply: its text, whether it goes out in the same medium (public) or privately, who sends it, and the
/// conversation version the agent last saw (a reply to a conversation that changed since is refused with 409).
/// </summary>
public sealed record ReplyRequest(string? Text, string? Visibility, long? AgentId, int? ExpectedVersion = null, List<ReplyAttachmentRequest?>? Attachments = null);

/// <summary>An image to send with a reply (Mastodon, X): its http(s) address and alt text.</summary>
public sealed record ReplyAttachmentRequest(string? Url, string? Description = null);

/// <summary>How the conversation ended (disposition) and tags for reporting and search.</summary>
public sealed record ResolveRequest(string? Disposition, List<string>? Tags = null);

public sealed record TransferRequest(long? QueueId, long? AgentId, string? Reason);
