using System.Net.Sockets;
using Earshot.Core.Channels.Polling;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Net.Smtp;
using MailKit.Search;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace Earshot.Core.Channels.Email;

/// <summary>
/// A mailbox: reads new mail over IMAP by UID (the cursor keeps the last UID and its UIDVALIDITY) and answers over
/// SMTP from the mailbox's address, threaded with In-Reply-To and References. E-mail is a private channel.
/// A connection lost in the middle of a poll keeps what was read before it: the cursor stops at the last whole
/// message, so the next poll goes on from there without losing or repeating mail.
/// Replies may carry images as MIME attachments, within <c>max_attachment_bytes</c> in all.
/// </summary>
public sealed class EmailConnector(TimeProvider time, ILogger<EmailConnector> log, HttpClient http) : IPollingConnector
{
    public const string ConnectorName = "email";
    /// <summary>How many images one reply may carry.</summary>
    public const int MaxAttachments = 10;
    /// <summary>A mailbox with a big backlog is read over several polls, this many messages at a time.</summary>
    public const int MaxMessagesPerPoll = 100;
    const int TimeoutMilliseconds = 30_000;

    /// <summary>With its own client for image addresses in replies.</summary>
    public EmailConnector(TimeProvider time, ILogger<EmailConnector> log) : this(time, log, ChannelHttp.CreateClient())
    {
    }

    public string Name => ConnectorName;

    /// <summary>Images go out as attachments of the reply.</summary>
    public bool TakesMedia => true;

    public TimeSpan DefaultPollInterval => TimeSpan.FromMinutes(1);

    public async Task<PollResult> PollAsync(Source source, string? cursor, CancellationToken ct)
    {
        var settings = EmailSettings.Read(source);
        var state = EmailCursor.Parse(cursor);
        using var client = new ImapClient { Timeout = TimeoutMilliseconds };
        IMailFolder folder;
        try
        {
            await client.ConnectAsync(settings.ImapHost, settings.ImapPort, settings.ImapSecurity, ct);
            await client.AuthenticateAsync(settings.Username, settings.Password, ct);
            folder = await client.GetFolderAsync(settings.Mailbox, ct);
            await folder.OpenAsync(FolderAccess.ReadOnly, ct);
        }
        catch (Exception ex) when (IsMailError(ex))
        {
            throw new PollFailedException($"IMAP {settings.ImapHost}:{settings.ImapPort}: {ex.Message}");
        }

        var validity = folder.UidValidity;
        var lastUid = 0u;
        var startOver = state is null || state.UidValidity != validity;
        if (state is not null && startOver)
        {
            log.LogWarning("Source {Source}: mailbox UIDVALIDITY changed from {Old} to {New}; reading it again (known mail is skipped)",
                source.Name, state.UidValidity, validity);
        }
        if (!startOver)
        {
            lastUid = state!.LastUid;
        }
        var now = time.GetUtcNow();
        var posts = new List<Ingestion.PostDocument>();
        var readUpTo = lastUid;
        try
        {
            if (folder.UidNext is { } next && next.Id <= lastUid + 1)
            {
                return new PollResult([], new EmailCursor { UidValidity = validity, LastUid = lastUid }.Serialize());
            }
            SearchQuery query = SearchQuery.Uids(new UniqueIdRange(new UniqueId(validity, lastUid + 1), UniqueId.MaxValue));
            if (startOver && settings.BacklogDays > 0)
            {
                // A newly connected (or renumbered) mailbox: recent mail is work, years of archive are not.
                query = query.And(SearchQuery.DeliveredAfter(now.UtcDateTime.Date.AddDays(-settings.BacklogDays)));
            }
            // "n:*" always names the newest message, even an old one: keep only UIDs past the cursor.
            var uids = (await folder.SearchAsync(query, ct)).Where(u => u.Id > lastUid).OrderBy(u => u.Id).Take(MaxMessagesPerPoll).ToList();
            if (startOver && uids.Count == 0 && folder.UidNext is { } uidNext)
            {
                // Nothing recent: start after what is there now.
                readUpTo = uidNext.Id - 1;
            }
            foreach (var uid in uids)
            {
                var message = await folder.GetMessageAsync(uid, ct);
                var post = EmailMessageReader.Read(message, settings.Address, $"imap-{validity}-{uid.Id}@{settings.ImapHost}", now);
                if (post is not null)
                {
                    posts.Add(post);
                }
                readUpTo = uid.Id;
            }
            await client.DisconnectAsync(quit: true, ct);
        }
        catch (Exception ex) when (IsMailError(ex) && !ct.IsCancellationRequested)
        {
            if (readUpTo == lastUid && posts.Count == 0)
            {
                throw new PollFailedException($"IMAP {settings.ImapHost}:{settings.ImapPort}: {ex.Message}");
            }
            // Keep what arrived whole; the cursor stops before the message that broke, which is read next time.
            log.LogWarning("Source {Source}: IMAP connection lost after UID {Uid}; the rest is read on the next poll: {Error}", source.Name, readUpTo, ex.Message);
        }
        return new PollResult(posts, new EmailCursor { UidValidity = validity, LastUid = readUpTo }.Serialize());
    }

    public async Task<SendResult> SendAsync(OutboundMessage message, CancellationToken ct)
    {
        EmailSettings settings;
        try
        {
            settings = EmailSettings.Read(message.Source);
        }
        catch (PollFailedException ex)
        {
            return SendResult.Failure(ex.Message, retryable: false);
        }
        if (settings.SmtpHost is null)
        {
            return SendResult.Failure($"Source '{message.Source.Name}' has no smtp_host in its settings, so it cannot send e-mail.", retryable: false);
        }
        if (string.IsNullOrWhiteSpace(message.RecipientHandle) || !MailboxAddress.TryParse(message.RecipientHandle.Trim(), out var to) || !to.Address.Contains('@'))
        {
            return SendResult.Failure($"'{message.RecipientHandle}' is not an e-mail address to answer.", retryable: false);
        }

        var attachments = new List<LoadedMedia>();
        if (message.Media is { Count: > 0 } media)
        {
            // Every image is checked (count, type, size in all) before the SMTP server is reached, so a refused reply sends nothing.
            var (loaded, refused) = await ChannelMedia.LoadAsync(http, media, AttachmentLimits(settings), ct);
            if (refused is not null)
            {
                return refused;
            }
            var total = loaded.Sum(m => m.Bytes.LongLength);
            if (total > settings.MaxAttachmentBytes)
            {
                return SendResult.Failure($"The attachments are {total:N0} bytes together; this mailbox sends at most {settings.MaxAttachmentBytes:N0} bytes "
                                          + $"of attachments per reply ({EmailSettings.MaxAttachmentBytesSetting}). Change the attachments and send again.", retryable: false);
            }
            attachments = loaded;
        }

        var mail = Compose(message, settings, to, attachments);
        using var client = new SmtpClient { Timeout = TimeoutMilliseconds };
        try
        {
            await client.ConnectAsync(settings.SmtpHost, settings.SmtpPort, settings.SmtpSecurity, ct);
            if (client.Capabilities.HasFlag(SmtpCapabilities.Authentication) && !string.IsNullOrEmpty(settings.SmtpUsername))
            {
                await client.AuthenticateAsync(settings.SmtpUsername, settings.SmtpPassword ?? "", ct);
            }
            await client.SendAsync(mail, ct);
            await client.DisconnectAsync(quit: true, ct);
            return SendResult.Success(mail.MessageId!);
        }
        catch (SmtpCommandException ex)
        {
            // 4xx is a passing trouble (greylisting, full queue); 5xx is final (no such mailbox, refused).
            var transient = (int)ex.StatusCode is >= 400 and < 500;
            return SendResult.Failure($"SMTP {settings.SmtpHost}: {(int)ex.StatusCode} {ex.Message}", retryable: transient);
        }
        catch (AuthenticationException ex)
        {
            return SendResult.Failure($"SMTP {settings.SmtpHost}: sign-in refused: {ex.Message}", retryable: false);
        }
        catch (Exception ex) when (IsMailError(ex) && !ct.IsCancellationRequested)
        {
            return SendResult.Failure($"SMTP {settings.SmtpHost}:{settings.SmtpPort}: {ex.Message}", retryable: true);
        }
    }

    /// <summary>Up to <see cref="MaxAttachments"/> images, JPEG, PNG, GIF or WebP, none larger than the mailbox's total allowance.</summary>
    static MediaLimits AttachmentLimits(EmailSettings settings) => new("E-mail", MaxAttachments, new Dictionary<string, long>
    {
        ["image/jpeg"] = settings.MaxAttachmentBytes, ["image/png"] = settings.MaxAttachmentBytes,
        ["image/gif"] = settings.MaxAttachmentBytes, ["image/webp"] = settings.MaxAttachmentBytes,
    });

    /// <summary>
    /// From the mailbox, to the customer, "Re:" the subject, threaded under the customer's message; images become
    /// attachments (<c>image-1.png</c>, … with their type, their alt text as <c>Content-Description</c>).
    /// </summary>
    internal static MimeMessage Compose(OutboundMessage message, EmailSettings settings, MailboxAddress to, IReadOnlyList<LoadedMedia>? attachments = null)
    {
        var mail = new MimeMessage();
        mail.From.Add(new MailboxAddress(settings.FromName ?? "", settings.Address));
        mail.To.Add(to);
        var subject = (message.Subject ?? "").Trim();
        mail.Subject = subject.Length == 0 ? "Re: your message"
            : subject.StartsWith("re:", StringComparison.OrdinalIgnoreCase) ? subject : "Re: " + subject;
        var domain = settings.Address.Contains('@') ? settings.Address[(settings.Address.LastIndexOf('@') + 1)..] : "earshot.local";
        // Stable per reply: a retry after a lost answer carries the same Message-ID, so mail clients show it once.
        mail.MessageId = $"earshot-reply-{message.ReplyId}.{message.Source.Id}.{message.Source.CreatedAt.Ticks:x}@{domain}";
        mail.Date = DateTimeOffset.UtcNow;
        if (message.InReplyToExternalId is { Length: > 0 } parent)
        {
            mail.InReplyTo = parent;
            mail.References.Add(parent);
        }
        var body = new BodyBuilder { TextBody = message.Text };
        for (var i = 0; i < (attachments?.Count ?? 0); i++)
        {
            var image = attachments![i];
            var name = $"image-{i + 1}{Path.GetExtension(image.FileName)}";
            var part = (MimePart)body.Attachments.Add(name, image.Bytes, ContentType.Parse(image.ContentType));
            part.ContentDescription = image.Description;
        }
        mail.Body = body.ToMessageBody();
        return mail;
    }

    static bool IsMailError(Exception ex) =>
        ex is IOException or SocketException or TimeoutException or ProtocolException or CommandException
            or ServiceNotConnectedException or ServiceNotAuthenticatedException or AuthenticationException
            or SslHandshakeException or FolderNotFoundException or OperationCanceledException;
}
