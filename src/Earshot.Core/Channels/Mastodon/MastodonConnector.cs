using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Earshot.Core.Channels.Polling;
using Earshot.Core.Ingestion;
using Earshot.Core.Replies;

namespace Earshot.Core.Channels.Mastodon;

/// <summary>
/// Mastodon: hears mentions (notifications), a hashtag and a search, by polling the REST API or, with
/// <c>streaming</c>, by reading the streaming API (server-sent events) in bounded windows under the source's lease;
/// replies as a status in the same thread, or as a <c>direct</c> status mentioning the customer for a private reply.
/// <para>
/// A streaming poll opens the streams first (with <c>Last-Event-ID</c> when the server gave event ids), then catches
/// up over REST from the stored <c>since_id</c>s — Mastodon does not replay missed events, so what was published
/// between two windows comes from the catch-up — then reads the streams until the window is over. Statuses already
/// handed on are remembered in the cursor, so a replay or an item both caught up and streamed is handed on once.
/// </para>
/// </summary>
public sealed partial class MastodonConnector(HttpClient http, TimeProvider time) : IPollingConnector
{
    public const string ConnectorName = "mastodon";
    public const string InstanceSetting = "instance";
    public const string TokenSetting = "access_token";
    public const string HashtagSetting = "hashtag";
    public const string SearchSetting = "search";
    public const string StreamingSetting = "streaming";
    public const string StreamingUrlSetting = "streaming_url";
    public const string StreamSecondsSetting = "stream_seconds";
    public const string MaxCharactersSetting = "max_characters";
    public const int DefaultMaxCharacters = 500;
    const int PageSize = 40;
    // A burst larger than this many pages since the last poll is read over the next polls, never skipped.
    const int MaxPages = 10;
    const int DefaultStreamSeconds = 25;
    const int MaxStreamSeconds = 90;

    public string Name => ConnectorName;

    public TimeSpan DefaultPollInterval => TimeSpan.FromMinutes(1);

    /// <summary>A streaming source is read most of the time, in windows of <c>stream_seconds</c>, a few seconds apart.</summary>
    public TimeSpan DefaultPollIntervalFor(Source source) =>
        SourceSettings.Flag(source, StreamingSetting) ? TimeSpan.FromSeconds(5) : DefaultPollInterval;

    public async Task<PollResult> PollAsync(Source source, string? cursor, CancellationToken ct)
    {
        var state = MastodonCursor.Parse(cursor);
        if (SourceSettings.Flag(source, StreamingSetting))
        {
            return await StreamAsync(source, state, ct);
        }
        var (posts, next) = await CatchUpAsync(source, state, ct);
        return new PollResult(posts, next.Serialize());
    }

    /// <summary>
    /// The REST read: mentions, the hashtag timeline and the search since their cursors, oldest first, each status once.
    /// </summary>
    async Task<(List<PostDocument> Posts, MastodonCursor Next)> CatchUpAsync(Source source, MastodonCursor state, CancellationToken ct)
    {
        var posts = new List<PostDocument>();
        var mentions = await ReadNewestAsync<MastodonNotification>(source, "api/v1/notifications?types[]=mention", state.Notifications, n => n.Id, ct);
        posts.AddRange(mentions.Items.Where(n => n.Status is not null).Select(n => n.Status!.ToPost()));
        var next = state with { Notifications = mentions.NewestId };
        if (Hashtag(source) is { } hashtag)
        {
            var tagged = await ReadNewestAsync<MastodonStatus>(source, $"api/v1/timelines/tag/{Uri.EscapeDataString(hashtag)}", state.Tag, s => s.Id, ct);
            posts.AddRange(tagged.Items.Select(s => s.ToPost()));
            next = next with { Tag = tagged.NewestId };
        }
        if (SourceSettings.String(source, SearchSetting)?.Trim() is { Length: > 0 } query)
        {
            var found = await SearchAsync(source, query, state.Search, ct);
            posts.AddRange(found.Items.Select(s => s.ToPost()));
            next = next with { Search = found.NewestId };
        }
        // Oldest first, so a conversation's posts are stored in the order they were written.
        posts.Reverse();
        return (posts.DistinctBy(p => p.Id).ToList(), next);
    }

    static string? Hashtag(Source source) =>
        SourceSettings.String(source, HashtagSetting)?.Trim().TrimStart('#') is { Length: > 0 } hashtag ? hashtag : null;

    /// <summary>
    /// <c>GET /api/v2/search?type=statuses</c> newer than <paramref name="minId"/>, paging with <c>offset</c> while pages
    /// are full. Mastodon searches the full text only of posts its index holds (opted-in accounts, or ones the brand
    /// account interacted with), so this complements the hashtag and the mentions.
    /// </summary>
    async Task<(List<MastodonStatus> Items, string? NewestId)> SearchAsync(Source source, string query, string? minId, CancellationToken ct)
    {
        var items = new List<MastodonStatus>();
        for (var page = 0; page < MaxPages; page++)
        {
            var path = $"api/v2/search?q={Uri.EscapeDataString(query)}&type=statuses&resolve=false&limit={PageSize}"
                       + (minId is null ? "" : $"&min_id={Uri.EscapeDataString(minId)}")
                       + (page == 0 ? "" : $"&offset={page * PageSize}");
            using var request = Request(source, HttpMethod.Get, path);
            using var response = await http.SendAsync(request, ct);
            if (!response.IsSuccessStatusCode)
            {
                throw new PollFailedException($"Mastodon answered {(int)response.StatusCode} to GET /api/v2/search: {await ErrorOf(response, ct)}", RateLimitWait(response));
            }
            var batch = (await response.Content.ReadFromJsonAsync<MastodonSearchResults>(ct))?.Statuses ?? [];
            items.AddRange(batch);
            if (batch.Count < PageSize || minId is null)
            {
                break;
            }
        }
        return (items.DistinctBy(s => s.Id).ToList(), MastodonIds.Newest(items.Select(s => s.Id), minId));
    }

    /// <summary>Pages back from the newest item to <paramref name="sinceId"/> with max_id, so nothing in between is skipped.</summary>
    async Task<(List<T> Items, string? NewestId)> ReadNewestAsync<T>(Source source, string path, string? sinceId, Func<T, string> id, CancellationToken ct)
    {
        var items = new List<T>();
        string? maxId = null;
        for (var page = 0; page < MaxPages; page++)
        {
            var query = $"{path}{(path.Contains('?') ? '&' : '?')}limit={PageSize}"
                        + (sinceId is null ? "" : $"&since_id={Uri.EscapeDataString(sinceId)}")
                        + (maxId is null ? "" : $"&max_id={Uri.EscapeDataString(maxId)}");
            using var request = Request(source, HttpMethod.Get, query);
            using var response = await http.SendAsync(request, ct);
            if (!response.IsSuccessStatusCode)
            {
                throw new PollFailedException($"Mastodon answered {(int)response.StatusCode} to GET /{path}: {await ErrorOf(response, ct)}", RateLimitWait(response));
            }
            var batch = await response.Content.ReadFromJsonAsync<List<T>>(ct) ?? [];
            items.AddRange(batch);
            // The first poll reads one page only: the backlog before Earshot was connected is history, not work.
            if (batch.Count < PageSize || sinceId is null)
            {
                break;
            }
            maxId = id(batch[^1]);
        }
        return (items, MastodonIds.Newest(items.Select(id), sinceId));
    }

    public async Task<SendResult> SendAsync(OutboundMessage message, CancellationToken ct)
    {
        var source = message.Source;
        var text = message.Text.Trim();
        string visibility;
        if (message.Visibility == ReplyVisibility.Private)
        {
            if (string.IsNullOrWhiteSpace(message.RecipientHandle))
            {
                return SendResult.Failure("A private Mastodon reply needs the customer's handle, and this conversation has none.", retryable: false);
            }
            // A direct status reaches exactly the accounts it mentions.
            var mention = "@" + message.RecipientHandle.Trim().TrimStart('@');
            if (!text.Contains(mention, StringComparison.OrdinalIgnoreCase))
            {
                text = $"{mention} {text}";
            }
            visibility = "direct";
        }
        else
        {
            visibility = "public";
        }
        var limit = (int)(SourceSettings.Number(source, MaxCharactersSetting) ?? DefaultMaxCharacters);
        var length = text.EnumerateRunes().Count();
        if (length > limit)
        {
            return SendResult.Failure($"The reply is {length} characters; Mastodon allows {limit}. Shorten it and send again.", retryable: false);
        }
        var form = new Dictionary<string, string> { ["status"] = text, ["visibility"] = visibility };
        if (message.InReplyToExternalId is { Length: > 0 } inReplyTo)
        {
            form["in_reply_to_id"] = inReplyTo;
        }
        using var request = Request(source, HttpMethod.Post, "api/v1/statuses");
        request.Content = new FormUrlEncodedContent(form);
        // Mastodon drops a repeated POST with the same key, so a retry after a lost answer does not post twice.
        request.Headers.Add("Idempotency-Key", $"earshot-reply-{message.ReplyId}");
        using var response = await http.SendAsync(request, ct);
        if (response.IsSuccessStatusCode)
        {
            var status = await response.Content.ReadFromJsonAsync<MastodonStatus>(ct);
            return status is { Id.Length: > 0 }
                ? SendResult.Success(status.Id)
                : SendResult.Failure("Mastodon accepted the status but returned no id.", retryable: false);
        }
        var error = $"Mastodon: {await ErrorOf(response, ct)}";
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            return SendResult.Failure(error, retryable: true, RateLimitWait(response));
        }
        return SendResult.Failure(error, retryable: (int)response.StatusCode >= 500);
    }

    HttpRequestMessage Request(Source source, HttpMethod method, string pathAndQuery, string? baseUrl = null)
    {
        var instance = (baseUrl ?? SourceSettings.Required(source, InstanceSetting)).TrimEnd('/') + "/";
        if (!Uri.TryCreate(instance, UriKind.Absolute, out var baseUri) || baseUri.Scheme is not ("http" or "https"))
        {
            throw new PollFailedException($"Source '{source.Name}': instance '{instance}' is not an http(s) address.");
        }
        var request = new HttpRequestMessage(method, new Uri(baseUri, pathAndQuery));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", SourceSettings.Required(source, TokenSetting));
        request.Headers.Accept.ParseAdd("application/json");
        return request;
    }

    /// <summary>Mastodon errors are <c>{"error":"..."}</c>; anything else is shown by its status line.</summary>
    static async Task<string> ErrorOf(HttpResponseMessage response, CancellationToken ct)
    {
        var body = await response.Content.ReadAsStringAsync(ct);
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String)
            {
                return error.GetString()!;
            }
        }
        catch (JsonException)
        {
        }
        return $"{(int)response.StatusCode} {response.ReasonPhrase}";
    }

    /// <summary>X-RateLimit-Reset is an ISO 8601 time; the wait is from now until then.</summary>
    TimeSpan? RateLimitWait(HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.TooManyRequests
            || !response.Headers.TryGetValues("X-RateLimit-Reset", out var values)
            || !DateTimeOffset.TryParse(values.FirstOrDefault(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var reset))
        {
            return null;
        }
        var wait = reset - time.GetUtcNow();
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }
}
