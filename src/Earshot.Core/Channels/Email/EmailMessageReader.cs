using System.Text;
using System.Text.RegularExpressions;
using Earshot.Core.Ingestion;
using MimeKit;

namespace Earshot.Core.Channels.Email;

/// <summary>
/// Turns a received e-mail into a post: the Message-ID is its id, In-Reply-To and References thread it, the
/// subject and the new part of the body (plain text preferred, HTML converted, quoted history cut) are its text.
/// </summary>
public static partial class EmailMessageReader
{
    /// <summary>The post for <paramref name="message"/>, or null when it is not a customer's mail (our own, an auto-reply).</summary>
    public static PostDocument? Read(MimeMessage message, string mailboxAddress, string fallbackId, DateTimeOffset now)
    {
        var from = message.From.Mailboxes.FirstOrDefault() ?? message.Sender;
        if (from is null || string.IsNullOrWhiteSpace(from.Address))
        {
            return null;
        }
        if (string.Equals(from.Address, mailboxAddress, StringComparison.OrdinalIgnoreCase) || IsAutomatic(message))
        {
            return null;
        }
        var subject = (message.Subject ?? "").Trim();
        var body = NewPart(BodyText(message));
        var text = subject.Length == 0 ? body : body.Length == 0 ? subject : $"{subject}\n\n{body}";
        if (text.Length == 0)
        {
            text = "(empty message)";
        }
        var date = message.Date == DateTimeOffset.MinValue || message.Date > now ? now : message.Date;
        return new PostDocument
        {
            Id = string.IsNullOrWhiteSpace(message.MessageId) ? fallbackId : message.MessageId.Trim(),
            Platform = "email",
            Text = text.Length > PostNormalizer.MaxTextLength ? text[..PostNormalizer.MaxTextLength] : text,
            Author = new PostAuthor { Handle = from.Address.Trim(), Name = string.IsNullOrWhiteSpace(from.Name) ? null : from.Name.Trim() },
            CreatedAt = date.ToUniversalTime(),
            InReplyTo = string.IsNullOrWhiteSpace(message.InReplyTo) ? null : message.InReplyTo.Trim(),
            References = message.References.Count == 0 ? null : [.. message.References],
            Private = true,
        };
    }

    static string BodyText(MimeMessage message)
    {
        if (message.TextBody is { } plain && !string.IsNullOrWhiteSpace(plain))
        {
            return plain;
        }
        return message.HtmlBody is { } html ? HtmlText.ToText(html) : "";
    }

    /// <summary>What the customer wrote this time: quoted lines, the "On ... wrote:" header and the signature go.</summary>
    internal static string NewPart(string body)
    {
        var sb = new StringBuilder(body.Length);
        foreach (var raw in body.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = raw.TrimEnd();
            if (line == "--" || line == "-- " || QuoteHeader().IsMatch(line) || line.StartsWith("-----Original Message-----", StringComparison.OrdinalIgnoreCase))
            {
                break;
            }
            if (line.StartsWith('>'))
            {
                continue;
            }
            sb.Append(line).Append('\n');
        }
        return BlankLines().Replace(sb.ToString(), "\n\n").Trim();
    }

    /// <summary>Out-of-office notices, bounces and list traffic are not customers writing (RFC 3834, RFC 2076).</summary>
    static bool IsAutomatic(MimeMessage message)
    {
        var auto = message.Headers["Auto-Submitted"];
        if (!string.IsNullOrEmpty(auto) && !auto.Trim().Equals("no", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        var precedence = message.Headers["Precedence"]?.Trim().ToLowerInvariant();
        return precedence is "bulk" or "junk" or "list" || message.Headers.Contains("X-Autoreply");
    }

    [GeneratedRegex(@"^On .{1,200}wrote:\s*$|^Le .{1,200}a écrit\s*:\s*$|^Am .{1,200}schrieb .{0,100}:\s*$|^El .{1,200}escribió:\s*$")]
    private static partial Regex QuoteHeader();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex BlankLines();
}
