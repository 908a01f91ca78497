using System.Text.Json;
using Earshot.Core.Channels.Polling;
using Earshot.Core.Ingestion;

namespace Earshot.Core.Channels.Mastodon;

/// <summary>The streaming half of the Mastodon connector: bounded reads of the SSE streams plus the REST catch-up.</summary>
public sealed partial class MastodonConnector
{
    async Task<PollResult> StreamAsync(Source source, MastodonCursor state, CancellationToken ct)
    {
        var seconds = Math.Clamp(SourceSettings.Number(source, StreamSecondsSetting) ?? DefaultStreamSeconds, 1, MaxStreamSeconds);
        using var window = new CancellationTokenSource(TimeSpan.FromSeconds(seconds), time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, window.Token);
        var hashtag = Hashtag(source);
        // Streams first, then the catch-up: a status published while the REST read runs is already on a stream.
        using var mentionStream = await OpenStreamAsync(source, "api/v1/streaming/user/notification", state.NotificationsEvent, ct);
        using var tagStream = hashtag is null ? null
            : await OpenStreamAsync(source, $"api/v1/streaming/hashtag?tag={Uri.EscapeDataString(hashtag)}", state.TagEvent, ct);
        var (caught, next) = await CatchUpAsync(source, state, ct);
        var reads = await Task.WhenAll(
            MastodonEventStream.ReadAsync(mentionStream, state.NotificationsEvent, linked.Token, ct),
            tagStream is null
                ? Task.FromResult(new MastodonStreamWindow([], state.TagEvent, false))
                : MastodonEventStream.ReadAsync(tagStream, state.TagEvent, linked.Token, ct));

        var seen = new List<string>(state.Seen ?? []);
        var known = new HashSet<string>(seen, StringComparer.Ordinal);
        var posts = new List<PostDocument>();
        void Hand(MastodonStatus status)
        {
            if (status.Id.Length > 0 && known.Add(status.Id))
            {
                posts.Add(status.ToPost());
                seen.Add(status.Id);
            }
        }
        foreach (var post in caught)
        {
            if (post.Id is { Length: > 0 } id && known.Add(id))
            {
                posts.Add(post);
                seen.Add(id);
            }
        }
        var newestNotification = next.Notifications;
        foreach (var notification in reads[0].Events.Where(e => e.Type == "notification").Select(e => Json<MastodonNotification>(e.Data)))
        {
            if (notification is null)
            {
                continue;
            }
            // Notification ids share one sequence whatever their type, so any of them moves the since_id.
            newestNotification = MastodonIds.Newest(newestNotification, notification.Id);
            if (notification.Type == "mention" && notification.Status is { } status)
            {
                Hand(status);
            }
        }
        var newestTag = next.Tag;
        foreach (var status in reads[1].Events.Where(e => e.Type == "update").Select(e => Json<MastodonStatus>(e.Data)))
        {
            if (status is not null)
            {
                newestTag = MastodonIds.Newest(newestTag, status.Id);
                Hand(status);
            }
        }
        var cursor = next with
        {
            Notifications = newestNotification,
            Tag = newestTag,
            NotificationsEvent = reads[0].LastEventId,
            TagEvent = reads[1].LastEventId,
            Seen = seen.Count > MastodonCursor.SeenLimit ? seen[^MastodonCursor.SeenLimit..] : seen,
        };
        return new PollResult(posts, cursor.Serialize());
    }

    /// <summary>Opens one stream; a refusal (401, 429...) fails the poll with Mastodon's message and its reset time.</summary>
    async Task<HttpResponseMessage> OpenStreamAsync(Source source, string path, string? lastEventId, CancellationToken ct)
    {
        var baseUrl = SourceSettings.String(source, StreamingUrlSetting) is { Length: > 0 } streaming ? streaming : SourceSettings.Required(source, InstanceSetting);
        using var request = Request(source, HttpMethod.Get, path, baseUrl);
        request.Headers.Accept.Clear();
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (lastEventId is { Length: > 0 })
        {
            request.Headers.TryAddWithoutValidation("Last-Event-ID", lastEventId);
        }
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        }
        catch (HttpRequestException ex)
        {
            throw new PollFailedException($"Could not open the Mastodon stream /{path}: {ex.Message}");
        }
        if (!response.IsSuccessStatusCode)
        {
            using (response)
            {
                throw new PollFailedException($"Mastodon answered {(int)response.StatusCode} to the stream GET /{path}: {await ErrorOf(response, ct)}", RateLimitWait(response));
            }
        }
        return response;
    }

    static T? Json<T>(string data) where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(data);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
