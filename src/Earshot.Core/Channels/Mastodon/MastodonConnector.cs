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
/// Mastodon over its REST API: polls mentions (notifications) and, when set, a hashtag timeline; replies as a
/// status in the same thread, or as a <c>direct</c> status mentioning the customer for a private reply.
/// </summary>
public sealed class MastodonConnector(HttpClient http, TimeProvider time) : IPollingConnector
{
    public const string ConnectorName = "mastodon";
    public const string InstanceSetting = "instance";
    public const string TokenSetting = "access_token";
    public const string HashtagSetting = "hashtag";
    public const string MaxCharactersSetting = "max_characters";
    public const int DefaultMaxCharacters = 500;
    const int PageSize = 40;
    // A burst larger than this many pages since the last poll is read over the next polls, never skipped.
    const int MaxPages = 10;

    public string Name => ConnectorName;

    public TimeSpan DefaultPollInterval => TimeSpan.FromMinutes(1);

    public async Task<PollResult> PollAsync(Source source, string? cursor, CancellationToken ct)
    {
        var state = MastodonCursor.Parse(cursor);
        var posts = new List<PostDocument>();
        var mentions = await ReadNewestAsync<MastodonNotification>(source, "api/v1/notifications?types[]=mention", state.Notifications, n => n.Id, ct);
        posts.AddRange(mentions.Items.Where(n => n.Status is not null).Select(n => n.Status!.ToPost()));
        var tagCursor = state.Tag;
        if (SourceSettings.String(source, HashtagSetting)?.Trim().TrimStart('#') is { Length: > 0 } hashtag)
        {
            var tagged = await ReadNewestAsync<MastodonStatus>(source, $"api/v1/timelines/tag/{Uri.EscapeDataString(hashtag)}", state.Tag, s => s.Id, ct);
            posts.AddRange(tagged.Items.Select(s => s.ToPost()));
            tagCursor = tagged.NewestId;
        }
        // Oldest first, so a conversation's posts are stored in the order they were written.
        posts.Reverse();
        return new PollResult(posts, new MastodonCursor { Notifications = mentions.NewestId, Tag = tagCursor }.Serialize());
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
        var newest = items.Count > 0 ? items.Select(id).MaxBy(i => (i.Length, i), IdOrder.Instance) : sinceId;
        return (items, newest);
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

    HttpRequestMessage Request(Source source, HttpMethod method, string pathAndQuery)
    {
        var instance = SourceSettings.Required(source, InstanceSetting).TrimEnd('/') + "/";
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

    /// <summary>Mastodon ids are numeric strings: a longer id is a newer one.</summary>
    sealed class IdOrder : IComparer<(int Length, string Id)>
    {
        public static readonly IdOrder Instance = new();

        public int Compare((int Length, string Id) x, (int Length, string Id) y) =>
            x.Length != y.Length ? x.Length.CompareTo(y.Length) : string.CompareOrdinal(x.Id, y.Id);
    }
}
