using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MailKit;
using MailKit.Net.Imap;
using MimeKit;

namespace Earshot.Tests.Channels.Email;

/// <summary>
/// Real mail servers on loopback for the e-mail tests: Dovecot (IMAP, from Debian's dovecot-imapd) with a
/// generated configuration in a temp folder, and aiosmtpd (python3-aiosmtpd) as an SMTP server that files what
/// it receives into a maildir. Missing packages fail the tests with what to install; they never skip.
/// </summary>
public sealed class MailServers : IAsyncLifetime
{
    public const string User = "care@acme.test";
    public const string Password = "secret-imap-password";
    const string DovecotBinary = "/usr/sbin/dovecot";
    const string Python = "/usr/bin/python3";

    readonly string _dir = Path.Combine(Path.GetTempPath(), $"earshot-mail-{Guid.NewGuid():N}");
    Process? _dovecot;
    Process? _smtp;

    public int ImapPort { get; private set; }
    public int SmtpPort { get; private set; }
    string SmtpDir => Path.Combine(_dir, "smtp");

    public async Task InitializeAsync()
    {
        if (!File.Exists(DovecotBinary))
        {
            throw new InvalidOperationException("The e-mail tests need Dovecot: apt-get install -y dovecot-imapd (./.ci/run installs it).");
        }
        Directory.CreateDirectory(_dir);
        Directory.CreateDirectory(Path.Combine(_dir, "run"));
        Directory.CreateDirectory(Path.Combine(_dir, "state"));
        Directory.CreateDirectory(Path.Combine(_dir, "mail"));
        foreach (var sub in new[] { "new", "cur", "tmp" })
        {
            Directory.CreateDirectory(Path.Combine(SmtpDir, sub));
        }
        ImapPort = FreePort();
        SmtpPort = FreePort();
        var root = Environment.UserName == "root";
        if (root)
        {
            // Dovecot's login processes run as dovenull and mail is accessed as nobody: both must reach the folders.
            await RunAsync("chmod", $"755 {_dir}");
            await RunAsync("chown", $"65534:65534 {Path.Combine(_dir, "mail")}");
        }
        await File.WriteAllTextAsync(Path.Combine(_dir, "users"), $"{User}:{{PLAIN}}{Password}\n");
        await File.WriteAllTextAsync(Path.Combine(_dir, "dovecot.conf"), DovecotConfig(root));
        await StartDovecotAsync();
        await StartSmtpAsync();
    }

    string DovecotConfig(bool root)
    {
        var mailUser = root ? "uid=65534 gid=65534" : $"uid={Id("-u")} gid={Id("-g")}";
        var unprivileged = root ? "" : $"default_internal_user = {Environment.UserName}\ndefault_login_user = {Environment.UserName}\n";
        return $$"""
            base_dir = {{_dir}}/run
            state_dir = {{_dir}}/state
            log_path = {{_dir}}/dovecot.log
            protocols = imap
            listen = 127.0.0.1
            ssl = no
            disable_plaintext_auth = no
            auth_mechanisms = plain login
            mail_location = maildir:{{_dir}}/mail/%u
            mailbox_idle_check_interval = 1 secs
            first_valid_uid = 1
            {{unprivileged}}
            passdb {
              driver = passwd-file
              args = scheme=PLAIN username_format=%u {{_dir}}/users
            }
            userdb {
              driver = static
              args = {{mailUser}} home={{_dir}}/mail/%u
            }
            service imap-login {
              inet_listener imap {
                address = 127.0.0.1
                port = {{ImapPort}}
              }
              inet_listener imaps {
                port = 0
              }
            }
            """;
    }

    public async Task StartDovecotAsync()
    {
        _dovecot = Start(DovecotBinary, $"-F -c {_dir}/dovecot.conf");
        await WaitForGreetingAsync(ImapPort, "* OK", _dovecot, "dovecot.log");
    }

    /// <summary>Kills Dovecot at once (every process of it), as a crash or a network cut would.</summary>
    public async Task StopDovecotAsync()
    {
        if (_dovecot is { HasExited: false })
        {
            _dovecot.Kill(entireProcessTree: true);
            await _dovecot.WaitForExitAsync();
        }
        _dovecot = null;
        // Its children may hold the port for a moment.
        var until = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < until && CanConnect(ImapPort))
        {
            await Task.Delay(50);
        }
    }

    async Task StartSmtpAsync()
    {
        if (!File.Exists(Python))
        {
            throw new InvalidOperationException("The e-mail tests need python3 with aiosmtpd: apt-get install -y python3-aiosmtpd.");
        }
        _smtp = Start(Python, $"-m aiosmtpd -n -l 127.0.0.1:{SmtpPort} -c aiosmtpd.handlers.Mailbox {SmtpDir}");
        await WaitForGreetingAsync(SmtpPort, "220", _smtp, null);
    }

    /// <summary>The messages the SMTP server has received so far, oldest first.</summary>
    public IReadOnlyList<MimeMessage> Received() =>
        [.. Directory.GetFiles(Path.Combine(SmtpDir, "new")).Select(f => (File: f, Time: File.GetLastWriteTimeUtc(f)))
            .OrderBy(f => f.Time).ThenBy(f => f.File, StringComparer.Ordinal)
            .Select(f => MimeMessage.Load(f.File))];

    /// <summary>A fresh folder for one test, so tests sharing the servers do not see each other's mail.</summary>
    public async Task<string> NewMailboxAsync()
    {
        var name = $"t{Guid.NewGuid():N}"[..12];
        using var client = await ConnectAsync();
        await client.GetFolder(client.PersonalNamespaces[0]).CreateAsync(name, isMessageFolder: true);
        await client.DisconnectAsync(true);
        return name;
    }

    /// <summary>Deletes and recreates the folder: the server gives it a new UIDVALIDITY and numbers from 1 again.</summary>
    public async Task RecreateMailboxAsync(string mailbox)
    {
        using var client = await ConnectAsync();
        var folder = await client.GetFolderAsync(mailbox);
        await folder.DeleteAsync();
        await client.GetFolder(client.PersonalNamespaces[0]).CreateAsync(mailbox, isMessageFolder: true);
        await client.DisconnectAsync(true);
    }

    /// <summary>Delivers mail the way a mail client files it: IMAP APPEND.</summary>
    public async Task<uint> AppendAsync(string mailbox, MimeMessage message)
    {
        using var client = await ConnectAsync();
        var folder = await client.GetFolderAsync(mailbox);
        var uid = await folder.AppendAsync(message, MessageFlags.None);
        await client.DisconnectAsync(true);
        return uid?.Id ?? 0;
    }

    async Task<ImapClient> ConnectAsync()
    {
        var client = new ImapClient();
        await client.ConnectAsync("127.0.0.1", ImapPort, MailKit.Security.SecureSocketOptions.None);
        await client.AuthenticateAsync(User, Password);
        return client;
    }

    public static MimeMessage Mail(string from, string subject, string body, string? messageId = null, string? inReplyTo = null, params string[] references)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(User));
        message.Subject = subject;
        message.MessageId = messageId ?? MimeKit.Utils.MimeUtils.GenerateMessageId("customer.test");
        message.Date = new DateTimeOffset(2026, 11, 23, 11, 0, 0, TimeSpan.Zero);
        if (inReplyTo is not null)
        {
            message.InReplyTo = inReplyTo;
        }
        foreach (var reference in references)
        {
            message.References.Add(reference);
        }
        message.Body = new TextPart("plain") { Text = body };
        return message;
    }

    public async Task DisposeAsync()
    {
        foreach (var process in new[] { _dovecot, _smtp })
        {
            if (process is { HasExited: false })
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
            process?.Dispose();
        }
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    static Process Start(string file, string arguments)
    {
        var info = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {file}.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    async Task WaitForGreetingAsync(int port, string greeting, Process process, string? log)
    {
        var until = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < until)
        {
            if (process.HasExited)
            {
                var detail = log is not null && File.Exists(Path.Combine(_dir, log)) ? await File.ReadAllTextAsync(Path.Combine(_dir, log)) : "";
                throw new InvalidOperationException($"{process.StartInfo.FileName} exited with {process.ExitCode} at start. {detail}");
            }
            try
            {
                using var tcp = new TcpClient();
                await tcp.ConnectAsync(IPAddress.Loopback, port);
                var buffer = new byte[256];
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                var n = await tcp.GetStream().ReadAsync(buffer, cts.Token);
                if (Encoding.ASCII.GetString(buffer, 0, n).StartsWith(greeting, StringComparison.Ordinal))
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException)
            {
            }
            await Task.Delay(100);
        }
        throw new InvalidOperationException($"{process.StartInfo.FileName} did not answer on 127.0.0.1:{port} within 20 s.");
    }

    static bool CanConnect(int port)
    {
        try
        {
            using var tcp = new TcpClient();
            tcp.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    static async Task RunAsync(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { UseShellExecute = false })!;
        await process.WaitForExitAsync();
    }

    static string Id(string flag)
    {
        using var process = Process.Start(new ProcessStartInfo("id", flag) { RedirectStandardOutput = true, UseShellExecute = false })!;
        var output = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return output;
    }
}
