using Earshot.Core.Channels;
using Earshot.Core.Channels.Email;
using Earshot.Core.Channels.Polling;
using Earshot.Core.Replies;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace Earshot.Tests.Channels.Email;

/// <summary>The e-mail connector against a real Dovecot (IMAP) and a real SMTP server on loopback.</summary>
public sealed class EmailConnectorTests(MailServers servers) : IClassFixture<MailServers>
{
    readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    EmailConnector Connector() => new(_time, NullLogger<EmailConnector>.Instance);

    Source Mailbox(string mailbox, int? imapPort = null) => new()
    {
        Id = 7,
        Platform = "email",
        Name = "Care mailbox",
        Connector = EmailConnector.ConnectorName,
        CreatedAt = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc),
        Settings = $$"""
            {"address":"{{MailServers.User}}","from_name":"Acme Care","imap_host":"127.0.0.1","imap_port":{{imapPort ?? servers.ImapPort}},
             "imap_security":"none","username":"{{MailServers.User}}","password":"{{MailServers.Password}}","mailbox":"{{mailbox}}",
             "smtp_host":"127.0.0.1","smtp_port":{{servers.SmtpPort}},"smtp_security":"none"}
            """,
    };

    static string LongBody(string first) => first + "\n\n" + string.Join("\n", Enumerable.Range(1, 60).Select(i => $"Detail line {i} about the booking and the lost bag."));

    [Fact]
    public async Task PollAsync_NewMail_ReadsPrivatePostsWithThreadingHeaders()
    {
        var mailbox = await servers.NewMailboxAsync();
        await servers.AppendAsync(mailbox, MailServers.Mail("Jo Doe <jo@customer.test>", "Lost bag on AC123", "My bag never arrived.\n\nJo", "first@customer.test"));
        var html = MailServers.Mail("jo@customer.test", "Re: Lost bag on AC123", "", "second@customer.test", "first@customer.test", "first@customer.test");
        html.Body = new TextPart("html") { Text = "<p>Still <b>nothing</b> &amp; no answer.</p><p>Jo</p>" };
        await servers.AppendAsync(mailbox, html);

        var result = await Connector().PollAsync(Mailbox(mailbox), null, default);

        Assert.Equal(["first@customer.test", "second@customer.test"], result.Posts.Select(p => p.Id));
        var first = result.Posts[0];
        Assert.Equal("Lost bag on AC123\n\nMy bag never arrived.\n\nJo", first.Text);
        Assert.Equal("jo@customer.test", first.Author?.Handle);
        Assert.Equal("Jo Doe", first.Author?.Name);
        Assert.Equal("email", first.Platform);
        Assert.True(first.Private);
        Assert.Null(first.InReplyTo);
        var second = result.Posts[1];
        Assert.Equal("Re: Lost bag on AC123\n\nStill nothing & no answer.\nJo", second.Text);
        Assert.Equal("first@customer.test", second.InReplyTo);
        Assert.Equal(["first@customer.test"], second.References);
        var cursor = EmailCursor.Parse(result.NewCursor)!;
        Assert.Equal(2u, cursor.LastUid);
        Assert.NotEqual(0u, cursor.UidValidity);
    }

    [Fact]
    public async Task PollAsync_FromCursor_ReadsOnlyNewerMail()
    {
        var mailbox = await servers.NewMailboxAsync();
        await servers.AppendAsync(mailbox, MailServers.Mail("a@customer.test", "One", "first message body", "m1@customer.test"));
        var first = await Connector().PollAsync(Mailbox(mailbox), null, default);
        await servers.AppendAsync(mailbox, MailServers.Mail("b@customer.test", "Two", "second message body", "m2@customer.test"));

        var second = await Connector().PollAsync(Mailbox(mailbox), first.NewCursor, default);
        var third = await Connector().PollAsync(Mailbox(mailbox), second.NewCursor, default);

        Assert.Equal(["m1@customer.test"], first.Posts.Select(p => p.Id));
        Assert.Equal(["m2@customer.test"], second.Posts.Select(p => p.Id));
        Assert.Empty(third.Posts);
        Assert.Equal(second.NewCursor, third.NewCursor);
    }

    [Fact]
    public async Task PollAsync_UidValidityChanged_ReadsTheMailboxAgain()
    {
        var mailbox = await servers.NewMailboxAsync();
        await servers.AppendAsync(mailbox, MailServers.Mail("a@customer.test", "One", "first message body", "v1@customer.test"));
        await servers.AppendAsync(mailbox, MailServers.Mail("a@customer.test", "Two", "second message body", "v2@customer.test"));
        var before = await Connector().PollAsync(Mailbox(mailbox), null, default);
        await servers.RecreateMailboxAsync(mailbox);
        await servers.AppendAsync(mailbox, MailServers.Mail("c@customer.test", "Three", "third message body", "v3@customer.test"));

        var after = await Connector().PollAsync(Mailbox(mailbox), before.NewCursor, default);

        // The new mailbox numbers from 1 again: with the old cursor (UID 2) the new message would have been missed.
        Assert.Equal(["v3@customer.test"], after.Posts.Select(p => p.Id));
        Assert.NotEqual(EmailCursor.Parse(before.NewCursor)!.UidValidity, EmailCursor.Parse(after.NewCursor)!.UidValidity);
        Assert.Equal(1u, EmailCursor.Parse(after.NewCursor)!.LastUid);
    }

    [Fact]
    public async Task PollAsync_ConnectionDroppedMidFetch_KeepsWholeMessagesAndNextPollGoesOn()
    {
        var mailbox = await servers.NewMailboxAsync();
        for (var i = 1; i <= 3; i++)
        {
            await servers.AppendAsync(mailbox, MailServers.Mail("jo@customer.test", $"Message {i}", LongBody($"Part {i}"), $"drop{i}@customer.test"));
        }
        await using var proxy = DroppingProxy.Start(servers.ImapPort);
        proxy.DropDuringFetch = 2;

        var cut = await Connector().PollAsync(Mailbox(mailbox, proxy.Port), null, default);
        proxy.DropDuringFetch = 0;
        var next = await Connector().PollAsync(Mailbox(mailbox, proxy.Port), cut.NewCursor, default);

        Assert.Equal(["drop1@customer.test"], cut.Posts.Select(p => p.Id));
        Assert.Equal(1u, EmailCursor.Parse(cut.NewCursor)!.LastUid);
        Assert.Equal(["drop2@customer.test", "drop3@customer.test"], next.Posts.Select(p => p.Id));
        Assert.Equal(3u, EmailCursor.Parse(next.NewCursor)!.LastUid);
    }

    [Fact]
    public async Task PollAsync_ConnectionDroppedOnFirstFetch_FailsWithoutMovingOn()
    {
        var mailbox = await servers.NewMailboxAsync();
        await servers.AppendAsync(mailbox, MailServers.Mail("jo@customer.test", "Only", LongBody("Only part"), "only@customer.test"));
        await using var proxy = DroppingProxy.Start(servers.ImapPort);
        proxy.DropDuringFetch = 1;

        var error = await Assert.ThrowsAsync<PollFailedException>(() => Connector().PollAsync(Mailbox(mailbox, proxy.Port), null, default));

        Assert.Contains("IMAP 127.0.0.1", error.Message);
    }

    [Fact]
    public async Task PollAsync_WrongPassword_FailsWithTheServersMessage()
    {
        var mailbox = await servers.NewMailboxAsync();
        var source = Mailbox(mailbox);
        source.Settings = source.Settings.Replace(MailServers.Password, "wrong");

        var error = await Assert.ThrowsAsync<PollFailedException>(() => Connector().PollAsync(source, null, default));

        Assert.Contains("IMAP 127.0.0.1", error.Message);
    }

    [Fact]
    public async Task PollAsync_OwnAndAutomaticMail_IsNotACustomerPost()
    {
        var mailbox = await servers.NewMailboxAsync();
        await servers.AppendAsync(mailbox, MailServers.Mail(MailServers.User, "Re: hello", "our own copy", "own@acme.test"));
        var auto = MailServers.Mail("jo@customer.test", "Out of office", "I am away", "ooo@customer.test");
        auto.Headers.Add("Auto-Submitted", "auto-replied");
        await servers.AppendAsync(mailbox, auto);
        await servers.AppendAsync(mailbox, MailServers.Mail("jo@customer.test", "Hello", "a real question about my booking", "real@customer.test"));

        var result = await Connector().PollAsync(Mailbox(mailbox), null, default);

        Assert.Equal(["real@customer.test"], result.Posts.Select(p => p.Id));
        Assert.Equal(3u, EmailCursor.Parse(result.NewCursor)!.LastUid);
    }

    [Fact]
    public async Task SendAsync_Reply_SmtpServerReceivesItThreadedUnderTheCustomersMessage()
    {
        var before = servers.Received().Count;
        var message = new OutboundMessage(Mailbox("INBOX"), 41, "Sorry Jo, we found your bag.", ReplyVisibility.Private,
            "first@customer.test", "jo@customer.test", "Lost bag on AC123");

        var result = await Connector().SendAsync(message, default);

        Assert.True(result.Sent, result.Error);
        var received = servers.Received();
        Assert.Equal(before + 1, received.Count);
        var mail = received[^1];
        Assert.Equal(MailServers.User, mail.From.Mailboxes.Single().Address);
        Assert.Equal("Acme Care", mail.From.Mailboxes.Single().Name);
        Assert.Equal("jo@customer.test", mail.To.Mailboxes.Single().Address);
        Assert.Equal("Re: Lost bag on AC123", mail.Subject);
        Assert.Equal("first@customer.test", mail.InReplyTo);
        Assert.Equal(["first@customer.test"], mail.References);
        Assert.Equal(result.ExternalId, mail.MessageId);
        Assert.Equal("Sorry Jo, we found your bag.", mail.TextBody?.Trim());
    }

    [Fact]
    public async Task SendAsync_SubjectAlreadyAReply_IsNotPrefixedTwice()
    {
        var message = new OutboundMessage(Mailbox("INBOX"), 42, "On its way.", ReplyVisibility.Public, "x@customer.test", "jo@customer.test", "RE: Lost bag");

        var result = await Connector().SendAsync(message, default);

        Assert.True(result.Sent, result.Error);
        Assert.Equal("RE: Lost bag", servers.Received().Single(m => m.MessageId == result.ExternalId).Subject);
    }

    [Fact]
    public async Task SendAsync_SmtpServerDown_FailsRetryable()
    {
        var source = Mailbox("INBOX");
        source.Settings = source.Settings.Replace($"\"smtp_port\":{servers.SmtpPort}", $"\"smtp_port\":{MailServers.FreePort()}");

        var result = await Connector().SendAsync(new OutboundMessage(source, 43, "Hi", ReplyVisibility.Private, null, "jo@customer.test", "Hello"), default);

        Assert.False(result.Sent);
        Assert.True(result.Retryable);
        Assert.Contains("SMTP 127.0.0.1", result.Error);
    }

    [Fact]
    public async Task SendAsync_RecipientNotAnAddress_FailsForGood()
    {
        var result = await Connector().SendAsync(new OutboundMessage(Mailbox("INBOX"), 44, "Hi", ReplyVisibility.Private, null, "@jo", "Hello"), default);

        Assert.False(result.Sent);
        Assert.False(result.Retryable);
    }

    [Fact]
    public async Task IdleWatcher_MailArrives_ReturnsAtOnce()
    {
        var mailbox = await servers.NewMailboxAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var watching = new EmailIdleWatcher().WaitForMailAsync(Mailbox(mailbox), timeout.Token);

        // The watcher counts what is there when its IDLE starts: keep delivering until it reports one.
        var sent = 0;
        while (!watching.IsCompleted && !timeout.IsCancellationRequested)
        {
            await servers.AppendAsync(mailbox, MailServers.Mail("jo@customer.test", $"Idle {sent}", "new mail while idling", $"idle{sent++}@customer.test"));
            await Task.WhenAny(watching, Task.Delay(500));
        }

        Assert.True(await watching);
        Assert.False(timeout.IsCancellationRequested);
    }

    [Fact]
    public async Task IdleWatcher_Cancelled_ReturnsNoMail()
    {
        var mailbox = await servers.NewMailboxAsync();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(2));

        var arrived = await new EmailIdleWatcher().WaitForMailAsync(Mailbox(mailbox), cancel.Token);

        Assert.False(arrived);
    }
}
