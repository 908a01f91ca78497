using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Earshot.Core.Channels.Polling;
using Earshot.Core.Ingestion;

namespace Earshot.Core.Channels.X;

/// <summary>
/// X's filtered stream: keeps the app's rule set in step with a source's <c>stream_rules</c>
/// (<c>GET</c>/<c>POST /2/tweets/search/stream/rules</c>) and reads <c>GET /2/tweets/search/stream</c>, newline-delimited
/// JSON with blank keep-alive lines, for one bounded window. Rules and stream are app-level, so they use the app's
/// bearer token; a source's rules carry the tag <c>earshot:{source id}</c> so other rules of the app are left alone.
/// </summary>
internal sealed class XFilteredStream(HttpClient http, TimeProvider time)
{
    public const string RulesSetting = "stream_rules";
    public const string BearerSetting = "bearer_token";
    public const string BackfillSetting = "backfill_minutes";
    /// <summary>X's advice for a 429 on the stream with no reset header: wait a minute, then longer.</summary>
    static readonly TimeSpan DefaultStreamWait = TimeSpan.FromMinutes(1);
    const int MaxLinesPerWindow = 50_000;

    /// <summary>Per source: the rules last synced (as configured) and the ids of X's rules that serve them.</summary>
    readonly ConcurrentDictionary<long, (string Fingerprint, HashSet<string> Ids)> _synced = new();

    public static string TagPrefix(Source source) => $"earshot:{source.Id}";

    /// <summary>The configured rules: <c>stream_rules</c> is an array of rule strings or <c>{"value","tag"}</c> objects.</summary>
    public static List<XRule> ConfiguredRules(Source source)
    {
        var rules = new List<XRule>();
        if (SourceSettings.Json(source, RulesSetting) is not { ValueKind: JsonValueKind.Array } array)
        {
            return rules;
        }
        foreach (var item in array.EnumerateArray())
        {
            var (value, tag) = item.ValueKind switch
            {
                JsonValueKind.String => (item.GetString(), null),
                JsonValueKind.Object => (
                    item.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null,
                    item.TryGetProperty("tag", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null),
                _ => (null, null),
            };
            if (value?.Trim() is { Length: > 0 } rule)
            {
                var label = tag?.Trim() is { Length: > 0 } named ? $"{TagPrefix(source)}:{named}" : TagPrefix(source);
                rules.Add(new XRule { Value = rule, Tag = label });
            }
        }
        return rules.DistinctBy(r => r.Value).ToList();
    }

    /// <summary>
    /// Makes X's rule set serve <paramref name="configured"/>: once per process and source, and again whenever the
    /// configured rules change. New rules are checked with <c>dry_run</c> first, so an invalid rule fails the poll with
    /// X's reason and leaves the rule set as it was; then stale rules of this source are deleted and missing ones added.
    /// Returns the ids of the rules whose matches belong to this source.
    /// </summary>
    public async Task<HashSet<string>> SyncRulesAsync(Source source, IReadOnlyList<XRule> configured, CancellationToken ct)
    {
        var fingerprint = JsonSerializer.Serialize(configured.Select(r => new[] { r.Value, r.Tag }));
        if (_synced.TryGetValue(source.Id, out var synced) && synced.Fingerprint == fingerprint)
        {
            return synced.Ids;
        }
        var existing = (await RulesAsync(source, HttpMethod.Get, "2/tweets/search/stream/rules", null, ct)).Data ?? [];
        var prefix = TagPrefix(source);
        bool Ours(XRule rule) => rule.Tag is { } tag && (tag == prefix || tag.StartsWith(prefix + ":", StringComparison.Ordinal));
        var stale = existing.Where(r => Ours(r) && !configured.Any(c => c.Value == r.Value && c.Tag == r.Tag)).ToList();
        var kept = existing.Except(stale).Where(r => configured.Any(c => c.Value == r.Value)).ToList();
        // X refuses a second rule with the same value whatever its tag, so a rule the app already has is used as it is.
        var missing = configured.Where(c => kept.All(r => r.Value != c.Value)).ToList();
        var ids = kept.Select(r => r.Id).OfType<string>().ToHashSet(StringComparer.Ordinal);
        if (missing.Count > 0)
        {
            await RulesAsync(source, HttpMethod.Post, "2/tweets/search/stream/rules?dry_run=true", new { add = missing.Select(Add) }, ct);
        }
        if (stale.Count > 0)
        {
            await RulesAsync(source, HttpMethod.Post, "2/tweets/search/stream/rules", new { delete = new { ids = stale.Select(r => r.Id) } }, ct);
        }
        if (missing.Count > 0)
        {
            var added = await RulesAsync(source, HttpMethod.Post, "2/tweets/search/stream/rules", new { add = missing.Select(Add) }, ct);
            ids.UnionWith((added.Data ?? []).Select(r => r.Id).OfType<string>());
        }
        _synced[source.Id] = (fingerprint, ids);
        return ids;
    }

    static object Add(XRule rule) => new { value = rule.Value, tag = rule.Tag };

    async Task<XRulesResponse> RulesAsync(Source source, HttpMethod method, string path, object? body, CancellationToken ct)
    {
        using var request = Request(source, method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }
        using var response = await http.SendAsync(request, ct);
        var verb = $"{method.Method} /{path}";
        if (!response.IsSuccessStatusCode)
        {
            var wait = response.StatusCode == HttpStatusCode.TooManyRequests ? XConnector.RateLimitWait(response, time) ?? DefaultStreamWait : (TimeSpan?)null;
            throw new PollFailedException($"X answered {(int)response.StatusCode} to {verb}: {await XConnector.ErrorOf(response, ct)}", wait);
        }
        var answer = await response.Content.ReadFromJsonAsync<XRulesResponse>(ct) ?? new XRulesResponse();
        if (answer.Errors is { Count: > 0 } errors)
        {
            throw new PollFailedException($"X refused the stream rules ({verb}): {string.Join("; ", errors)}");
        }
        return answer;
    }

    /// <summary>Connects to the stream; a refusal fails the poll (a 429 waits for <c>x-rate-limit-reset</c>, else a minute).</summary>
    public async Task<HttpResponseMessage> OpenAsync(Source source, CancellationToken ct)
    {
        var backfill = SourceSettings.Number(source, BackfillSetting) is { } minutes and > 0 ? $"&backfill_minutes={Math.Min(minutes, 5)}" : "";
        using var request = Request(source, HttpMethod.Get, $"2/tweets/search/stream?{XConnector.TweetFields}{backfill}");
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        }
        catch (HttpRequestException ex)
        {
            throw new PollFailedException($"Could not connect to X's filtered stream: {ex.Message}");
        }
        if (!response.IsSuccessStatusCode)
        {
            using (response)
            {
                var wait = response.StatusCode == HttpStatusCode.TooManyRequests ? XConnector.RateLimitWait(response, time) ?? DefaultStreamWait : (TimeSpan?)null;
                throw new PollFailedException($"X answered {(int)response.StatusCode} to GET /2/tweets/search/stream: {await XConnector.ErrorOf(response, ct)}", wait);
            }
        }
        return response;
    }

    /// <summary>
    /// Reads tweets until the window is over, the server ends the stream, the connection drops or X sends an
    /// operational disconnect; keeps the tweets that matched one of <paramref name="ruleIds"/> (or carry this source's tag).
    /// </summary>
    public static async Task<(List<PostDocument> Posts, string? Disconnect)> ReadAsync(
        Source source, HttpResponseMessage response, HashSet<string> ruleIds, CancellationToken window, CancellationToken ct)
    {
        var posts = new List<PostDocument>();
        string? disconnect = null;
        var prefix = TagPrefix(source);
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(window);
            using var reader = new StreamReader(body);
            for (var lines = 0; lines < MaxLinesPerWindow; lines++)
            {
                var line = await reader.ReadLineAsync(window);
                if (line is null)
                {
                    break;
                }
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue; // keep-alive
                }
                var item = XStreamLine.Parse(line);
                if (item?.Data is { } tweet)
                {
                    var mine = item.MatchingRules is not { Count: > 0 } rules
                               || rules.Any(r => r.Id is not null && ruleIds.Contains(r.Id) || r.Tag is { } tag && (tag == prefix || tag.StartsWith(prefix + ":", StringComparison.Ordinal)));
                    if (mine)
                    {
                        var users = (item.Includes?.Users ?? []).GroupBy(u => u.Id).ToDictionary(g => g.Key, g => g.First());
                        posts.Add(tweet.ToPost(users));
                    }
                }
                else if (item?.Errors is { Count: > 0 } errors)
                {
                    disconnect = string.Join("; ", errors);
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // The window is over: what was read so far is this poll's harvest.
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            // The connection dropped: keep what arrived; the next poll reconnects.
        }
        return (posts, disconnect);
    }

    HttpRequestMessage Request(Source source, HttpMethod method, string pathAndQuery)
    {
        var api = (SourceSettings.String(source, XConnector.ApiBaseSetting) ?? XConnector.DefaultApiBase).TrimEnd('/') + "/";
        if (!Uri.TryCreate(api, UriKind.Absolute, out var baseUri) || baseUri.Scheme is not ("http" or "https"))
        {
            throw new PollFailedException($"Source '{source.Name}': api_base '{api}' is not an http(s) address.");
        }
        var request = new HttpRequestMessage(method, new Uri(baseUri, pathAndQuery));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", SourceSettings.Required(source, BearerSetting));
        request.Headers.Accept.ParseAdd("application/json");
        return request;
    }
}
