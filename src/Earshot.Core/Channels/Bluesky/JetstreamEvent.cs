using System.Text.Json.Serialization;
using Earshot.Core.Ingestion;

namespace Earshot.Core.Channels.Bluesky;

/// <summary>
/// One Jetstream message: <c>{"did","time_us","kind":"commit","commit":{"operation","collection","rkey","cid","record"}}</c>
/// (kinds <c>identity</c> and <c>account</c> carry no post and only move the cursor).
/// </summary>
internal sealed record JetstreamEvent
{
    [JsonPropertyName("did")] public string? Did { get; init; }
    [JsonPropertyName("time_us")] public long TimeUs { get; init; }
    [JsonPropertyName("kind")] public string? Kind { get; init; }
    [JsonPropertyName("commit")] public JetstreamCommit? Commit { get; init; }

    public bool IsNewPost =>
        Kind == "commit" && Commit is { Operation: "create", Collection: BlueskyConnector.PostCollection, Record: not null, Rkey.Length: > 0 } && Did is { Length: > 0 };

    /// <summary>The post's AT URI, which is its id in Earshot (replies name their parent by it).</summary>
    public string Uri => $"at://{Did}/{Commit!.Collection}/{Commit.Rkey}";

    public PostDocument ToPost() => new()
    {
        Id = Uri,
        Platform = BlueskyConnector.ConnectorName,
        Text = Commit!.Record!.Text ?? "",
        // Jetstream names authors by DID only; the handle is not part of the commit.
        Author = new PostAuthor { Handle = Did },
        CreatedAt = Commit.Record.CreatedAt,
        InReplyTo = Commit.Record.Reply?.Parent?.Uri,
        Lang = Commit.Record.Langs?.FirstOrDefault(),
    };
}

internal sealed record JetstreamCommit
{
    [JsonPropertyName("rev")] public string? Rev { get; init; }
    [JsonPropertyName("operation")] public string? Operation { get; init; }
    [JsonPropertyName("collection")] public string? Collection { get; init; }
    [JsonPropertyName("rkey")] public string? Rkey { get; init; }
    [JsonPropertyName("cid")] public string? Cid { get; init; }
    [JsonPropertyName("record")] public BlueskyPostRecord? Record { get; init; }
}

/// <summary>An <c>app.bsky.feed.post</c> record.</summary>
internal sealed record BlueskyPostRecord
{
    [JsonPropertyName("text")] public string? Text { get; init; }
    [JsonPropertyName("createdAt")] public DateTimeOffset? CreatedAt { get; init; }
    [JsonPropertyName("langs")] public List<string>? Langs { get; init; }
    [JsonPropertyName("reply")] public BlueskyReplyRef? Reply { get; init; }
    [JsonPropertyName("facets")] public List<BlueskyFacet>? Facets { get; init; }
}

internal sealed record BlueskyReplyRef
{
    [JsonPropertyName("root")] public BlueskyStrongRef? Root { get; init; }
    [JsonPropertyName("parent")] public BlueskyStrongRef? Parent { get; init; }
}

/// <summary><c>com.atproto.repo.strongRef</c>: a record's URI and the CID of the exact version.</summary>
internal sealed record BlueskyStrongRef
{
    [JsonPropertyName("uri")] public string? Uri { get; init; }
    [JsonPropertyName("cid")] public string? Cid { get; init; }
}

internal sealed record BlueskyFacet
{
    [JsonPropertyName("features")] public List<BlueskyFacetFeature>? Features { get; init; }
}

/// <summary><c>app.bsky.richtext.facet#mention</c> carries a <c>did</c>; links and tags carry other fields.</summary>
internal sealed record BlueskyFacetFeature
{
    [JsonPropertyName("$type")] public string? Type { get; init; }
    [JsonPropertyName("did")] public string? Did { get; init; }
    [JsonPropertyName("tag")] public string? Tag { get; init; }
}
