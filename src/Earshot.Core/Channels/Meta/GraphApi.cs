using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Earshot.Core.Channels.Meta;

/// <summary>
/// The Graph API calls the Facebook and Instagram connectors share: a JSON POST to <c>{graph_base}/{node}/{edge}</c>
/// with the account's token, and the platform's error body <c>{"error":{"message","type","code"}}</c> turned into a
/// failed reply. Throttling codes (4, 17, 32, 613) are retried later; everything else fails with Meta's message.
/// </summary>
public sealed class GraphApi(HttpClient http)
{
    public const string GraphBaseSetting = "graph_base";
    public const string DefaultGraphBase = "https://graph.facebook.com/v21.0";
    static readonly TimeSpan ThrottleWait = TimeSpan.FromMinutes(5);

    /// <summary>POSTs <paramref name="body"/> and answers with the new object's id (<c>id</c> or <c>message_id</c>).</summary>
    public async Task<SendResult> PostAsync(Source source, string token, string path, object body, CancellationToken ct)
    {
        var baseText = (SourceSettings.String(source, GraphBaseSetting) ?? DefaultGraphBase).TrimEnd('/') + "/";
        if (!Uri.TryCreate(baseText, UriKind.Absolute, out var baseUri) || baseUri.Scheme is not ("http" or "https"))
        {
            return SendResult.Failure($"Source '{source.Name}': graph_base '{baseText}' is not an http(s) address.", retryable: false);
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUri, path)) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        JsonDocument? doc = null;
        try
        {
            doc = JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
        }
        using (doc)
        {
            var root = doc?.RootElement;
            if (root is { ValueKind: JsonValueKind.Object } r && r.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            {
                return Failure(error);
            }
            if (!response.IsSuccessStatusCode)
            {
                return SendResult.Failure($"Meta: {(int)response.StatusCode} {response.ReasonPhrase}", retryable: (int)response.StatusCode >= 500);
            }
            var id = root is { ValueKind: JsonValueKind.Object } ok
                ? (ok.TryGetProperty("id", out var i) ? i.GetString() : null) ?? (ok.TryGetProperty("message_id", out var m) ? m.GetString() : null)
                : null;
            return id is { Length: > 0 }
                ? SendResult.Success(id)
                : SendResult.Failure("Meta accepted the request but returned no id.", retryable: false);
        }
    }

    static SendResult Failure(JsonElement error)
    {
        var message = error.TryGetProperty("message", out var m) ? m.GetString() : null;
        var type = error.TryGetProperty("type", out var t) ? t.GetString() : null;
        var code = error.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetInt32() : 0;
        var text = $"Meta: {message ?? "unknown error"}" + (type is null ? "" : $" ({type}, code {code})");
        // Application, user, page and custom rate limits: wait and try again; the rest will not get better by retrying.
        return code is 4 or 17 or 32 or 613 or 80001 or 80006
            ? SendResult.Failure(text, retryable: true, ThrottleWait)
            : SendResult.Failure(text, retryable: code is 1 or 2);
    }
}
