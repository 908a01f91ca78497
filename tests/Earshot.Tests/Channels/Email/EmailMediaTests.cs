using Earshot.Core.Channels;
using Earshot.Core.Channels.Email;
using Earshot.Core.Replies;
using Earshot.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace Earshot.Tests.Channels.Email;

/// <summary>Images in e-mail replies: MIME attachments of the SMTP message, received by a real SMTP server, within a total size.</summary>
public sealed class EmailMediaTests(MailServers servers) : IClassFixture<MailServers>, IAsyncLifetime
{
    readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
    LocalHttpServer _files = null!;

    public async Task InitializeAsync()
    {
        _files = await LocalHttpServer.StartAsync();
        _files.Handler = async context =>
        {
            if (context.Request.Path == "/files/photo.jpg")
            {
                context.Response.ContentType = "image/jpeg";
                await context.Response.Body.WriteAsync(MediaFixtures.Jpeg(2048));
                return;
            }
            context.Response.StatusCode = 404;
        };
    }

    public async Task DisposeAsync() => await _files.DisposeAsync();

    EmailConnector Connector() => new(_time, NullLogger<EmailConnector>.Instance);

    Source Mailbox(string extra = "") => new()
    {
        Id = 8,
        Platform = "email",
        Name = "Care mailbox",
        Connector = EmailConnector.ConnectorName,
        CreatedAt = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc),
        Settings = $$"""
            {"address":"{{MailServers.User}}","from_name":"Acme Care","imap_host":"127.0.0.1","imap_port":{{servers.ImapPort}},
             "imap_security":"none","username":"{{MailServers.User}}","password":"{{MailServers.Password}}",
             "smtp_host":"127.0.0.1","smtp_port":{{servers.SmtpPort}},"smtp_security":"none"{{extra}}}
            """,
    };

    OutboundMessage Message(long replyId, Source source, params OutboundMedia[] media) =>
        new(source, replyId, "Here is the claim form.", ReplyVisibility.Private, "first@customer.test", "jo@customer.test", "Lost bag", media);

    static byte[] Bytes(MimePart part)
    {
        using var copy = new MemoryStream();
        part.Content!.DecodeTo(copy);
        return copy.ToArray();
    }

    [Fact]
    public async Task SendAsync_WithImages_TheReceivedMailCarriesThemAsAttachmentsWithTheirBytesAndTypes()
    {
        var png = MediaFixtures.Png(5000);

        var result = await Connector().SendAsync(Message(51, Mailbox(),
            new OutboundMedia("image/png", png, Description: "Claim form, step 1"),
            new OutboundMedia(Url: new Uri(_files.BaseAddress, "files/photo.jpg").ToString())), default);

        Assert.True(result.Sent, result.Error);
        var mail = servers.Received().Single(m => m.MessageId == result.ExternalId);
        Assert.Equal("Here is the claim form.", mail.TextBody?.Trim());
        Assert.Equal("Re: Lost bag", mail.Subject);
        var attachments = mail.Attachments.OfType<MimePart>().ToList();
        Assert.Equal(2, attachments.Count);
        Assert.Equal(("image/png", "image-1.png", "Claim form, step 1"), (attachments[0].ContentType.MimeType, attachments[0].FileName, attachments[0].ContentDescription));
        Assert.Equal(png, Bytes(attachments[0]));
        Assert.Equal(("image/jpeg", "image-2.jpg"), (attachments[1].ContentType.MimeType, attachments[1].FileName));
        Assert.Null(attachments[1].ContentDescription);
        Assert.Equal(MediaFixtures.Jpeg(2048), Bytes(attachments[1]));
        Assert.True(attachments.All(a => a.IsAttachment));
    }

    [Fact]
    public async Task SendAsync_AttachmentsOverTheTotal_FailsNamingTheLimitAndSendsNothing()
    {
        var before = servers.Received().Count;

        var result = await Connector().SendAsync(Message(52, Mailbox(""","max_attachment_bytes":1000"""),
            new OutboundMedia("image/png", MediaFixtures.Png(600)),
            new OutboundMedia("image/jpeg", MediaFixtures.Jpeg(600))), default);

        Assert.False(result.Sent);
        Assert.False(result.Retryable);
        Assert.Equal("The attachments are 1,200 bytes together; this mailbox sends at most 1,000 bytes of attachments per reply (max_attachment_bytes). "
                     + "Change the attachments and send again.", result.Error);
        Assert.Equal(before, servers.Received().Count);
    }

    [Fact]
    public async Task SendAsync_OneImageOverTheDefaultTenMegabytes_FailsBeforeSending()
    {
        var before = servers.Received().Count;

        var result = await Connector().SendAsync(Message(53, Mailbox(),
            new OutboundMedia("image/jpeg", MediaFixtures.Jpeg((int)EmailSettings.DefaultMaxAttachmentBytes + 1))), default);

        Assert.False(result.Sent);
        Assert.False(result.Retryable);
        Assert.Equal("The attachment is 10 MB (10,485,761 bytes); E-mail allows 10 MB (10,485,760 bytes) for image/jpeg. Change the attachments and send again.", result.Error);
        Assert.Equal(before, servers.Received().Count);
    }

    [Fact]
    public async Task SendAsync_NotAnImage_IsRefused()
    {
        var result = await Connector().SendAsync(Message(54, Mailbox(), new OutboundMedia("application/pdf", MediaFixtures.Pdf())), default);

        Assert.False(result.Sent);
        Assert.Equal("The attachment is application/pdf; E-mail replies take JPEG, PNG, GIF, WEBP. Change the attachments and send again.", result.Error);
    }

    [Fact]
    public async Task SendAsync_WithoutImages_StaysASinglePlainTextPart()
    {
        var result = await Connector().SendAsync(Message(55, Mailbox()), default);

        Assert.True(result.Sent, result.Error);
        var mail = servers.Received().Single(m => m.MessageId == result.ExternalId);
        var part = Assert.IsType<TextPart>(mail.Body);
        Assert.Equal("text/plain", part.ContentType.MimeType);
    }
}
