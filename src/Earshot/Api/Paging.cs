using System.Buffers.Text;
using System.Text;

namespace Earshot.Api;

/// <summary>Opaque cursors over descending ids, and limits within bounds.</summary>
public static class Paging
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    public static string? Validate(int? limit, string? cursor) =>
        limit is < 1 or > MaxLimit ? $"limit must be between 1 and {MaxLimit}"
        : cursor is not null && Decode(cursor) is null ? "cursor is not one this API gave out"
        : null;

    public static int Limit(int? limit) => limit ?? DefaultLimit;

    public static string Encode(long lastId) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"id:{lastId}"));

    public static long? Decode(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }
        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
            return text.StartsWith("id:", StringComparison.Ordinal) && long.TryParse(text.AsSpan(3), out var id) ? id : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}

/// <summary>A page of results and the cursor of the next page (null at the end).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);
