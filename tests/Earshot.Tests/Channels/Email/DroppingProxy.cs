using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Earshot.Tests.Channels.Email;

/// <summary>
/// A TCP relay between the connector and the IMAP server that can cut the connection in the middle of the
/// answer to the n-th <c>UID FETCH</c>: half of the server's next chunk goes through, then both sockets close.
/// </summary>
public sealed class DroppingProxy : IAsyncDisposable
{
    readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    readonly int _upstreamPort;
    readonly CancellationTokenSource _stop = new();
    int _fetches;
    volatile bool _armed;

    DroppingProxy(int upstreamPort) => _upstreamPort = upstreamPort;

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Cut during the answer to this fetch (1 = the first one); 0 = never.</summary>
    public int DropDuringFetch { get; set; }

    public static DroppingProxy Start(int upstreamPort)
    {
        var proxy = new DroppingProxy(upstreamPort);
        proxy._listener.Start();
        _ = proxy.AcceptLoopAsync();
        return proxy;
    }

    async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            _ = RelayAsync(client);
        }
    }

    async Task RelayAsync(TcpClient client)
    {
        using var upstream = new TcpClient();
        using var _ = client;
        _fetches = 0;
        _armed = false;
        try
        {
            await upstream.ConnectAsync(IPAddress.Loopback, _upstreamPort);
            var toServer = PumpAsync(client.GetStream(), upstream.GetStream(), clientToServer: true, client, upstream);
            var toClient = PumpAsync(upstream.GetStream(), client.GetStream(), clientToServer: false, client, upstream);
            await Task.WhenAny(toServer, toClient);
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
        {
        }
    }

    async Task PumpAsync(NetworkStream from, NetworkStream to, bool clientToServer, TcpClient client, TcpClient upstream)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var n = await from.ReadAsync(buffer, _stop.Token);
                if (n == 0)
                {
                    return;
                }
                if (clientToServer)
                {
                    var text = Encoding.ASCII.GetString(buffer, 0, n);
                    var index = 0;
                    while ((index = text.IndexOf("UID FETCH", index, StringComparison.OrdinalIgnoreCase)) >= 0)
                    {
                        index++;
                        if (++_fetches == DropDuringFetch)
                        {
                            _armed = true;
                        }
                    }
                    await to.WriteAsync(buffer.AsMemory(0, n), _stop.Token);
                }
                else if (_armed)
                {
                    await to.WriteAsync(buffer.AsMemory(0, Math.Max(1, n / 2)), _stop.Token);
                    await to.FlushAsync(_stop.Token);
                    client.Client.Close();
                    upstream.Client.Close();
                    return;
                }
                else
                {
                    await to.WriteAsync(buffer.AsMemory(0, n), _stop.Token);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
        }
    }

    public ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
        return ValueTask.CompletedTask;
    }
}
