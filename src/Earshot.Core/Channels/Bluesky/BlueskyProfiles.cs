using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Earshot.Core.Ingestion;

namespace Earshot.Core.Channels.Bluesky;

/// <summary>
/// Jetstream names authors by DID only. Before posts are handed on, their authors' handles, display names and
/// follower counts are looked up on the public AppView (<c>app.bsky.actor.getProfiles</c>, 25 per call), so
/// identities, reach and priority work as on other networks. A failed lookup keeps the DIDs: posts are never held back.
/// </summary>
internal sealed class BlueskyProfiles(HttpClient http)
{
    public const string AppViewSetting = "appview";
    public const string DefaultAppView = "https://public.api.bsky.app";
    const int PerCall = 25;

    public async Task<List<PostDocument>> WithAuthorsAsync(Source source, List<PostDocument> posts, CancellationToken ct)
    {
        var dids = posts.Select(p => p.Author?.Handle).OfType<string>().Where(d => d.StartsWith("did:", StringComparison.Ordinal)).Distinct().ToList();
        if (dids.Count == 0
            || !Uri.TryCreate((SourceSettings.String(source, AppViewSetting) ?? DefaultAppView).TrimEnd('/') + "/", UriKind.Absolute, out var appView))
        {
            return posts;
        }
        var profiles = new Dictionary<string, Profile>(StringComparer.Ordinal);
        foreach (var chunk in dids.Chunk(PerCall))
        {
            try
            {
                var query = string.Join("&", chunk.Select(d => $"actors={Uri.EscapeDataString(d)}"));
                using var response = await http.GetAsync(new Uri(appView, $"xrpc/app.bsky.actor.getProfiles?{query}"), ct);
                if (!response.IsSuccessStatusCode)
                {
                    break;
                }
                var found = await response.Content.ReadFromJsonAsync<ProfilesResponse>(ct);
                foreach (var profile in found?.Profiles ?? [])
                {
                    if (profile.Did is { } did)
                    {
                        profiles[did] = profile;
                    }
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or System.Text.Json.JsonException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                break;
            }
        }
        return posts.Select(p => p.Author?.Handle is { } did && profiles.TryGetValue(did, out var profile) && profile.Handle is { Length: > 0 } handle
            ? p with
            {
                Author = new PostAuthor
                {
                    Handle = handle,
                    Name = string.IsNullOrWhiteSpace(profile.DisplayName) ? handle : profile.DisplayName,
                    Followers = Math.Max(0, profile.FollowersCount),
                },
            }
            : p).ToList();
    }

    sealed record ProfilesResponse
    {
        [JsonPropertyName("profiles")] public List<Profile>? Profiles { get; init; }
    }

    sealed record Profile
    {
        [JsonPropertyName("did")] public string? Did { get; init; }
        [JsonPropertyName("handle")] public string? Handle { get; init; }
        [JsonPropertyName("displayName")] public string? DisplayName { get; init; }
        [JsonPropertyName("followersCount")] public long FollowersCount { get; init; }
    }
}
