namespace Earshot.Core.Channels;

/// <summary>
/// An image to attach to a reply: bytes already stored, or an http(s) URL the connector fetches when it sends.
/// <see cref="ContentType"/> may be left out for a URL (the answer's type is used); the bytes' own signature wins
/// over both, so a mislabelled file is judged by what it is.
/// </summary>
public sealed record OutboundMedia(string? ContentType = null, byte[]? Content = null, string? Url = null, string? Description = null);

/// <summary>An attachment ready to upload: its bytes, its real type, its alt text.</summary>
public sealed record LoadedMedia(byte[] Bytes, string ContentType, string? Description)
{
    public string FileName => ContentType switch
    {
        "image/jpeg" => "image.jpg",
        "image/png" => "image.png",
        "image/gif" => "image.gif",
        "image/webp" => "image.webp",
        _ => "image",
    };
}
