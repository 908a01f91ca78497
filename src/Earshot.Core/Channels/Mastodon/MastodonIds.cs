namespace Earshot.Core.Channels.Mastodon;

/// <summary>Mastodon ids are numeric strings: a longer id is a newer one, and equal lengths compare as text.</summary>
public static class MastodonIds
{
    public static int Compare(string x, string y) =>
        x.Length != y.Length ? x.Length.CompareTo(y.Length) : string.CompareOrdinal(x, y);

    /// <summary>The newer of two ids; null counts as older than any id.</summary>
    public static string? Newest(string? x, string? y) =>
        x is null ? y : y is null ? x : Compare(x, y) >= 0 ? x : y;

    public static string? Newest(IEnumerable<string> ids, string? start = null) => ids.Aggregate(start, Newest);
}
