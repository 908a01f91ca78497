using Earshot.Core.Channels.Polling;
using MailKit.Security;

namespace Earshot.Core.Channels.Email;

/// <summary>The settings keys of an e-mail source (documented in docs/channels.md), read and checked once per use.</summary>
public sealed record EmailSettings(
    string Address,
    string? FromName,
    string ImapHost,
    int ImapPort,
    SecureSocketOptions ImapSecurity,
    string Username,
    string Password,
    string Mailbox,
    string? SmtpHost,
    int SmtpPort,
    SecureSocketOptions SmtpSecurity,
    string? SmtpUsername,
    string? SmtpPassword,
    int BacklogDays,
    long MaxAttachmentBytes = EmailSettings.DefaultMaxAttachmentBytes)
{
    /// <summary>10 MB of attachments per reply: well inside what common mail servers accept once Base64 adds its third.</summary>
    public const long DefaultMaxAttachmentBytes = 10 * 1024 * 1024;
    public const string MaxAttachmentBytesSetting = "max_attachment_bytes";
    public const string AddressSetting = "address";
    public const string FromNameSetting = "from_name";
    public const string ImapHostSetting = "imap_host";
    public const string ImapPortSetting = "imap_port";
    public const string ImapSecuritySetting = "imap_security";
    public const string UsernameSetting = "username";
    public const string PasswordSetting = "password";
    public const string MailboxSetting = "mailbox";
    public const string SmtpHostSetting = "smtp_host";
    public const string SmtpPortSetting = "smtp_port";
    public const string SmtpSecuritySetting = "smtp_security";
    public const string SmtpUsernameSetting = "smtp_username";
    public const string SmtpPasswordSetting = "smtp_password";
    public const string BacklogDaysSetting = "backlog_days";

    public static EmailSettings Read(Source source)
    {
        var imapSecurity = Security(source, ImapSecuritySetting);
        var smtpSecurity = Security(source, SmtpSecuritySetting);
        var username = SourceSettings.Required(source, UsernameSetting);
        var password = SourceSettings.Required(source, PasswordSetting);
        return new EmailSettings(
            Address: SourceSettings.String(source, AddressSetting) is { Length: > 0 } address ? address.Trim() : username,
            FromName: SourceSettings.String(source, FromNameSetting),
            ImapHost: SourceSettings.Required(source, ImapHostSetting),
            ImapPort: Port(source, ImapPortSetting, imapSecurity == SecureSocketOptions.SslOnConnect ? 993 : 143),
            ImapSecurity: imapSecurity,
            Username: username,
            Password: password,
            Mailbox: SourceSettings.String(source, MailboxSetting) is { Length: > 0 } mailbox ? mailbox : "INBOX",
            SmtpHost: SourceSettings.String(source, SmtpHostSetting),
            SmtpPort: Port(source, SmtpPortSetting, smtpSecurity == SecureSocketOptions.SslOnConnect ? 465 : 587),
            SmtpSecurity: smtpSecurity,
            SmtpUsername: SourceSettings.String(source, SmtpUsernameSetting) ?? username,
            SmtpPassword: SourceSettings.String(source, SmtpPasswordSetting) ?? password,
            BacklogDays: (int)Math.Clamp(SourceSettings.Number(source, BacklogDaysSetting) ?? 7, 0, 3650),
            MaxAttachmentBytes: SourceSettings.Number(source, MaxAttachmentBytesSetting) is { } max && max > 0 ? max : DefaultMaxAttachmentBytes);
    }

    static int Port(Source source, string key, int fallback) =>
        SourceSettings.Number(source, key) switch
        {
            null => fallback,
            var p when p is > 0 and < 65536 => (int)p.Value,
            var p => throw new PollFailedException($"Source '{source.Name}': {key} {p} is not a port (1-65535)."),
        };

    /// <summary>ssl (TLS from the first byte), starttls, auto (the default: by port and what the server offers), none.</summary>
    static SecureSocketOptions Security(Source source, string key) =>
        SourceSettings.String(source, key)?.Trim().ToLowerInvariant() switch
        {
            null or "" or "auto" => SecureSocketOptions.Auto,
            "ssl" or "tls" => SecureSocketOptions.SslOnConnect,
            "starttls" => SecureSocketOptions.StartTls,
            "none" => SecureSocketOptions.None,
            var other => throw new PollFailedException($"Source '{source.Name}': {key} '{other}' is not one of ssl, starttls, auto, none."),
        };
}
