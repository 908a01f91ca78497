using Earshot.Core.Data;
using Earshot.Core.Replies;
using Earshot.Triage;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Ui.Supervision;

/// <summary>
/// A reply the tone and risk check held, with what a supervisor needs to decide: the conversation, its customer and
/// risk flags, the agent who wrote it and when, and the reasons it was held.
/// </summary>
public sealed record PendingApproval(
    long ReplyId, long ConversationId, string Channel, string Subject, string? Customer, RiskFlags Risks,
    string Text, IReadOnlyList<string> Reasons, string? AgentName, DateTime WrittenAt)
{
    /// <summary>Held replies in the (workspace-scoped) database, oldest first, the same list the approvals API returns.</summary>
    public static async Task<IReadOnlyList<PendingApproval>> ListAsync(EarshotDbContext db, int limit, CancellationToken ct)
    {
        var rows = await ReplyService.AwaitingApproval(db).AsNoTracking()
            .Join(db.Conversations, r => r.ConversationId, c => c.Id, (r, c) => new { Reply = r, Conversation = c })
            .Take(limit)
            .Select(x => new
            {
                x.Reply, x.Conversation.Channel, x.Conversation.Subject, x.Conversation.Risks,
                Customer = db.Identities.Where(i => i.Id == x.Conversation.IdentityId).Select(i => i.Handle).FirstOrDefault(),
                AgentName = db.Agents.Where(a => a.Id == x.Reply.AgentId).Select(a => a.Name).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return [.. rows.Select(r => new PendingApproval(
            r.Reply.Id, r.Reply.ConversationId, r.Channel, r.Subject, r.Customer, r.Risks,
            r.Reply.Text, r.Reply.ReviewReasons, r.AgentName, r.Reply.CreatedAt))];
    }
}
