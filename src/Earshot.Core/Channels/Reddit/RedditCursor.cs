using System.Text.Json;
using System.Text.Json.Serialization;

namespace Earshot.Core.Channels.Reddit;

/// <summary>
/// Where each listing stopped: the newest <c>created_utc</c> seen and the fullnames seen at that second. Reddit's
/// own <c>before</c> anchor breaks when the anchoring post is deleted, so the cursor is the time instead.
/// </summary>
public sealed record RedditCursor
{
    [JsonPropertyName("new")] public RedditMark? New { get; init; }
    [JsonPropertyName("search")] public RedditMark? Search { get; init; }

    public static RedditCursor Parse(string? cursor)
    {
        try
        {
            return string.IsNullOrWhiteSpace(cursor) ? new() : JsonSerializer.Deserialize<RedditCursor>(cursor) ?? new();
        }
        catch (JsonException)
        {
            return new();
        }
    }

    public string Serialize() => JsonSerializer.Serialize(this);
}

/// <summary>The newest creation time read (Unix seconds) and the fullnames created at that very second.</summary>
public sealed record RedditMark
{
    [JsonPropertyName("created_utc")] public double CreatedUtc { get; init; }
    [JsonPropertyName("names")] public List<string> Names { get; init; } = [];
}
