using System.Diagnostics;
using Earshot.Core.Channels;
using Earshot.Core.Contacts;
using Earshot.Core.Data;
using Earshot.Core.Pipeline;
using Earshot.Core.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Earshot.Core.Replies;

/// <summary>
/// The outbox: claims queued replies, hands each to its source's connector, and records sent or failed.
/// Retryable failures come back later with exponential backoff and jitter; after <see cref="MaxAttempts"/> the
/// reply fails with the platform's message, never silently.
/// </summary>
public sealed class ReplySender(
    IDatabaseDialect dialect, ConnectorRegistry connectors, PipelineMetrics metrics, TimeProvider time, ILogger<ReplySender> log,
    SourceCredentials? credentials = null)
{
    public const int MaxAttempts = 5;
    const int BatchSize = 32;
    static readonly TimeSpan Lease = TimeSpan.FromSeconds(60);

    public async Task<int> RunOnceAsync(EarshotDbContext db, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        db.ChangeTracker.Clear();
        var now = time.GetUtcNow().UtcDateTime;
        var token = Guid.NewGuid().ToString("N");
        var claimed = await dialect.ClaimAsync(db, "replies", "status = 'Queued'", token, now, now + Lease, BatchSize, ct);
        if (claimed == 0)
        {
            return 0;
        }
        var replies = await db.Replies.IgnoreQueryFilters().Where(r => r.LeaseToken == token).OrderBy(r => r.Id).ToListAsync(ct);
        var due = replies.Where(r => r.NextAttemptAt is null || r.NextAttemptAt <= now).ToList();
        foreach (var notYet in replies.Except(due))
        {
            notYet.LeaseToken = null;
            notYet.LeaseUntil = null;
        }
        foreach (var reply in due)
        {
            await SendOneAsync(db, reply, ct);
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        metrics.StageTook("outbox", Stopwatch.GetElapsedTime(started));
        return due.Count;
    }

    async Task SendOneAsync(EarshotDbContext db, Reply reply, CancellationToken ct)
    {
        var conversation = await db.Conversations.IgnoreQueryFilters().SingleAsync(c => c.Id == reply.ConversationId, ct);
        // A conversation can span media (a public post, then e-mail): the reply goes out where the post it answers came in.
        var answered = reply.InReplyToExternalId is null ? null : await db.Posts.IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.ConversationId == conversation.Id && p.ExternalId == reply.InReplyToExternalId)
            .Select(p => new { p.SourceId, p.AuthorHandle })
            .FirstOrDefaultAsync(ct);
        var sourceId = answered?.SourceId ?? conversation.SourceId;
        var source = await db.Sources.IgnoreQueryFilters().AsNoTracking().SingleAsync(s => s.Id == sourceId, ct);
        var recipient = answered?.AuthorHandle ?? (conversation.IdentityId is { } identityId
            ? await db.Identities.IgnoreQueryFilters().Where(i => i.Id == identityId).Select(i => i.Handle).SingleOrDefaultAsync(ct)
            : null);
        var connector = connectors.Find(source.Connector);
        var media = reply.Attachments is { Count: > 0 } attachments
            ? attachments.Select(a => new OutboundMedia(Url: a.Url, Description: a.Description)).ToList()
            : null;
        SendResult result;
        if (connector is null)
        {
            result = SendResult.Failure($"No connector '{source.Connector}' is available for source '{source.Name}'.", retryable: false);
        }
        else if (media is not null && !connector.TakesMedia)
        {
            // Sending the text alone would drop what the agent meant to send: say so instead.
            result = SendResult.Failure($"Replies through '{source.Connector}' cannot carry images; remove the attachments and send again.", retryable: false);
        }
        else
        {
            try
            {
                // Credentials are decrypted in memory only, for this send; the row keeps them encrypted.
                var readable = credentials is null ? source : credentials.Reveal(source);
                result = await connector.SendAsync(
                    new OutboundMessage(readable, reply.Id, reply.Text, reply.Visibility, reply.InReplyToExternalId, recipient, conversation.Subject, media), ct);
            }
            catch (InvalidOperationException ex) when (ex.InnerException is System.Security.Cryptography.CryptographicException)
            {
                result = SendResult.Failure(ex.Message, retryable: false);
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or TimeoutException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                result = SendResult.Failure(ex.Message, retryable: true);
            }
        }

        var now = time.GetUtcNow().UtcDateTime;
        reply.Attempts++;
        reply.LeaseToken = null;
        reply.LeaseUntil = null;
        if (result.Sent)
        {
            reply.Status = ReplyStatus.Sent;
            reply.SentAt = now;
            reply.ExternalId = result.ExternalId;
            reply.Error = null;
            if (conversation.RecordResponse(now) is { } first)
            {
                db.ReportingEvents.Add(first);
            }
            var sent = conversation.Event(ReportingEventKind.ReplySent, now, null);
            sent.AgentId = reply.AgentId;
            db.ReportingEvents.Add(sent);
            metrics.ReplySent();
            return;
        }
        reply.Error = result.Error;
        if (result.Retryable && reply.Attempts < MaxAttempts)
        {
            reply.NextAttemptAt = now + (result.RetryAfter ?? Backoff(reply.Attempts));
            log.LogWarning("Reply {ReplyId} failed (attempt {Attempt}), retrying at {At}: {Error}", reply.Id, reply.Attempts, reply.NextAttemptAt, result.Error);
            return;
        }
        reply.Status = ReplyStatus.Failed;
        db.ReportingEvents.Add(conversation.Event(ReportingEventKind.ReplyFailed, now, null));
        metrics.ReplyFailed();
        log.LogWarning("Reply {ReplyId} failed for good: {Error}", reply.Id, result.Error);
    }

    /// <summary>2, 4, 8, 16 s... with ±25 % jitter so many failed replies do not retry in step.</summary>
    internal static TimeSpan Backoff(int attempt)
    {
        var seconds = Math.Pow(2, Math.Min(attempt, 10));
        var jitter = 0.75 + Random.Shared.NextDouble() * 0.5;
        return TimeSpan.FromSeconds(seconds * jitter);
    }
}
