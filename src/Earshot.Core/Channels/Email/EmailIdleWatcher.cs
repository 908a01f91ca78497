using MailKit;
using MailKit.Net.Imap;

namespace Earshot.Core.Channels.Email;

/// <summary>
/// Holds an IMAP IDLE on a mailbox and returns as soon as the server says mail arrived, so the source can be
/// polled at once instead of at its next interval. Reading stays with the poller (cursor, lease, one node).
/// </summary>
public sealed class EmailIdleWatcher(SourceCredentials? credentials = null)
{
    /// <summary>RFC 2177 asks clients to renew IDLE within 29 minutes; servers and NATs often drop it sooner.</summary>
    public static readonly TimeSpan Renew = TimeSpan.FromMinutes(9);

    /// <summary>
    /// True when new mail arrived; false when the IDLE was renewed or cancelled with nothing new; null when the
    /// server cannot IDLE (polling alone then). Throws on connection and sign-in errors.
    /// </summary>
    public async Task<bool?> WaitForMailAsync(Source source, CancellationToken ct)
    {
        // Secrets are stored encrypted; they are revealed in memory only, for this connection.
        var settings = EmailSettings.Read(credentials is null ? source : credentials.Reveal(source));
        using var client = new ImapClient { Timeout = 30_000 };
        await client.ConnectAsync(settings.ImapHost, settings.ImapPort, settings.ImapSecurity, ct);
        await client.AuthenticateAsync(settings.Username, settings.Password, ct);
        if (!client.Capabilities.HasFlag(ImapCapabilities.Idle))
        {
            await client.DisconnectAsync(quit: true, ct);
            return null;
        }
        var folder = await client.GetFolderAsync(settings.Mailbox, ct);
        await folder.OpenAsync(FolderAccess.ReadOnly, ct);
        var known = folder.Count;
        using var arrived = new CancellationTokenSource();
        using var renew = new CancellationTokenSource(Renew);
        using var done = CancellationTokenSource.CreateLinkedTokenSource(arrived.Token, renew.Token, ct);
        folder.CountChanged += (_, _) =>
        {
            if (folder.Count > known)
            {
                arrived.Cancel();
            }
        };
        try
        {
            // The done token ends IDLE politely (DONE); ct aborts it.
            await client.IdleAsync(done.Token, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return false;
        }
        if (client.IsConnected)
        {
            await client.DisconnectAsync(quit: true, CancellationToken.None);
        }
        return arrived.IsCancellationRequested;
    }
}
