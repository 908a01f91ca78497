using Earshot.Core.Channels;
using Earshot.Core.Channels.Email;
using Earshot.Core.Channels.Polling;
using Earshot.Core.Conversations;
using Earshot.Core.Data;
using Earshot.Core.Replies;
using Earshot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Earshot.Tests.Channels.Email;

public sealed class EmailPipelineSqliteTests(MailServers servers) : EmailPipelineTests(new SqliteTestDatabase(), servers), IClassFixture<MailServers>;

public sealed class EmailPipelinePostgresTests(MailServers servers) : EmailPipelineTests(new PostgresTestDatabase(), servers), IClassFixture<MailServers>;

/// <summary>A mailbox on a real Dovecot, polled through the source poller into the pipeline; replies through a real SMTP server.</summary>
public abstract class EmailPipelineTests(TestDatabase database, MailServers servers) : IAsyncLifetime
{
    readonly PipelineHarness _harness = new(database);

    public Task InitializeAsync() => database.InitializeAsync();
    public Task DisposeAsync() => database.DisposeAsync();

    EmailConnector Connector() => new(_harness.Time, NullLogger<EmailConnector>.Instance);

    SourcePoller Poller() => new(database.Dialect, new ConnectorRegistry([Connector()]), _harness.Ingestor(), _harness.Time, NullLogger<SourcePoller>.Instance);

    ReplySender Sender() => new(database.Dialect, new ConnectorRegistry([Connector()]), _harness.Metrics, _harness.Time, NullLogger<ReplySender>.Instance);

    async Task<(Source Source, string Mailbox)> NewMailboxSourceAsync(EarshotDbContext db)
    {
        var mailbox = await servers.NewMailboxAsync();
        var workspace = await _harness.NewWorkspaceAsync(db);
        var source = new Source
        {
            WorkspaceId = workspace.Id, Platform = "email", Name = "Care mailbox", Connector = EmailConnector.ConnectorName, CreatedAt = _harness.Now,
            Settings = $$"""
                {"address":"{{MailServers.User}}","imap_host":"127.0.0.1","imap_port":{{servers.ImapPort}},"imap_security":"none",
                 "username":"{{MailServers.User}}","password":"{{MailServers.Password}}","mailbox":"{{mailbox}}",
                 "smtp_host":"127.0.0.1","smtp_port":{{servers.SmtpPort}},"smtp_security":"none"}
                """,
        };
        db.Sources.Add(source);
        await db.SaveChangesAsync();
        return (source, mailbox);
    }

    async Task PollAndDrainAsync(EarshotDbContext db)
    {
        _harness.Time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await Poller().RunOnceAsync(db, default));
        await _harness.DrainAsync(db);
    }

    [Fact]
    public async Task Poll_NewMail_StoredAsPrivatePostsThreadedIntoOneConversation()
    {
        await using var db = database.CreateContext();
        var (source, mailbox) = await NewMailboxSourceAsync(db);
        await servers.AppendAsync(mailbox, MailServers.Mail("Jo Doe <jo@customer.test>", "Refund for cancelled flight AC123", "Hello, my flight was cancelled and I want my money back.", "a1@customer.test"));
        // Answers a message we never saw, but its References name the first one.
        await servers.AppendAsync(mailbox, MailServers.Mail("jo@customer.test", "Re: Refund for cancelled flight AC123", "Any news? Still waiting for the refund.", "a2@customer.test", "lost@customer.test", "a1@customer.test", "lost@customer.test"));

        await PollAndDrainAsync(db);

        var posts = await db.Posts.IgnoreQueryFilters().AsNoTracking().Where(p => p.SourceId == source.Id).OrderBy(p => p.Id).ToListAsync();
        Assert.Equal(["a1@customer.test", "a2@customer.test"], posts.Select(p => p.ExternalId));
        Assert.All(posts, p => Assert.True(p.Private));
        Assert.All(posts, p => Assert.Equal("email", p.Platform));
        Assert.Equal("lost@customer.test", posts[1].InReplyToExternalId);
        Assert.NotNull(posts[0].ConversationId);
        Assert.Equal(posts[0].ConversationId, posts[1].ConversationId);
        var conversation = await db.Conversations.IgnoreQueryFilters().AsNoTracking().SingleAsync(c => c.Id == posts[0].ConversationId);
        Assert.Equal("email", conversation.Medium);
        Assert.Equal("Refund for cancelled flight AC123", conversation.Subject);
    }

    [Fact]
    public async Task Poll_AfterRestart_ResumesFromUidWithoutRepeats()
    {
        await using var db = database.CreateContext();
        var (source, mailbox) = await NewMailboxSourceAsync(db);
        await servers.AppendAsync(mailbox, MailServers.Mail("sam@customer.test", "Seat problem", "My seat was given to someone else on AC77.", "r1@customer.test"));
        await PollAndDrainAsync(db);
        var cursor = (await db.Sources.IgnoreQueryFilters().AsNoTracking().SingleAsync(s => s.Id == source.Id)).Cursor;
        await servers.AppendAsync(mailbox, MailServers.Mail("sam@customer.test", "Re: Seat problem", "And the upgrade I paid for is gone too.", "r2@customer.test"));

        // A new process: fresh connector and poller, the cursor comes from the database.
        await using var restarted = database.CreateContext();
        await PollAndDrainAsync(restarted);
        await PollAndDrainAsync(restarted);

        Assert.Equal(1u, EmailCursor.Parse(cursor)!.LastUid);
        var ids = await db.Posts.IgnoreQueryFilters().AsNoTracking().Where(p => p.SourceId == source.Id).Select(p => p.ExternalId).ToListAsync();
        Assert.Equal(["r1@customer.test", "r2@customer.test"], ids.Order());
        Assert.Equal(2u, EmailCursor.Parse((await db.Sources.IgnoreQueryFilters().AsNoTracking().SingleAsync(s => s.Id == source.Id)).Cursor)!.LastUid);
    }

    [Fact]
    public async Task Reply_ToEmailConversation_SmtpServerGetsThreadedMailAndTheAnswerJoinsTheConversation()
    {
        await using var db = database.CreateContext();
        var (source, mailbox) = await NewMailboxSourceAsync(db);
        await servers.AppendAsync(mailbox, MailServers.Mail("kim@customer.test", "Broken suitcase", "The handle of my suitcase was ripped off on AC9, who pays?", "k1@customer.test"));
        await PollAndDrainAsync(db);
        var conversation = await db.Conversations.IgnoreQueryFilters().SingleAsync(c => c.SourceId == source.Id);
        var before = servers.Received().Count;

        var (reply, error) = await _harness.Replies().CreateAsync(db, conversation, "Sorry Kim, please send us a photo.", ReplyVisibility.Private, null, default);
        await Sender().RunOnceAsync(db, default);

        Assert.Null(error);
        var sent = await db.Replies.IgnoreQueryFilters().AsNoTracking().SingleAsync(r => r.Id == reply!.Id);
        Assert.Equal(ReplyStatus.Sent, sent.Status);
        var received = servers.Received();
        Assert.Equal(before + 1, received.Count);
        var mail = received.Single(m => m.MessageId == sent.ExternalId);
        Assert.Equal("kim@customer.test", mail.To.Mailboxes.Single().Address);
        Assert.Equal(MailServers.User, mail.From.Mailboxes.Single().Address);
        Assert.Equal("Re: Broken suitcase", mail.Subject);
        Assert.Equal("k1@customer.test", mail.InReplyTo);
        Assert.Equal(["k1@customer.test"], mail.References);

        await servers.AppendAsync(mailbox, MailServers.Mail("kim@customer.test", "Re: Broken suitcase", "Here is the photo you asked for.", "k2@customer.test", sent.ExternalId, "k1@customer.test", sent.ExternalId!));
        await PollAndDrainAsync(db);

        var answer = await db.Posts.IgnoreQueryFilters().AsNoTracking().SingleAsync(p => p.ExternalId == "k2@customer.test");
        Assert.Equal(conversation.Id, answer.ConversationId);
    }

    [Fact]
    public async Task Reply_WithAnImageAddress_LeavesThroughTheOutboxAsAnAttachmentOfTheMail()
    {
        await using var files = await LocalHttpServer.StartAsync();
        var png = MediaFixtures.Png(4000);
        files.Handler = async context =>
        {
            context.Response.ContentType = "image/png";
            await context.Response.Body.WriteAsync(png);
        };
        await using var db = database.CreateContext();
        var (source, mailbox) = await NewMailboxSourceAsync(db);
        await servers.AppendAsync(mailbox, MailServers.Mail("kim@customer.test", "Claim", "How do I claim for the suitcase?", "c1@customer.test"));
        await PollAndDrainAsync(db);
        var conversation = await db.Conversations.IgnoreQueryFilters().SingleAsync(c => c.SourceId == source.Id);
        var before = servers.Received().Count;

        var attachments = new[] { new ReplyAttachment(new Uri(files.BaseAddress, "claim-form.png").ToString(), "The claim form") };
        var (reply, error) = await _harness.Replies().CreateAsync(db, conversation, "The form is attached.", ReplyVisibility.Private, null, default, attachments: attachments);
        await Sender().RunOnceAsync(db, default);

        Assert.Null(error);
        var sent = await db.Replies.IgnoreQueryFilters().AsNoTracking().SingleAsync(r => r.Id == reply!.Id);
        Assert.Equal(ReplyStatus.Sent, sent.Status);
        // Each test's database numbers replies from 1, so the Message-ID may repeat across tests: take the newest mail.
        var received = servers.Received();
        Assert.Equal(before + 1, received.Count);
        var mail = received[^1];
        Assert.Equal(sent.ExternalId, mail.MessageId);
        Assert.Equal("The form is attached.", mail.TextBody?.Trim());
        var part = Assert.IsType<MimeKit.MimePart>(Assert.Single(mail.Attachments));
        Assert.Equal(("image/png", "image-1.png", "The claim form"), (part.ContentType.MimeType, part.FileName, part.ContentDescription));
        using var bytes = new MemoryStream();
        part.Content!.DecodeTo(bytes);
        Assert.Equal(png, bytes.ToArray());
    }

    [Fact]
    public async Task Poll_ServerDownThenBack_RecordsTheErrorThenRecoversEveryMessageOnce()
    {
        await using var db = database.CreateContext();
        var (source, mailbox) = await NewMailboxSourceAsync(db);
        await servers.AppendAsync(mailbox, MailServers.Mail("lee@customer.test", "Lost booking", "My booking reference vanished from the app.", "d1@customer.test"));
        await PollAndDrainAsync(db);
        await servers.AppendAsync(mailbox, MailServers.Mail("lee@customer.test", "Re: Lost booking", "Please call me back about the booking.", "d2@customer.test"));

        await servers.StopDovecotAsync();
        try
        {
            _harness.Time.Advance(TimeSpan.FromMinutes(2));
            await Poller().RunOnceAsync(db, default);
            var failing = await db.Sources.IgnoreQueryFilters().AsNoTracking().SingleAsync(s => s.Id == source.Id);
            Assert.Equal(SourceStatus.Failing, failing.Status);
            Assert.Contains("IMAP 127.0.0.1", failing.LastError);
        }
        finally
        {
            await servers.StartDovecotAsync();
        }
        _harness.Time.Advance(SourcePoller.Backoff(1));
        await PollAndDrainAsync(db);

        var ids = await db.Posts.IgnoreQueryFilters().AsNoTracking().Where(p => p.SourceId == source.Id).Select(p => p.ExternalId).ToListAsync();
        Assert.Equal(["d1@customer.test", "d2@customer.test"], ids.Order());
        var recovered = await db.Sources.IgnoreQueryFilters().AsNoTracking().SingleAsync(s => s.Id == source.Id);
        Assert.Equal(SourceStatus.Active, recovered.Status);
        Assert.Equal(0, recovered.ConsecutiveFailures);
    }
}
