using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Earshot.Core.Channels.Polling;
using Earshot.Core.Ingestion;
using Earshot.Core.Replies;

namespace Earshot.Core.Channels.X;

/// <summary>
/// X over the API v2: listens with recent search and the mentions timeline (since_id, next_token paging), replies
/// with <c>POST /2/tweets</c> and answers privately with a direct message. Rate limits come from the
/// <c>x-rate-limit-*</c> headers: a 429 waits until <c>x-rate-limit-reset</c>.
/// </summary>
public sealed class XConnector(HttpClient http, TimeProvider time) : IPollingConnector
{
    public const string ConnectorName = "x";
    public const string ApiBaseSetting = "api_base";
    public const string TokenSetting = "access_token";
    public const string QuerySetting = "query";
    public const string UserIdSetting = "user_id";
    public const string DefaultApiBase = "https://api.x.com";
    public const int MaxDmLength = 10_000;
    const int PageSize = 100;
    const int MaxPages = 5;
    const int DefaultStreamSeconds = 25;
    const int MaxStreamSeconds = 90;
    public const string StreamSecondsSetting = "stream_seconds";

    readonly XFilteredStream _stream = new(http, time);
    internal const string TweetFields = "tweet.fields=created_at,lang,conversation_id,public_metrics,referenced_tweets&expansions=author_id&user.fields=public_metrics,verified";

    public string Name => ConnectorName;

    public TimeSpan DefaultPollInterval => TimeSpan.FromMinutes(1);

    /// <summary>With <c>stream_rules</c> a source is read from the filtered stream in windows, a few seconds apart.</summary>
    public TimeSpan DefaultPollIntervalFor(Source source) =>
        XFilteredStream.ConfiguredRules(source).Count > 0 ? TimeSpan.FromSeconds(5) : DefaultPollInterval;

    public async Task<PollResult> PollAsync(Source source, string? cursor, CancellationToken ct)
    {
        var state = XCursor.Parse(cursor);
        var rules = XFilteredStream.ConfiguredRules(source);
        if (rules.Count > 0)
        {
            return await StreamAsync(source, state, rules, ct);
        }
        if (!HasTimelines(source))
        {
            throw new PollFailedException($"Source '{source.Name}' needs a '{QuerySetting}' (recent search), a '{UserIdSetting}' (mentions) or '{XFilteredStream.RulesSetting}' (filtered stream) in its settings.");
        }
        var (posts, next) = await ReadTimelinesAsync(source, state, ct);
        return new PollResult(posts, next.Serialize());
    }

    static bool HasTimelines(Source source) =>
        !string.IsNullOrWhiteSpace(SourceSettings.String(source, QuerySetting)) || !string.IsNullOrWhiteSpace(SourceSettings.String(source, UserIdSetting));

    /// <summary>
    /// One filtered-stream window under the lease: rules synced (on start and when changed), the stream opened, the
    /// timelines caught up (recent search / mentions, when set: the stream has no resume point below X's Pro tier, so
    /// what was posted between windows comes from there), then the stream read until the window is over. Tweets handed
    /// on recently are kept in the cursor so none is handed on twice. When the connect used the last call of X's
    /// rate-limit window, the next window waits for its reset.
    /// </summary>
    async Task<PollResult> StreamAsync(Source source, XCursor state, List<XRule> rules, CancellationToken ct)
    {
        var ruleIds = await _stream.SyncRulesAsync(source, rules, ct);
        var seconds = Math.Clamp(SourceSettings.Number(source, StreamSecondsSetting) ?? DefaultStreamSeconds, 1, MaxStreamSeconds);
        using var window = new CancellationTokenSource(TimeSpan.FromSeconds(seconds), time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, window.Token);
        using var stream = await _stream.OpenAsync(source, ct);
        var wait = Remaining(stream) == 0 ? RateLimitWait(stream, time) : null;
        var (caught, next) = HasTimelines(source) ? await ReadTimelinesAsync(source, state, ct) : ([], state);
        var (streamed, _) = await XFilteredStream.ReadAsync(source, stream, ruleIds, linked.Token, ct);

        var seen = new List<string>(state.StreamSeen ?? []);
        var known = new HashSet<string>(seen, StringComparer.Ordinal);
        var posts = new List<PostDocument>();
        foreach (var post in caught.Concat(streamed))
        {
            if (post.Id is { Length: > 0 } id && known.Add(id))
            {
                posts.Add(post);
                seen.Add(id);
            }
        }
        next = next with { StreamSeen = seen.Count > XCursor.SeenLimit ? seen[^XCursor.SeenLimit..] : seen };
        return new PollResult(posts, next.Serialize(), wait);
    }

    async Task<(List<PostDocument> Posts, XCursor Next)> ReadTimelinesAsync(Source source, XCursor state, CancellationToken ct)
    {
        var query = SourceSettings.String(source, QuerySetting)?.Trim();
        var userId = SourceSettings.String(source, UserIdSetting)?.Trim();
        var posts = new List<PostDocument>();
        var next = state;
        if (!string.IsNullOrEmpty(userId))
        {
            var (tweets, newest, gap) = await ReadTimelineAsync(source, $"2/users/{Uri.EscapeDataString(userId)}/mentions?", "pagination_token", state.Mentions, state.MentionsGap, ct);
            posts.AddRange(tweets);
            next = next with { Mentions = newest, MentionsGap = gap };
        }
        if (!string.IsNullOrEmpty(query))
        {
            var (tweets, newest, gap) = await ReadTimelineAsync(source, $"2/tweets/search/recent?query={Uri.EscapeDataString(query)}&", "next_token", state.Search, state.SearchGap, ct);
            // A mention that also matches the search is the same post: ingest would deduplicate, but hand it on once.
            posts.AddRange(tweets.Where(t => posts.All(p => p.Id != t.Id)));
            next = next with { Search = newest, SearchGap = gap };
        }
        // Oldest first (ids grow with time), so a thread is stored in the order it was written.
        posts = posts.DistinctBy(p => p.Id).ToList();
        posts.Sort((a, b) => CompareIds(a.Id!, b.Id!));
        return (posts, next);
    }

    /// <summary>
    /// What is new since <paramref name="sinceId"/>, after finishing a <paramref name="gap"/> left by an earlier poll.
    /// X pages newest first, so a burst larger than one poll's pages (or calls) leaves older tweets unread: they are
    /// remembered as a gap (<c>since_id</c>..<c>until_id</c>) and read next time, so nothing is skipped.
    /// </summary>
    async Task<(List<PostDocument> Posts, string? NewestId, XGap? Gap)> ReadTimelineAsync(
        Source source, string pathAndQuery, string pageParameter, string? sinceId, XGap? gap, CancellationToken ct)
    {
        var posts = new List<PostDocument>();
        if (gap is not null)
        {
            var old = await ReadRangeAsync(source, pathAndQuery, pageParameter, gap.Since, gap.Until, ct);
            posts.AddRange(old.Posts);
            gap = old.Complete ? null : gap with { Until = old.OldestId ?? gap.Until };
        }
        var fresh = await ReadRangeAsync(source, pathAndQuery, pageParameter, sinceId, null, ct);
        posts.AddRange(fresh.Posts);
        if (!fresh.Complete && sinceId is not null && fresh.OldestId is not null)
        {
            // One gap at a time: a new one joins the old (the overlap is read twice and deduplicated by ingest).
            gap = new XGap(gap?.Since ?? sinceId, fresh.OldestId);
        }
        return (posts, fresh.NewestId ?? sinceId, gap);
    }

    /// <summary>
    /// Reads tweets after <paramref name="sinceId"/> (and before <paramref name="untilId"/>), newest page first. X answers
    /// <c>meta.newest_id</c> on the first page, which becomes the cursor. The first poll reads one page only: older
    /// posts are history, not work.
    /// </summary>
    async Task<(List<PostDocument> Posts, string? NewestId, string? OldestId, bool Complete)> ReadRangeAsync(
        Source source, string pathAndQuery, string pageParameter, string? sinceId, string? untilId, CancellationToken ct)
    {
        var posts = new List<PostDocument>();
        string? newest = null;
        string? oldest = null;
        string? pageToken = null;
        for (var page = 0; page < MaxPages; page++)
        {
            var url = $"{pathAndQuery}max_results={PageSize}&{TweetFields}"
                      + (sinceId is null ? "" : $"&since_id={Uri.EscapeDataString(sinceId)}")
                      + (untilId is null ? "" : $"&until_id={Uri.EscapeDataString(untilId)}")
                      + (pageToken is null ? "" : $"&{pageParameter}={Uri.EscapeDataString(pageToken)}");
            using var request = Request(source, HttpMethod.Get, url);
            using var response = await http.SendAsync(request, ct);
            if (!response.IsSuccessStatusCode)
            {
                var wait = response.StatusCode == HttpStatusCode.TooManyRequests ? RateLimitWait(response) ?? TimeSpan.FromMinutes(15) : (TimeSpan?)null;
                throw new PollFailedException($"X answered {(int)response.StatusCode} to GET /{pathAndQuery.TrimEnd('?', '&')}: {await ErrorOf(response, ct)}", wait);
            }
            var body = await response.Content.ReadFromJsonAsync<XTweetPage>(ct) ?? new XTweetPage();
            var users = (body.Includes?.Users ?? []).GroupBy(u => u.Id).ToDictionary(g => g.Key, g => g.First());
            posts.AddRange((body.Data ?? []).Select(t => t.ToPost(users)));
            newest ??= body.Meta?.NewestId;
            oldest = body.Meta?.OldestId ?? oldest;
            pageToken = body.Meta?.NextToken;
            if (pageToken is null || sinceId is null)
            {
                return (posts, newest, oldest, Complete: true);
            }
            // Out of calls for this window: stop; the rest is a gap read after the reset.
            if (Remaining(response) == 0)
            {
                break;
            }
        }
        return (posts, newest, oldest, Complete: false);
    }

    public async Task<SendResult> SendAsync(OutboundMessage message, CancellationToken ct)
    {
        var source = message.Source;
        var text = message.Text.Trim();
        if (message.Visibility == ReplyVisibility.Private)
        {
            return await SendDirectMessageAsync(message, text, ct);
        }
        var length = XTextLength.Weighted(text);
        if (length > XTextLength.MaxWeightedLength)
        {
            return SendResult.Failure(
                $"The reply counts {length} characters on X (links count 23, emoji and CJK characters 2); X allows {XTextLength.MaxWeightedLength}. Shorten it and send again.",
                retryable: false);
        }
        object body = message.InReplyToExternalId is { Length: > 0 } inReplyTo
            ? new { text, reply = new { in_reply_to_tweet_id = inReplyTo } }
            : new { text };
        using var request = Request(source, HttpMethod.Post, "2/tweets");
        request.Content = JsonContent.Create(body);
        using var response = await http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            return await FailureAsync(response, ct);
        }
        var created = await response.Content.ReadFromJsonAsync<XData<XCreated>>(ct);
        return created?.Data?.Id is { Length: > 0 } id
            ? SendResult.Success(id)
            : SendResult.Failure("X accepted the post but returned no id.", retryable: false);
    }

    /// <summary>
    /// <c>POST /2/dm_conversations/with/{participant_id}/messages</c>. The conversation knows the customer by
    /// username, so the user id is looked up first with <c>GET /2/users/by/username/{username}</c>.
    /// </summary>
    async Task<SendResult> SendDirectMessageAsync(OutboundMessage message, string text, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(message.RecipientHandle))
        {
            return SendResult.Failure("A direct message on X needs the customer's username, and this conversation has none.", retryable: false);
        }
        if (text.Length > MaxDmLength)
        {
            return SendResult.Failure($"The message is {text.Length} characters; X direct messages allow {MaxDmLength:N0}.", retryable: false);
        }
        var username = message.RecipientHandle.Trim().TrimStart('@');
        string participantId;
        using (var lookup = Request(message.Source, HttpMethod.Get, $"2/users/by/username/{Uri.EscapeDataString(username)}"))
        using (var response = await http.SendAsync(lookup, ct))
        {
            if (!response.IsSuccessStatusCode)
            {
                return await FailureAsync(response, ct);
            }
            var user = await response.Content.ReadFromJsonAsync<XData<XUser>>(ct);
            if (user?.Data?.Id is not { Length: > 0 } id)
            {
                return SendResult.Failure($"X has no user @{username}: {await ErrorOf(response, ct)}", retryable: false);
            }
            participantId = id;
        }
        using var request = Request(message.Source, HttpMethod.Post, $"2/dm_conversations/with/{Uri.EscapeDataString(participantId)}/messages");
        request.Content = JsonContent.Create(new { text });
        using var sent = await http.SendAsync(request, ct);
        if (!sent.IsSuccessStatusCode)
        {
            return await FailureAsync(sent, ct);
        }
        var created = await sent.Content.ReadFromJsonAsync<XData<XCreated>>(ct);
        return created?.Data?.DmEventId is { Length: > 0 } eventId
            ? SendResult.Success(eventId)
            : SendResult.Failure("X accepted the direct message but returned no event id.", retryable: false);
    }

    async Task<SendResult> FailureAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var error = $"X: {await ErrorOf(response, ct)}";
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            return SendResult.Failure(error, retryable: true, RateLimitWait(response));
        }
        return SendResult.Failure(error, retryable: (int)response.StatusCode >= 500);
    }

    HttpRequestMessage Request(Source source, HttpMethod method, string pathAndQuery)
    {
        var api = (SourceSettings.String(source, ApiBaseSetting) ?? DefaultApiBase).TrimEnd('/') + "/";
        if (!Uri.TryCreate(api, UriKind.Absolute, out var baseUri) || baseUri.Scheme is not ("http" or "https"))
        {
            throw new PollFailedException($"Source '{source.Name}': api_base '{api}' is not an http(s) address.");
        }
        var request = new HttpRequestMessage(method, new Uri(baseUri, pathAndQuery));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", SourceSettings.Required(source, TokenSetting));
        request.Headers.Accept.ParseAdd("application/json");
        return request;
    }

    /// <summary>
    /// X errors are problem JSON (<c>{"title","detail","type"}</c>), sometimes with an <c>errors</c> array naming
    /// the bad parameter; older endpoints answer <c>{"errors":[{"message"}]}</c>.
    /// </summary>
    internal static async Task<string> ErrorOf(HttpResponseMessage response, CancellationToken ct)
    {
        var body = await response.Content.ReadAsStringAsync(ct);
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                var title = root.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
                var detail = root.TryGetProperty("detail", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
                var first = root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0
                            ? Text(errors[0], "message") ?? Text(errors[0], "detail") : null;
                var parts = new[] { title, detail, first }.Where(p => !string.IsNullOrWhiteSpace(p)).Distinct().ToList();
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

    static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    TimeSpan? RateLimitWait(HttpResponseMessage response) => RateLimitWait(response, time);

    /// <summary><c>x-rate-limit-reset</c> is the end of the window in Unix seconds; the wait is from now until then.</summary>
    internal static TimeSpan? RateLimitWait(HttpResponseMessage response, TimeProvider time)
    {
        if (!response.Headers.TryGetValues("x-rate-limit-reset", out var values)
            || !long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var epoch))
        {
            return null;
        }
        var wait = DateTimeOffset.FromUnixTimeSeconds(epoch) - time.GetUtcNow();
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }

    static int? Remaining(HttpResponseMessage response) =>
        response.Headers.TryGetValues("x-rate-limit-remaining", out var values)
        && int.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var remaining)
            ? remaining
            : null;

    /// <summary>Tweet ids are snowflakes in decimal: a longer id is a newer one.</summary>
    static int CompareIds(string a, string b) => a.Length != b.Length ? a.Length.CompareTo(b.Length) : string.CompareOrdinal(a, b);
}
