using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Earshot.Core.Channels.X;

/// <summary>Images in X replies: limits checked before anything is sent, then uploaded and attached by id.</summary>
public sealed partial class XConnector
{
    /// <summary>
    /// X's limits: a post takes up to 4 images (JPEG, PNG, WebP up to 5 MB) or one animated GIF (up to 15 MB); a
    /// direct message takes one attachment.
    /// </summary>
    static MediaLimits Limits(bool direct) => new(
        direct ? "An X direct message" : "X", direct ? 1 : 4,
        new Dictionary<string, long>
        {
            ["image/jpeg"] = 5 * 1024 * 1024, ["image/png"] = 5 * 1024 * 1024, ["image/webp"] = 5 * 1024 * 1024, ["image/gif"] = 15 * 1024 * 1024,
        },
        new HashSet<string> { "image/gif" });

    /// <summary>
    /// Checks every attachment first, then uploads each with <c>POST /2/media/upload</c> (multipart <c>media</c>,
    /// <c>media_category</c> <c>tweet_image</c>/<c>tweet_gif</c>, or <c>dm_image</c>/<c>dm_gif</c> for a direct message).
    /// </summary>
    async Task<(List<string> Ids, SendResult? Failure)> UploadMediaAsync(Source source, IReadOnlyList<OutboundMedia>? media, bool direct, CancellationToken ct)
    {
        var ids = new List<string>();
        if (media is not { Count: > 0 })
        {
            return (ids, null);
        }
        var (loaded, refused) = await ChannelMedia.LoadAsync(http, media, Limits(direct), ct);
        if (refused is not null)
        {
            return (ids, refused);
        }
        foreach (var item in loaded)
        {
            var category = (direct ? "dm_" : "tweet_") + (item.ContentType == "image/gif" ? "gif" : "image");
            using var request = Request(source, HttpMethod.Post, "2/media/upload");
            var file = new ByteArrayContent(item.Bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue(item.ContentType);
            request.Content = new MultipartFormDataContent
            {
                { file, "media", item.FileName },
                { new StringContent(category), "media_category" },
                { new StringContent(item.ContentType), "media_type" },
            };
            using var response = await http.SendAsync(request, ct);
            if (!response.IsSuccessStatusCode)
            {
                return (ids, await FailureAsync(response, ct));
            }
            var uploaded = await response.Content.ReadFromJsonAsync<XData<XCreated>>(ct);
            if (uploaded?.Data?.Id is not { Length: > 0 } id)
            {
                return (ids, SendResult.Failure("X accepted the attachment but returned no media id.", retryable: false));
            }
            ids.Add(id);
        }
        return (ids, null);
    }
}
