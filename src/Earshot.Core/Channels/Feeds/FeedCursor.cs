using System.Text.Json;
using System.Text.Json.Serialization;

namespace Earshot.Core.Channels.Feeds;

/// <summary>
/// Where a feed source stopped: the validators for the next conditional GET, and the item ids of the last feed
/// document (a feed is a sliding window, so those are the only ones that can come back).
/// </summary>
public sealed record FeedCursor
{
    public const int MaxSeen = 1000;

    [JsonPropertyName("etag")] public string? ETag { get; init; }
    [JsonPropertyName("last_modified")] public string? LastModified { get; init; }
    [JsonPropertyName("seen")] public IReadOnlyList<string> Seen { get; init; } = [];

    public static FeedCursor Parse(string? cursor)
    {
        if (string.IsNullOrWhiteSpace(cursor))
        {
            return new FeedCursor();
        }
        try
        {
            return JsonSerializer.Deserialize<FeedCursor>(cursor) ?? new FeedCursor();
        }
        catch (JsonException)
        {
            // A cursor from an older format: start over; ingest deduplicates what comes again.
            return new FeedCursor();
        }
    }

    public string Serialize() => JsonSerializer.Serialize(this);
}
