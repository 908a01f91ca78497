using System.Globalization;
using System.Net.WebSockets;
using System.Text.Json;
using Earshot.Core.Channels.Polling;
using Earshot.Core.Ingestion;
using Earshot.Core.Replies;

namespace Earshot.Core.Channels.Bluesky;

/// <summary>
/// Bluesky: listens to the Jetstream JSON firehose over a WebSocket and answers through XRPC on the brand's PDS.
/// <para>
/// The stream fits the poller's lease model as a bounded read: each poll connects with the stored cursor
/// (<c>time_us</c> of the last event), reads for at most <c>stream_seconds</c> (well inside the two-minute lease),
/// closes, and hands on the matching posts with the new cursor. The next poll, seconds later, resumes at that
/// cursor, so a restart, a dropped connection or a move to another node neither misses nor repeats posts.
/// </para>
/// </summary>
public sealed class BlueskyConnector(HttpClient http, TimeProvider time) : IPollingConnector
{
    public const string ConnectorName = "bluesky";
    public const string PostCollection = "app.bsky.feed.post";
    public const string JetstreamSetting = "jetstream";
    public const string KeywordsSetting = "keywords";
    public const string DidsSetting = "dids";
    public const string FromDidsSetting = "from_dids";
    public const string StreamSecondsSetting = "stream_seconds";
    public const string DefaultJetstream = "wss://jetstream2.us-east.bsky.network";
    const int DefaultStreamSeconds = 25;
    const int MaxStreamSeconds = 90;
    const int MaxEventsPerPoll = 20_000;

    readonly BlueskyXrpc _xrpc = new(http, time);
    readonly BlueskyProfiles _profiles = new(http);

    public string Name => ConnectorName;

    /// <summary>Posts carry up to 4 images (an <c>app.bsky.embed.images</c> embed); chat messages refuse them.</summary>
    public bool TakesMedia => true;

    /// <summary>Short: the source is read most of the time, in windows of <c>stream_seconds</c>.</summary>
    public TimeSpan DefaultPollInterval => TimeSpan.FromSeconds(5);

    public async Task<PollResult> PollAsync(Source source, string? cursor, CancellationToken ct)
    {
        var filter = new JetstreamFilter(
            JetstreamFilter.List(SourceSettings.String(source, KeywordsSetting)),
            JetstreamFilter.List(SourceSettings.String(source, DidsSetting)).ToHashSet(StringComparer.Ordinal));
        var fromDids = JetstreamFilter.List(SourceSettings.String(source, FromDidsSetting));
        if (filter.IsEmpty && fromDids.Count == 0)
        {
            throw new PollFailedException($"Source '{source.Name}' needs '{KeywordsSetting}', '{DidsSetting}' or '{FromDidsSetting}' in its settings; the firehose is everything on Bluesky.");
        }
        var uri = SubscribeUri(source, fromDids, cursor);
        var seconds = Math.Clamp(SourceSettings.Number(source, StreamSecondsSetting) ?? DefaultStreamSeconds, 1, MaxStreamSeconds);
        using var window = new CancellationTokenSource(TimeSpan.FromSeconds(seconds), time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, window.Token);

        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("User-Agent", "Earshot/1.0");
        try
        {
            await socket.ConnectAsync(uri, linked.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or HttpRequestException || ex is OperationCanceledException && !ct.IsCancellationRequested)
        {
            throw new PollFailedException($"Could not open the Jetstream at {uri.GetLeftPart(UriPartial.Path)}: {ex.Message}");
        }

        var posts = new List<PostDocument>();
        var last = cursor;
        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        var events = 0;
        try
        {
            while (socket.State == WebSocketState.Open && events < MaxEventsPerPoll)
            {
                var received = await socket.ReceiveAsync(chunk, linked.Token);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
                buffer.Write(chunk, 0, received.Count);
                if (!received.EndOfMessage)
                {
                    continue;
                }
                events++;
                var message = Parse(buffer);
                buffer.SetLength(0);
                if (message is null)
                {
                    continue;
                }
                if (message.TimeUs > 0)
                {
                    last = message.TimeUs.ToString(CultureInfo.InvariantCulture);
                }
                if (message.IsNewPost && (filter.IsEmpty || filter.Matches(message)))
                {
                    posts.Add(message.ToPost());
                }
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // The window is over: what was read so far is this poll's harvest.
        }
        catch (WebSocketException)
        {
            // The connection dropped mid-stream: keep what arrived; the next poll reconnects at the cursor.
        }
        await CloseQuietlyAsync(socket);
        return new PollResult(await _profiles.WithAuthorsAsync(source, posts, ct), last);
    }

    static JetstreamEvent? Parse(MemoryStream buffer)
    {
        try
        {
            return JsonSerializer.Deserialize<JetstreamEvent>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    static async Task CloseQuietlyAsync(ClientWebSocket socket)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "poll window over", timeout.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
        }
    }

    /// <summary><c>{jetstream}/subscribe?wantedCollections=app.bsky.feed.post[&amp;wantedDids=…][&amp;cursor=time_us]</c>.</summary>
    static Uri SubscribeUri(Source source, IReadOnlyList<string> fromDids, string? cursor)
    {
        var baseText = (SourceSettings.String(source, JetstreamSetting) ?? DefaultJetstream).TrimEnd('/');
        if (!Uri.TryCreate(baseText, UriKind.Absolute, out var baseUri) || baseUri.Scheme is not ("ws" or "wss"))
        {
            throw new PollFailedException($"Source '{source.Name}': jetstream '{baseText}' is not a ws(s) address.");
        }
        var query = $"wantedCollections={PostCollection}"
                    + string.Concat(fromDids.Select(d => $"&wantedDids={Uri.EscapeDataString(d)}"))
                    + (long.TryParse(cursor, NumberStyles.Integer, CultureInfo.InvariantCulture, out var timeUs) ? $"&cursor={timeUs}" : "");
        var path = baseUri.AbsolutePath.EndsWith("/subscribe", StringComparison.Ordinal) ? baseText : baseText + "/subscribe";
        return new Uri($"{path}?{query}");
    }

    public Task<SendResult> SendAsync(OutboundMessage message, CancellationToken ct) =>
        message.Visibility == ReplyVisibility.Private ? _xrpc.SendDirectAsync(message, ct) : _xrpc.ReplyAsync(message, ct);
}
