using System.Text.Json;
using Earshot.Core.Ingestion;

namespace Earshot.Api;

/// <summary>Reads a pushed body (one post JSON or an array of them) into normalized posts, or the 400/413 to answer.</summary>
public static class PostBatch
{
    public const int MaxPostsPerRequest = 1000;
    static readonly JsonSerializerOptions Strict = new(JsonSerializerDefaults.Web) { UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Skip };

    /// <summary>The posts of <paramref name="root"/>, or the problem that names the bad item and field.</summary>
    public static (List<Post> Posts, IResult? Problem) Read(JsonElement root, long workspaceId, long sourceId, string? defaultPlatform, DateTime now)
    {
        List<JsonElement>? elements = root.ValueKind switch
        {
            JsonValueKind.Object => [root],
            JsonValueKind.Array => root.EnumerateArray().ToList(),
            _ => null,
        };
        if (elements is null)
        {
            return ([], Problems.BadRequest("The body must be a post object or an array of post objects."));
        }
        if (elements.Count == 0)
        {
            return ([], Problems.BadRequest("The array of posts is empty."));
        }
        if (elements.Count > MaxPostsPerRequest)
        {
            return ([], Problems.TooLarge($"At most {MaxPostsPerRequest} posts per request."));
        }
        var normalized = new List<Post>(elements.Count);
        for (var i = 0; i < elements.Count; i++)
        {
            var prefix = root.ValueKind == JsonValueKind.Array ? $"[{i}]." : "";
            if (elements[i].ValueKind != JsonValueKind.Object)
            {
                return ([], Problems.BadRequest($"{(prefix.Length == 0 ? "the body" : prefix.TrimEnd('.'))} must be a post object", prefix.TrimEnd('.')));
            }
            PostDocument? doc;
            try
            {
                doc = elements[i].Deserialize<PostDocument>(Strict);
            }
            catch (JsonException ex)
            {
                var field = prefix + (ex.Path ?? "$").TrimStart('$', '.');
                return ([], Problems.BadRequest($"{field}: has the wrong type ({FirstSentence(ex.Message)})", field));
            }
            if (defaultPlatform is not null && doc!.Platform is null)
            {
                doc = doc with { Platform = defaultPlatform };
            }
            var (post, badField, error) = PostNormalizer.Normalize(doc!, workspaceId, sourceId, now);
            if (post is null)
            {
                return ([], Problems.BadRequest($"{prefix}{error}", prefix + badField));
            }
            normalized.Add(post);
        }
        return (normalized, null);
    }

    /// <summary>Parses the body as JSON, or the 400 that says where it breaks.</summary>
    public static async Task<(JsonDocument? Body, IResult? Problem)> ParseAsync(Stream body, CancellationToken ct)
    {
        try
        {
            return (await JsonDocument.ParseAsync(body, cancellationToken: ct), null);
        }
        catch (JsonException ex)
        {
            return (null, Problems.BadRequest($"The body is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine}): {ex.Message}"));
        }
    }

    static string FirstSentence(string message) => message.Split(". ")[0];
}
