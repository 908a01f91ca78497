using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Earshot.Core.Channels.Polling;
using Earshot.Core.Ingestion;
using Earshot.Core.Replies;

namespace Earshot.Core.Channels.Reddit;

/// <summary>
/// Reddit over its OAuth API: polls a subreddit's new posts or a search (sort=new), replies as a comment with
/// <c>POST /api/comment</c> and privately with <c>POST /api/compose</c>. Honours <c>X-Ratelimit-Remaining/Reset</c>.
/// </summary>
public sealed class RedditConnector(HttpClient http, TimeProvider time) : IPollingConnector
{
    public const string ConnectorName = "reddit";
    public const string AuthBaseSetting = "auth_base";
    public const string ApiBaseSetting = "api_base";
    public const string ClientIdSetting = "client_id";
    public const string ClientSecretSetting = "client_secret";
    public const string UsernameSetting = "username";
    public const string PasswordSetting = "password";
    public const string UserAgentSetting = "user_agent";
    public const string SubredditSetting = "subreddit";
    public const string QuerySetting = "query";
    public const string DefaultAuthBase = "https://www.reddit.com";
    public const string DefaultApiBase = "https://oauth.reddit.com";
    public const int MaxCommentLength = 10_000;
    const int PageSize = 100;
    const int MaxPages = 5;

    readonly ConcurrentDictionary<string, (string Token, DateTimeOffset Expires)> _tokens = new();

    public string Name => ConnectorName;

    public TimeSpan DefaultPollInterval => TimeSpan.FromMinutes(1);

    public async Task<PollResult> PollAsync(Source source, string? cursor, CancellationToken ct)
    {
        var state = RedditCursor.Parse(cursor);
        var subreddit = SourceSettings.String(source, SubredditSetting)?.Trim().Replace("r/", "", StringComparison.OrdinalIgnoreCase).Trim('/');
        var query = SourceSettings.String(source, QuerySetting)?.Trim();
        if (!string.IsNullOrEmpty(query))
        {
            var path = string.IsNullOrEmpty(subreddit)
                ? $"search?q={Uri.EscapeDataString(query)}&sort=new&type=link"
                : $"r/{Uri.EscapeDataString(subreddit)}/search?q={Uri.EscapeDataString(query)}&restrict_sr=1&sort=new&type=link";
            var (posts, mark) = await ReadNewerAsync(source, path, state.Search, ct);
            return new PollResult(posts, (state with { Search = mark }).Serialize());
        }
        if (!string.IsNullOrEmpty(subreddit))
        {
            var (posts, mark) = await ReadNewerAsync(source, $"r/{Uri.EscapeDataString(subreddit)}/new?", state.New, ct);
            return new PollResult(posts, (state with { New = mark }).Serialize());
        }
        throw new PollFailedException($"Source '{source.Name}' needs a '{SubredditSetting}' (new posts) or a '{QuerySetting}' (search) in its settings.");
    }

    /// <summary>
    /// Reads the listing newest first, paging with <c>after</c> until it reaches what <paramref name="mark"/> has
    /// seen. The first poll reads one page: what was posted before Earshot was connected is history.
    /// </summary>
    async Task<(List<PostDocument> Posts, RedditMark? Mark)> ReadNewerAsync(Source source, string path, RedditMark? mark, CancellationToken ct)
    {
        var fresh = new List<(double Created, PostDocument Post)>();
        string? after = null;
        for (var page = 0; page < MaxPages; page++)
        {
            var url = $"{path}{(path.EndsWith('?') ? "" : "&")}limit={PageSize}&raw_json=1" + (after is null ? "" : $"&after={Uri.EscapeDataString(after)}");
            using var response = await SendAuthorizedAsync(source, () => new HttpRequestMessage(HttpMethod.Get, url), ct);
            if (!response.IsSuccessStatusCode)
            {
                var wait = response.StatusCode == HttpStatusCode.TooManyRequests ? ResetWait(response) ?? TimeSpan.FromMinutes(1) : (TimeSpan?)null;
                throw new PollFailedException($"Reddit answered {(int)response.StatusCode} to GET /{path.TrimEnd('?')}: {await ErrorOf(response, ct)}", wait);
            }
            var listing = await response.Content.ReadFromJsonAsync<RedditListing>(ct);
            var things = listing?.Data?.Children ?? [];
            var reachedMark = false;
            foreach (var thing in things)
            {
                if (thing.Data is not { } data || thing.Kind is not ("t3" or "t1"))
                {
                    continue;
                }
                if (mark is not null && (data.CreatedUtc < mark.CreatedUtc || data.CreatedUtc == mark.CreatedUtc && mark.Names.Contains(data.Name ?? "")))
                {
                    reachedMark = true;
                    continue;
                }
                fresh.Add((data.CreatedUtc, data.ToPost(thing.Kind)));
            }
            after = listing?.Data?.After;
            if (mark is null || reachedMark || after is null || things.Count == 0 || Remaining(response) < 1)
            {
                break;
            }
        }
        if (fresh.Count == 0)
        {
            return ([], mark);
        }
        var newest = fresh.Max(f => f.Created);
        var names = fresh.Where(f => f.Created == newest).Select(f => f.Post.Id!).ToList();
        if (mark is not null && mark.CreatedUtc == newest)
        {
            names.AddRange(mark.Names);
        }
        // Oldest first, so a thread is stored in the order it was written.
        var posts = fresh.OrderBy(f => f.Created).Select(f => f.Post).ToList();
        return (posts, new RedditMark { CreatedUtc = newest, Names = names.Distinct().ToList() });
    }

    public async Task<SendResult> SendAsync(OutboundMessage message, CancellationToken ct)
    {
        var text = message.Text.Trim();
        if (text.Length > MaxCommentLength)
        {
            return SendResult.Failure($"The reply is {text.Length:N0} characters; Reddit allows {MaxCommentLength:N0}. Shorten it and send again.", retryable: false);
        }
        Dictionary<string, string> form;
        string path;
        if (message.Visibility == ReplyVisibility.Private)
        {
            if (string.IsNullOrWhiteSpace(message.RecipientHandle))
            {
                return SendResult.Failure("A private message on Reddit needs the customer's username, and this conversation has none.", retryable: false);
            }
            path = "api/compose";
            form = new()
            {
                ["api_type"] = "json",
                ["to"] = message.RecipientHandle.Trim().TrimStart('@').Replace("u/", "", StringComparison.OrdinalIgnoreCase),
                ["subject"] = SourceSettings.String(message.Source, "message_subject") ?? "About your post",
                ["text"] = text,
            };
        }
        else
        {
            if (message.InReplyToExternalId is not { Length: > 0 } thing || !(thing.StartsWith("t3_") || thing.StartsWith("t1_")))
            {
                return SendResult.Failure("A Reddit reply must answer a post or comment (t3_/t1_ fullname), and this conversation has none.", retryable: false);
            }
            path = "api/comment";
            form = new() { ["api_type"] = "json", ["thing_id"] = thing, ["text"] = text };
        }
        HttpResponseMessage response;
        try
        {
            response = await SendAuthorizedAsync(message.Source, () => new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) }, ct);
        }
        catch (PollFailedException ex)
        {
            return SendResult.Failure(ex.Message, retryable: false);
        }
        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var error = $"Reddit: {await ErrorOf(response, ct)}";
                return response.StatusCode == HttpStatusCode.TooManyRequests
                    ? SendResult.Failure(error, retryable: true, ResetWait(response))
                    : SendResult.Failure(error, retryable: (int)response.StatusCode >= 500);
            }
            return await CommentResultAsync(response, message, ct);
        }
    }

    /// <summary>
    /// <c>{"json":{"errors":[["CODE","message","field"]],"data":{"things":[{"kind":"t1","data":{"name":…}}]}}}</c>:
    /// Reddit answers 200 even when it refuses, so the errors array decides.
    /// </summary>
    static async Task<SendResult> CommentResultAsync(HttpResponseMessage response, OutboundMessage message, CancellationToken ct)
    {
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        if (!doc.RootElement.TryGetProperty("json", out var json))
        {
            return SendResult.Failure("Reddit answered without a result.", retryable: false);
        }
        if (json.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0)
        {
            var first = errors[0];
            var code = first.ValueKind == JsonValueKind.Array && first.GetArrayLength() > 0 ? first[0].GetString() : null;
            var text = string.Join("; ", errors.EnumerateArray()
                .Select(e => e.ValueKind == JsonValueKind.Array && e.GetArrayLength() > 1 ? $"{e[0].GetString()}: {e[1].GetString()}" : e.ToString()));
            if (code == "RATELIMIT")
            {
                var wait = json.TryGetProperty("ratelimit", out var seconds) && seconds.ValueKind == JsonValueKind.Number
                    ? TimeSpan.FromSeconds(seconds.GetDouble())
                    : (TimeSpan?)null;
                return SendResult.Failure($"Reddit: {text}", retryable: true, wait);
            }
            return SendResult.Failure($"Reddit: {text}", retryable: false);
        }
        if (message.Visibility == ReplyVisibility.Private)
        {
            // Compose answers no id for the message it sent.
            return SendResult.Success($"pm-{message.ReplyId}");
        }
        if (json.TryGetProperty("data", out var data) && data.TryGetProperty("things", out var things) && things.ValueKind == JsonValueKind.Array
            && things.GetArrayLength() > 0 && things[0].TryGetProperty("data", out var comment)
            && comment.TryGetProperty("name", out var name) && name.GetString() is { Length: > 0 } fullname)
        {
            return SendResult.Success(fullname);
        }
        return SendResult.Failure("Reddit accepted the comment but returned no id.", retryable: false);
    }

    /// <summary>Sends with a bearer token; a 401 means the token expired, so it is fetched again once.</summary>
    async Task<HttpResponseMessage> SendAuthorizedAsync(Source source, Func<HttpRequestMessage> create, CancellationToken ct)
    {
        var api = BaseUri(source, ApiBaseSetting, DefaultApiBase);
        for (var attempt = 0; ; attempt++)
        {
            var token = await TokenAsync(source, ct);
            using var request = create();
            request.RequestUri = new Uri(api, request.RequestUri!.ToString());
            request.Headers.Authorization = new AuthenticationHeaderValue("bearer", token);
            request.Headers.TryAddWithoutValidation("User-Agent", UserAgent(source));
            var response = await http.SendAsync(request, ct);
            if (response.StatusCode != HttpStatusCode.Unauthorized || attempt > 0)
            {
                return response;
            }
            response.Dispose();
            _tokens.TryRemove(TokenKey(source), out _);
        }
    }

    /// <summary>
    /// <c>POST /api/v1/access_token</c> with the app's id and secret as Basic auth: the password grant when the
    /// source names the brand's account (needed to comment), else client credentials (read only).
    /// </summary>
    async Task<string> TokenAsync(Source source, CancellationToken ct)
    {
        var key = TokenKey(source);
        var now = time.GetUtcNow();
        if (_tokens.TryGetValue(key, out var cached) && cached.Expires > now)
        {
            return cached.Token;
        }
        var clientId = SourceSettings.Required(source, ClientIdSetting);
        var secret = SourceSettings.String(source, ClientSecretSetting) ?? "";
        var username = SourceSettings.String(source, UsernameSetting);
        var password = SourceSettings.String(source, PasswordSetting);
        var form = username is { Length: > 0 } && password is { Length: > 0 }
            ? new Dictionary<string, string> { ["grant_type"] = "password", ["username"] = username, ["password"] = password }
            : new Dictionary<string, string> { ["grant_type"] = "client_credentials" };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(BaseUri(source, AuthBaseSetting, DefaultAuthBase), "api/v1/access_token"))
        {
            Content = new FormUrlEncodedContent(form),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{secret}")));
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent(source));
        using var response = await http.SendAsync(request, ct);
        var body = response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<RedditToken>(ct) : null;
        if (body?.AccessToken is not { Length: > 0 } token)
        {
            // Reddit answers a bad password with 200 and {"error":"invalid_grant"}.
            var reason = body?.Error ?? await ErrorOf(response, ct);
            throw new PollFailedException($"Reddit refused the credentials of source '{source.Name}': {reason}");
        }
        // Renew a minute early so a token never expires mid-poll.
        _tokens[key] = (token, now + TimeSpan.FromSeconds(Math.Max(60, body.ExpiresIn) - 60));
        return token;
    }

    static string TokenKey(Source source) =>
        $"{source.Id}|{SourceSettings.String(source, ClientIdSetting)}|{SourceSettings.String(source, UsernameSetting)}|{SourceSettings.String(source, AuthBaseSetting)}";

    /// <summary>Reddit asks every client for a unique, descriptive User-Agent.</summary>
    static string UserAgent(Source source) =>
        SourceSettings.String(source, UserAgentSetting)
        ?? $"server:earshot:1.0 (by /u/{SourceSettings.String(source, UsernameSetting) ?? "earshot"})";

    static Uri BaseUri(Source source, string setting, string fallback)
    {
        var value = (SourceSettings.String(source, setting) ?? fallback).TrimEnd('/') + "/";
        return Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new PollFailedException($"Source '{source.Name}': {setting} '{value}' is not an http(s) address.");
    }

    /// <summary>Reddit errors are <c>{"message","error"}</c> or <c>{"error":"invalid_grant"}</c>; else the status line.</summary>
    static async Task<string> ErrorOf(HttpResponseMessage response, CancellationToken ct)
    {
        var body = await response.Content.ReadAsStringAsync(ct);
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                var message = root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
                var error = root.TryGetProperty("error", out var e) ? e.ToString() : null;
                var reason = root.TryGetProperty("reason", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
                var parts = new[] { message, reason, error }.Where(p => !string.IsNullOrWhiteSpace(p)).Distinct().ToList();
                if (parts.Count > 0)
                {
                    return string.Join(": ", parts);
                }
            }
        }
        catch (JsonException)
        {
        }
        return $"{(int)response.StatusCode} {response.ReasonPhrase}";
    }

    /// <summary><c>X-Ratelimit-Reset</c> is the number of seconds until the window resets.</summary>
    static TimeSpan? ResetWait(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Ratelimit-Reset", out var values)
        && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(Math.Max(0, seconds))
            : null;

    /// <summary><c>X-Ratelimit-Remaining</c> is a decimal ("598.0").</summary>
    static double Remaining(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Ratelimit-Remaining", out var values)
        && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var remaining)
            ? remaining
            : double.MaxValue;
}
