using System.Text.Json;
using System.Text.Json.Serialization;

namespace Earshot.Core.Channels.X;

/// <summary>The newest tweet id read from recent search and from the mentions timeline (each a <c>since_id</c>).</summary>
public sealed record XCursor
{
    [JsonPropertyName("search")] public string? Search { get; init; }
    [JsonPropertyName("mentions")] public string? Mentions { get; init; }

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

    public string Serialize() => JsonSerializer.Serialize(this);
}
