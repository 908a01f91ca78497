using System.Net;
using System.Net.Http.Headers;
using Earshot.Core.Channels.Polling;

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

    /// <summary>
    /// A request for JSON with a bearer token, to <paramref name="pathAndQuery"/> under <paramref name="baseAddress"/>.
    /// A base that is not an http(s) address fails the poll, naming the setting it came from.
    /// </summary>
    public static HttpRequestMessage BearerRequest(
        Source source, string settingName, string baseAddress, HttpMethod method, string pathAndQuery, string token)
    {
        var root = baseAddress.TrimEnd('/') + "/";
        if (!Uri.TryCreate(root, UriKind.Absolute, out var baseUri) || baseUri.Scheme is not ("http" or "https"))
        {
            throw new PollFailedException($"Source '{source.Name}': {settingName} '{root}' is not an http(s) address.");
        }
        var request = new HttpRequestMessage(method, new Uri(baseUri, pathAndQuery));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Accept.ParseAdd("application/json");
        return request;
    }
}
