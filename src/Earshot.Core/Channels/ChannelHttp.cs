using System.Net;

namespace Earshot.Core.Channels;

/// <summary>The HTTP client the network connectors share the settings of: pooled, timed out, identified.</summary>
public static class ChannelHttp
{
    public static HttpClient CreateClient() =>
        new(new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AutomaticDecompression = DecompressionMethods.All,
            ConnectTimeout = TimeSpan.FromSeconds(15),
        })
        {
            Timeout = TimeSpan.FromSeconds(60),
            DefaultRequestHeaders = { { "User-Agent", "Earshot/1.0" } },
        };
}
