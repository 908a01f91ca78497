using System.Text.Json;

namespace Earshot.Core.Channels;

/// <summary>Reads a source's settings JSON: connectors ask for the keys they document in docs/channels.md.</summary>
public static class SourceSettings
{
    /// <summary>The string at <paramref name="key"/>, or null when missing or not a string.</summary>
    public static string? String(Source source, string key)
    {
        using var doc = Parse(source);
        return doc.RootElement.ValueKind == JsonValueKind.Object
               && doc.RootElement.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
    }

    /// <summary>The string at <paramref name="key"/>; throws naming the key when it is missing.</summary>
    public static string Required(Source source, string key) =>
        String(source, key) is { Length: > 0 } value
            ? value
            : throw new Polling.PollFailedException($"Source '{source.Name}' has no '{key}' in its settings.");

    /// <summary>The number at <paramref name="key"/>, or null when missing or not a number.</summary>
    public static long? Number(Source source, string key)
    {
        using var doc = Parse(source);
        return doc.RootElement.ValueKind == JsonValueKind.Object
               && doc.RootElement.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.Number
               && value.TryGetInt64(out var number)
            ? number
            : null;
    }

    /// <summary>The JSON value at <paramref name="key"/> (any kind), or null when missing.</summary>
    public static JsonElement? Json(Source source, string key)
    {
        using var doc = Parse(source);
        return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty(key, out var value)
            ? value.Clone()
            : null;
    }

    /// <summary>True when <paramref name="key"/> is JSON <c>true</c> or the string <c>"true"</c>.</summary>
    public static bool Flag(Source source, string key)
    {
        using var doc = Parse(source);
        return doc.RootElement.ValueKind == JsonValueKind.Object
               && doc.RootElement.TryGetProperty(key, out var value)
               && (value.ValueKind == JsonValueKind.True
                   || value.ValueKind == JsonValueKind.String && string.Equals(value.GetString(), "true", StringComparison.OrdinalIgnoreCase));
    }

    static JsonDocument Parse(Source source)
    {
        try
        {
            return JsonDocument.Parse(string.IsNullOrWhiteSpace(source.Settings) ? "{}" : source.Settings);
        }
        catch (JsonException)
        {
            return JsonDocument.Parse("{}");
        }
    }
}
