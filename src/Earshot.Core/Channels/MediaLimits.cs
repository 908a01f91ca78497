namespace Earshot.Core.Channels;

/// <summary>
/// What a network accepts on one post: how many attachments, which types and how large each, and which types must
/// be the only attachment (X: an animated GIF).
/// </summary>
public sealed record MediaLimits(string Network, int MaxCount, IReadOnlyDictionary<string, long> MaxBytes, IReadOnlySet<string>? AloneTypes = null)
{
    public bool Allows(string contentType) => MaxBytes.ContainsKey(contentType);

    public string TypeList => string.Join(", ", MaxBytes.Keys.Select(k => k.Replace("image/", "", StringComparison.Ordinal).ToUpperInvariant()));
}
