using Earshot.Core.Agents;
using Earshot.Core.Conversations;
using Earshot.Core.Data;
using Earshot.Core.Replies;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Workers;

/// <summary>
/// The demo's simulated agents: they stay available, answer their conversations after a human-like pause and
/// resolve them once the answer went out, so the reports and wallboard fill in.
/// </summary>
public sealed class DemoAgentsWorker(
    IDbContextFactory<EarshotDbContext> contexts, ReplyService replies, ConversationService conversations,
    TimeProvider time, ILogger<DemoAgentsWorker> log) : BackgroundService
{
    static readonly TimeSpan Tick = TimeSpan.FromSeconds(2);
    static readonly TimeSpan ThinkTime = TimeSpan.FromSeconds(8);

    static readonly string[] Answers =
    [
        "Hi, I'm sorry about this. Could you send us a DM with your booking reference so we can look into it right away?",
        "Thanks for reaching out! Happy to help: I've sent you a private message with the next steps.",
        "Sorry for the trouble. Our team is on it; please DM us your booking reference and we'll sort it out.",
    ];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Tick, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await RoundAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    log.LogError(ex, "Simulated agents failed a round");
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    async Task RoundAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var bots = await db.Agents.Where(a => a.IsSimulated).ToListAsync(ct);
        foreach (var bot in bots.Where(b => b.Presence is not (Presence.Available or Presence.WrapUp)))
        {
            bot.Presence = Presence.Available;
            bot.PresenceChangedAt = now;
        }
        await db.SaveChangesAsync(ct);
        var botIds = bots.Select(b => b.Id).ToList();
        var thinkedSince = now - ThinkTime;
        var mine = await db.Conversations
            .Where(c => c.Status == ConversationStatus.Assigned && c.AssigneeId != null && botIds.Contains(c.AssigneeId.Value) && c.AssignedAt < thinkedSince)
            .Take(20)
            .ToListAsync(ct);
        foreach (var conversation in mine)
        {
            var replyStates = await db.Replies.Where(r => r.ConversationId == conversation.Id).Select(r => r.Status).ToListAsync(ct);
            if (replyStates.Count == 0)
            {
                var text = Answers[(int)(conversation.Id % Answers.Length)];
                await replies.CreateAsync(db, conversation, text, ReplyVisibility.Public, conversation.AssigneeId, ct);
            }
            else if (replyStates.All(s => s is ReplyStatus.Sent or ReplyStatus.Failed))
            {
                await conversations.ResolveAsync(db, conversation, "answered", $"agent:{conversation.AssigneeId}", ct);
            }
        }
    }
}
