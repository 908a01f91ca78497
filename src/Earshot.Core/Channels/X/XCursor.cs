using System.Text.Json;
using System.Text.Json.Serialization;

namespace Earshot.Core.Channels.X;

/// <summary>The newest tweet id read from recent search and from the mentions timeline (each a <c>since_id</c>).</summary>
public sealed record XCursor
{
    [JsonPropertyName("search")] public string? Search { get; init; }
    [JsonPropertyName("mentions")] public string? Mentions { get; init; }
    /// <summary>Tweets of a burst not read yet (the poll ran out of pages or calls), read first on the next poll.</summary>
    [JsonPropertyName("search_gap")] public XGap? SearchGap { get; init; }
    [JsonPropertyName("mentions_gap")] public XGap? MentionsGap { get; init; }
    /// <summary>With the filtered stream: ids of the last tweets handed on, so a tweet both streamed and caught up goes once.</summary>
    [JsonPropertyName("stream_seen")] public IReadOnlyList<string>? StreamSeen { get; init; }

    /// <summary>How many handed-on tweet ids are remembered.</summary>
    public const int SeenLimit = 500;

    public static XCursor Parse(string? cursor)
    {
        try
        {
            return string.IsNullOrWhiteSpace(cursor) ? new() : JsonSerializer.Deserialize<XCursor>(cursor) ?? new();
        }
        catch (JsonException)
        {
            return new();
        }
    }

    static readonly JsonSerializerOptions Options = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public string Serialize() => JsonSerializer.Serialize(this, Options);
}

/// <summary>The tweets after <see cref="Since"/> and before <see cref="Until"/> (both exclusive) still to be read.</summary>
public sealed record XGap(
    [property: JsonPropertyName("since_id")] string Since,
    [property: JsonPropertyName("until_id")] string Until);
