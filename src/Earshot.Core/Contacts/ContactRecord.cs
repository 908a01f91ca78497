namespace Earshot.Core.Contacts;

/// <summary>One customer as a CRM export describes them (a line of <c>earshot import-contacts</c>).</summary>
public sealed record ContactRecord(
    string CustomerId,
    string Name,
    string? Email,
    string? Tier,
    double LifetimeValue,
    IReadOnlyList<(string Platform, string Handle)> Handles)
{
    /// <summary>
    /// Parses <c>x:@jo;mastodon:@jo@m.social</c>. Returns the handles, or what is wrong with the text.
    /// </summary>
    public static (IReadOnlyList<(string Platform, string Handle)> Handles, string? Error) ParseHandles(string? text)
    {
        var handles = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return (handles, null);
        }
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = part.IndexOf(':');
            if (colon <= 0 || colon == part.Length - 1)
            {
                return (handles, $"handle '{part}' is not platform:handle (e.g. x:@jo)");
            }
            var platform = part[..colon].Trim().ToLowerInvariant();
            platform = platform == "twitter" ? "x" : platform;
            var handle = part[(colon + 1)..].Trim().TrimStart('@');
            if (platform.Length > 32 || !platform.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                return (handles, $"platform '{platform}' must be letters, digits, '-' or '_'");
            }
            if (handle.Length is 0 or > 256 || handle.Any(char.IsWhiteSpace))
            {
                return (handles, $"handle '{part[(colon + 1)..].Trim()}' must be 1-256 characters without spaces");
            }
            handles.Add((platform, handle));
        }
        return (handles, null);
    }
}
