using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Earshot.Core.Channels.Bluesky;

/// <summary>
/// The brand's side of Bluesky over XRPC on its PDS: a session from <c>com.atproto.server.createSession</c> (app
/// password), replies as <c>app.bsky.feed.post</c> records with root and parent strong refs through
/// <c>com.atproto.repo.createRecord</c>, and chat messages through the PDS's proxy to the chat service.
/// </summary>
internal sealed class BlueskyXrpc(HttpClient http, TimeProvider time)
{
    public const string ServiceSetting = "service";
    public const string IdentifierSetting = "identifier";
    public const string PasswordSetting = "app_password";
    public const string DefaultService = "https://bsky.social";
    public const int MaxPostGraphemes = 300;
    public const int MaxChatGraphemes = 1000;

    /// <summary>The most an image blob in a post may be (the <c>app.bsky.embed.images</c> lexicon's <c>maxSize</c>).</summary>
    public const long MaxImageBytes = 1_000_000;

    /// <summary>Bluesky's limits for a post: 4 images; JPEG, PNG, WebP and GIF up to 1,000,000 bytes each.</summary>
    public static readonly MediaLimits ImageLimits = new("Bluesky", 4, new Dictionary<string, long>
    {
        ["image/jpeg"] = MaxImageBytes, ["image/png"] = MaxImageBytes, ["image/webp"] = MaxImageBytes, ["image/gif"] = MaxImageBytes,
    });
    const string ChatProxy = "did:web:api.bsky.chat#bsky_chat";
    static readonly TimeSpan SessionLifetime = TimeSpan.FromMinutes(90);

    readonly ConcurrentDictionary<string, (Session Session, DateTimeOffset Expires)> _sessions = new();

    public async Task<SendResult> ReplyAsync(OutboundMessage message, CancellationToken ct)
    {
        var text = message.Text.Trim();
        var graphemes = new StringInfo(text).LengthInTextElements;
        if (graphemes > MaxPostGraphemes)
        {
            return SendResult.Failure($"The reply is {graphemes} characters (graphemes); Bluesky allows {MaxPostGraphemes}. Shorten it and send again.", retryable: false);
        }
        if (message.InReplyToExternalId is not { Length: > 0 } parentUri || !parentUri.StartsWith("at://", StringComparison.Ordinal))
        {
            return SendResult.Failure("A Bluesky reply must answer a post (at:// URI), and this conversation has none.", retryable: false);
        }
        var images = new List<LoadedMedia>();
        if (message.Media is { Count: > 0 } media)
        {
            // Every image is checked (count, type, size) before the sign-in, so a refused reply sends nothing.
            var (loaded, refused) = await ChannelMedia.LoadAsync(http, media, ImageLimits, ct);
            if (refused is not null)
            {
                return refused;
            }
            images = loaded;
        }
        return await WithSessionAsync(message.Source, async session =>
        {
            // The parent's CID and its own thread root come from the AppView through the PDS.
            using var lookup = Request(message.Source, session, HttpMethod.Get, $"app.bsky.feed.getPosts?uris={Uri.EscapeDataString(parentUri)}");
            using var found = await http.SendAsync(lookup, ct);
            if (!found.IsSuccessStatusCode)
            {
                return (found.StatusCode, await FailureAsync(found, ct));
            }
            var posts = await found.Content.ReadFromJsonAsync<GetPostsResponse>(ct);
            if (posts?.Posts?.FirstOrDefault(p => p.Uri == parentUri) is not { Cid.Length: > 0 } parent)
            {
                return (found.StatusCode, SendResult.Failure($"Bluesky: the post {parentUri} no longer exists, so it cannot be answered.", retryable: false));
            }
            var parentRef = new BlueskyStrongRef { Uri = parent.Uri, Cid = parent.Cid };
            var record = new Dictionary<string, object?>
            {
                ["$type"] = BlueskyConnector.PostCollection,
                ["text"] = text,
                ["createdAt"] = time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
                ["reply"] = new BlueskyReplyRef { Root = parent.Record?.Reply?.Root ?? parentRef, Parent = parentRef },
            };
            if (images.Count > 0)
            {
                var embedded = new List<object>();
                foreach (var image in images)
                {
                    var (blob, status, failed) = await UploadBlobAsync(message.Source, session, image, ct);
                    if (failed is not null)
                    {
                        return (status, failed);
                    }
                    embedded.Add(new Dictionary<string, object?> { ["alt"] = image.Description ?? "", ["image"] = blob });
                }
                record["embed"] = new Dictionary<string, object?> { ["$type"] = "app.bsky.embed.images", ["images"] = embedded };
            }
            using var create = Request(message.Source, session, HttpMethod.Post, "com.atproto.repo.createRecord");
            create.Content = JsonContent.Create(new { repo = session.Did, collection = BlueskyConnector.PostCollection, record },
                options: new JsonSerializerOptions { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull });
            using var created = await http.SendAsync(create, ct);
            if (!created.IsSuccessStatusCode)
            {
                return (created.StatusCode, await FailureAsync(created, ct));
            }
            var result = await created.Content.ReadFromJsonAsync<BlueskyStrongRef>(ct);
            return (created.StatusCode, result?.Uri is { Length: > 0 } uri
                ? SendResult.Success(uri)
                : SendResult.Failure("Bluesky accepted the post but returned no URI.", retryable: false));
        }, ct);
    }

    /// <summary>
    /// <c>com.atproto.repo.uploadBlob</c> with the raw bytes and their type: the blob reference the post's embed names,
    /// passed on as the PDS wrote it (<c>{"$type":"blob","ref":{"$link":…},"mimeType":…,"size":…}</c>).
    /// </summary>
    async Task<(JsonElement Blob, HttpStatusCode Status, SendResult? Failure)> UploadBlobAsync(Source source, Session session, LoadedMedia image, CancellationToken ct)
    {
        using var upload = Request(source, session, HttpMethod.Post, "com.atproto.repo.uploadBlob");
        upload.Content = new ByteArrayContent(image.Bytes);
        upload.Content.Headers.ContentType = new MediaTypeHeaderValue(image.ContentType);
        using var uploaded = await http.SendAsync(upload, ct);
        if (!uploaded.IsSuccessStatusCode)
        {
            return (default, uploaded.StatusCode, await FailureAsync(uploaded, ct));
        }
        using var answer = JsonDocument.Parse(await uploaded.Content.ReadAsStringAsync(ct));
        return answer.RootElement.ValueKind == JsonValueKind.Object && answer.RootElement.TryGetProperty("blob", out var blob) && blob.ValueKind == JsonValueKind.Object
            ? (blob.Clone(), uploaded.StatusCode, null)
            : (default, uploaded.StatusCode, SendResult.Failure("Bluesky accepted the image but returned no blob.", retryable: false));
    }

    /// <summary>A chat message: find (or open) the conversation with the customer's DID, then send into it.</summary>
    public async Task<SendResult> SendDirectAsync(OutboundMessage message, CancellationToken ct)
    {
        var text = message.Text.Trim();
        var graphemes = new StringInfo(text).LengthInTextElements;
        if (graphemes > MaxChatGraphemes)
        {
            return SendResult.Failure($"The message is {graphemes} characters (graphemes); Bluesky chat allows {MaxChatGraphemes}.", retryable: false);
        }
        if (message.RecipientHandle is not { Length: > 0 } recipient)
        {
            return SendResult.Failure("A Bluesky chat message needs the customer's handle or DID, and this conversation has none.", retryable: false);
        }
        if (message.Media is { Count: > 0 })
        {
            return SendResult.Failure("Bluesky chat takes no images; remove the attachments and send again.", retryable: false);
        }
        return await WithSessionAsync(message.Source, async session =>
        {
            var did = recipient.TrimStart('@');
            if (!did.StartsWith("did:", StringComparison.Ordinal))
            {
                // Conversations know the customer by handle; chat wants the DID.
                using var resolve = Request(message.Source, session, HttpMethod.Get, $"com.atproto.identity.resolveHandle?handle={Uri.EscapeDataString(did)}");
                using var resolved = await http.SendAsync(resolve, ct);
                if (!resolved.IsSuccessStatusCode)
                {
                    return (resolved.StatusCode, await FailureAsync(resolved, ct));
                }
                using var answer = JsonDocument.Parse(await resolved.Content.ReadAsStringAsync(ct));
                if (!answer.RootElement.TryGetProperty("did", out var value) || value.GetString() is not { Length: > 0 } resolvedDid)
                {
                    return (resolved.StatusCode, SendResult.Failure($"Bluesky has no account @{did}.", retryable: false));
                }
                did = resolvedDid;
            }
            using var lookup = Request(message.Source, session, HttpMethod.Get, $"chat.bsky.convo.getConvoForMembers?members={Uri.EscapeDataString(did)}");
            lookup.Headers.Add("atproto-proxy", ChatProxy);
            using var found = await http.SendAsync(lookup, ct);
            if (!found.IsSuccessStatusCode)
            {
                return (found.StatusCode, await FailureAsync(found, ct));
            }
            using var convo = JsonDocument.Parse(await found.Content.ReadAsStringAsync(ct));
            var convoId = convo.RootElement.TryGetProperty("convo", out var c) && c.TryGetProperty("id", out var id) ? id.GetString() : null;
            if (convoId is null)
            {
                return (found.StatusCode, SendResult.Failure("Bluesky chat answered without a conversation.", retryable: false));
            }
            using var send = Request(message.Source, session, HttpMethod.Post, "chat.bsky.convo.sendMessage");
            send.Headers.Add("atproto-proxy", ChatProxy);
            send.Content = JsonContent.Create(new { convoId, message = new { text } });
            using var sent = await http.SendAsync(send, ct);
            if (!sent.IsSuccessStatusCode)
            {
                return (sent.StatusCode, await FailureAsync(sent, ct));
            }
            using var body = JsonDocument.Parse(await sent.Content.ReadAsStringAsync(ct));
            return (sent.StatusCode, body.RootElement.TryGetProperty("id", out var messageId) && messageId.GetString() is { Length: > 0 } mid
                ? SendResult.Success(mid)
                : SendResult.Failure("Bluesky chat accepted the message but returned no id.", retryable: false));
        }, ct);
    }

    /// <summary>Runs <paramref name="call"/> with a session; an expired token gets one new session and one retry.</summary>
    async Task<SendResult> WithSessionAsync(Source source, Func<Session, Task<(HttpStatusCode Status, SendResult Result)>> call, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var (session, error) = await SessionAsync(source, ct);
            if (session is null)
            {
                return error!;
            }
            var (status, result) = await call(session);
            var expired = !result.Sent && status is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized
                          && result.Error?.Contains("ExpiredToken", StringComparison.Ordinal) == true;
            if (!expired || attempt > 0)
            {
                return result;
            }
            _sessions.TryRemove(SessionKey(source), out _);
        }
    }

    async Task<(Session? Session, SendResult? Error)> SessionAsync(Source source, CancellationToken ct)
    {
        var key = SessionKey(source);
        var now = time.GetUtcNow();
        if (_sessions.TryGetValue(key, out var cached) && cached.Expires > now)
        {
            return (cached.Session, null);
        }
        var identifier = SourceSettings.String(source, IdentifierSetting);
        var password = SourceSettings.String(source, PasswordSetting);
        if (string.IsNullOrEmpty(identifier) || string.IsNullOrEmpty(password))
        {
            return (null, SendResult.Failure($"Source '{source.Name}' needs '{IdentifierSetting}' and '{PasswordSetting}' to post on Bluesky.", retryable: false));
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(ServiceUri(source), "xrpc/com.atproto.server.createSession"))
        {
            Content = JsonContent.Create(new { identifier, password }),
        };
        using var response = await http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            return (null, await FailureAsync(response, ct));
        }
        var session = await response.Content.ReadFromJsonAsync<Session>(ct);
        if (session is not { AccessJwt.Length: > 0, Did.Length: > 0 })
        {
            return (null, SendResult.Failure("Bluesky answered the sign-in without a session.", retryable: false));
        }
        _sessions[key] = (session, now + SessionLifetime);
        return (session, null);
    }

    HttpRequestMessage Request(Source source, Session session, HttpMethod method, string methodAndQuery)
    {
        var request = new HttpRequestMessage(method, new Uri(ServiceUri(source), "xrpc/" + methodAndQuery));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", session.AccessJwt);
        return request;
    }

    static string SessionKey(Source source) =>
        $"{source.Id}|{SourceSettings.String(source, ServiceSetting)}|{SourceSettings.String(source, IdentifierSetting)}";

    static Uri ServiceUri(Source source)
    {
        var value = (SourceSettings.String(source, ServiceSetting) ?? DefaultService).TrimEnd('/') + "/";
        return Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new HttpRequestException($"Source '{source.Name}': service '{value}' is not an http(s) address.");
    }

    /// <summary>XRPC errors are <c>{"error":"Name","message":"…"}</c>; 429 waits until <c>ratelimit-reset</c> (Unix seconds).</summary>
    async Task<SendResult> FailureAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var body = await response.Content.ReadAsStringAsync(ct);
        var text = $"{(int)response.StatusCode} {response.ReasonPhrase}";
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind == JsonValueKind.Object)
            {
                var name = doc.RootElement.TryGetProperty("error", out var e) ? e.GetString() : null;
                var message = doc.RootElement.TryGetProperty("message", out var m) ? m.GetString() : null;
                var parts = new[] { name, message }.Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
                if (parts.Count > 0)
                {
                    text = string.Join(": ", parts);
                }
            }
        }
        catch (JsonException)
        {
        }
        var error = $"Bluesky: {text}";
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            TimeSpan? wait = response.Headers.TryGetValues("ratelimit-reset", out var values)
                             && long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var epoch)
                ? TimeSpan.FromTicks(Math.Max(0, (DateTimeOffset.FromUnixTimeSeconds(epoch) - time.GetUtcNow()).Ticks))
                : null;
            return SendResult.Failure(error, retryable: true, wait);
        }
        return SendResult.Failure(error, retryable: (int)response.StatusCode >= 500);
    }

    internal sealed record Session
    {
        [JsonPropertyName("did")] public string? Did { get; init; }
        [JsonPropertyName("handle")] public string? Handle { get; init; }
        [JsonPropertyName("accessJwt")] public string? AccessJwt { get; init; }
    }

    sealed record GetPostsResponse
    {
        [JsonPropertyName("posts")] public List<PostView>? Posts { get; init; }
    }

    sealed record PostView
    {
        [JsonPropertyName("uri")] public string? Uri { get; init; }
        [JsonPropertyName("cid")] public string? Cid { get; init; }
        [JsonPropertyName("record")] public BlueskyPostRecord? Record { get; init; }
    }
}
