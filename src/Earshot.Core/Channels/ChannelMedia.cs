using System.Net.Http.Headers;

namespace Earshot.Core.Channels;

/// <summary>
/// Gets a reply's attachments ready for a network: checks count, type and size against its <see cref="MediaLimits"/>
/// and fetches URL images (never more than the limit allows), all before anything is sent, so a reply the network
/// would refuse fails with a message that says why and posts nothing.
/// </summary>
public static class ChannelMedia
{
    public static async Task<(List<LoadedMedia> Media, SendResult? Failure)> LoadAsync(
        HttpClient http, IReadOnlyList<OutboundMedia> media, MediaLimits limits, CancellationToken ct)
    {
        var loaded = new List<LoadedMedia>();
        if (media.Count > limits.MaxCount)
        {
            return (loaded, Refuse($"The reply carries {media.Count} attachments; {limits.Network} allows {limits.MaxCount}."));
        }
        var largest = limits.MaxBytes.Values.Max();
        for (var i = 0; i < media.Count; i++)
        {
            var item = media[i];
            var name = media.Count == 1 ? "The attachment" : $"Attachment {i + 1}";
            if (item.ContentType is { Length: > 0 } declared && Sniff(item.Content) is null && !limits.Allows(Normalize(declared)))
            {
                return (loaded, Refuse($"{name} is {declared}; {limits.Network} replies take {limits.TypeList}."));
            }
            byte[] bytes;
            string? served = null;
            if (item.Content is { } content)
            {
                bytes = content;
            }
            else if (Uri.TryCreate(item.Url, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
            {
                var (fetched, type, failure) = await FetchAsync(http, url, largest, name, ct);
                if (failure is not null)
                {
                    return (loaded, failure);
                }
                (bytes, served) = (fetched!, type);
            }
            else
            {
                return (loaded, Refuse($"{name} has neither stored bytes nor an http(s) address."));
            }
            var contentType = Sniff(bytes) ?? Normalize(item.ContentType ?? served ?? "application/octet-stream");
            if (!limits.MaxBytes.TryGetValue(contentType, out var max))
            {
                return (loaded, Refuse($"{name} is {contentType}; {limits.Network} replies take {limits.TypeList}."));
            }
            if (bytes.LongLength > max)
            {
                return (loaded, Refuse($"{name} is {Size(bytes.LongLength)} ({bytes.LongLength:N0} bytes); {limits.Network} allows {Size(max)} ({max:N0} bytes) for {contentType}."));
            }
            loaded.Add(new LoadedMedia(bytes, contentType, string.IsNullOrWhiteSpace(item.Description) ? null : item.Description.Trim()));
        }
        if (loaded.Count > 1 && loaded.FirstOrDefault(m => limits.AloneTypes?.Contains(m.ContentType) == true) is { } alone)
        {
            return (loaded, Refuse($"{limits.Network} takes {alone.ContentType} only as the single attachment of a post."));
        }
        return (loaded, null);
    }

    static SendResult Refuse(string message) => SendResult.Failure(message + " Change the attachments and send again.", retryable: false);

    /// <summary>Reads at most <paramref name="max"/> + 1 bytes, so an oversized file is refused without reading it all.</summary>
    static async Task<(byte[]? Bytes, string? ContentType, SendResult? Failure)> FetchAsync(HttpClient http, Uri url, long max, string name, CancellationToken ct)
    {
        try
        {
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, ct);
            if (!response.IsSuccessStatusCode)
            {
                // A missing file stays missing; a server error may pass.
                return (null, null, SendResult.Failure($"{name} could not be fetched from {url}: {(int)response.StatusCode} {response.ReasonPhrase}.",
                    retryable: (int)response.StatusCode >= 500));
            }
            if (response.Content.Headers.ContentLength > max)
            {
                return (null, null, Refuse($"{name} is {Size(response.Content.Headers.ContentLength.Value)}, more than any image the network takes ({Size(max)})."));
            }
            await using var body = await response.Content.ReadAsStreamAsync(ct);
            using var copy = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = await body.ReadAsync(buffer, ct)) > 0)
            {
                copy.Write(buffer, 0, read);
                if (copy.Length > max)
                {
                    return (null, null, Refuse($"{name} is more than {Size(max)}, the most the network takes."));
                }
            }
            return (copy.ToArray(), response.Content.Headers.ContentType?.MediaType, null);
        }
        catch (HttpRequestException ex)
        {
            return (null, null, SendResult.Failure($"{name} could not be fetched from {url}: {ex.Message}", retryable: true));
        }
    }

    /// <summary>The type by the file's own signature: JPEG, PNG, GIF, WebP.</summary>
    public static string? Sniff(byte[]? bytes) => bytes switch
    {
        [0xFF, 0xD8, 0xFF, ..] => "image/jpeg",
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, ..] => "image/png",
        [0x47, 0x49, 0x46, 0x38, ..] => "image/gif",
        [0x52, 0x49, 0x46, 0x46, _, _, _, _, 0x57, 0x45, 0x42, 0x50, ..] => "image/webp",
        _ => null,
    };

    static string Normalize(string contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed) && parsed.MediaType is { } type
            ? type.ToLowerInvariant() is "image/jpg" or "image/pjpeg" ? "image/jpeg" : type.ToLowerInvariant()
            : contentType.ToLowerInvariant();

    static string Size(long bytes) => bytes >= 1024 * 1024 ? $"{bytes / (1024.0 * 1024):0.#} MB" : $"{bytes / 1024.0:0.#} KB";
}
