using System.Text.Json;
using System.Text.Json.Serialization;

namespace Earshot.Core.Channels.Mastodon;

/// <summary>
/// Where a Mastodon source stopped: the newest notification, hashtag-timeline and search status id read so far
/// (each is a <c>since_id</c> / <c>min_id</c>), and for streaming sources the last server-sent event id of each
/// stream (sent back as <c>Last-Event-ID</c>) and the ids of the last statuses handed on, so a replay is dropped.
/// </summary>
public sealed record MastodonCursor
{
    /// <summary>How many handed-on status ids are remembered to drop repeats.</summary>
    public const int SeenLimit = 200;

    [JsonPropertyName("notifications")] public string? Notifications { get; init; }
    [JsonPropertyName("tag")] public string? Tag { get; init; }
    [JsonPropertyName("search")] public string? Search { get; init; }
    [JsonPropertyName("notifications_event")] public string? NotificationsEvent { get; init; }
    [JsonPropertyName("tag_event")] public string? TagEvent { get; init; }
    [JsonPropertyName("seen")] public IReadOnlyList<string>? Seen { get; init; }

    public static MastodonCursor Parse(string? cursor)
    {
        try
        {
            return string.IsNullOrWhiteSpace(cursor) ? new() : JsonSerializer.Deserialize<MastodonCursor>(cursor) ?? new();
        }
        catch (JsonException)
        {
            return new();
        }
    }

    static readonly JsonSerializerOptions Options = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public string Serialize() => JsonSerializer.Serialize(this, Options);
}
