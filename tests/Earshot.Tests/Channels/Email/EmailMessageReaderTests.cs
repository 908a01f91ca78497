using Earshot.Core.Channels.Email;
using MimeKit;

namespace Earshot.Tests.Channels.Email;

public sealed class EmailMessageReaderTests
{
    static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void NewPart_QuotedHistoryAndSignature_AreCut()
    {
        var body = "Still no refund.\r\nPlease hurry.\r\n\r\nOn Mon, 23 Nov 2026 at 10:00, Acme Care <care@acme.test> wrote:\r\n> We are looking into it.\r\n> Acme";
        var signed = "Thanks\n> quoted inline\nJo\n-- \nJo Doe, 555-1234";

        Assert.Equal("Still no refund.\nPlease hurry.", EmailMessageReader.NewPart(body));
        Assert.Equal("Thanks\nJo", EmailMessageReader.NewPart(signed));
    }

    [Fact]
    public void Read_NoMessageId_UsesTheFallbackAndFutureDateBecomesNow()
    {
        var message = MailServers.Mail("jo@customer.test", "Hello", "Where is my bag?");
        message.Headers.Remove(HeaderId.MessageId);
        message.Date = Now.AddDays(3);

        var post = EmailMessageReader.Read(message, "care@acme.test", "imap-1-7@host", Now)!;

        Assert.Equal("imap-1-7@host", post.Id);
        Assert.Equal(Now, post.CreatedAt);
    }

    [Theory]
    [InlineData("Auto-Submitted", "auto-generated")]
    [InlineData("Precedence", "bulk")]
    [InlineData("X-Autoreply", "yes")]
    public void Read_AutomaticMail_IsSkipped(string header, string value)
    {
        var message = MailServers.Mail("jo@customer.test", "Away", "I am on holiday");
        message.Headers.Add(header, value);

        Assert.Null(EmailMessageReader.Read(message, "care@acme.test", "x", Now));
    }

    [Fact]
    public void Read_AutoSubmittedNo_IsACustomer()
    {
        var message = MailServers.Mail("jo@customer.test", "Hi", "a real message");
        message.Headers.Add("Auto-Submitted", "no");

        Assert.NotNull(EmailMessageReader.Read(message, "care@acme.test", "x", Now));
    }
}
