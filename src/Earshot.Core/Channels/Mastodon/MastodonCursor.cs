using System.Text.Json;
using System.Text.Json.Serialization;

namespace Earshot.Core.Channels.Mastodon;

/// <summary>The newest notification id and hashtag-timeline status id read so far (each is a <c>since_id</c>).</summary>
public sealed record MastodonCursor
{
    [JsonPropertyName("notifications")] public string? Notifications { get; init; }
    [JsonPropertyName("tag")] public string? Tag { get; init; }

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

    public string Serialize() => JsonSerializer.Serialize(this);
}
