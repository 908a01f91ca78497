namespace Earshot.Triage.Listening;

/// <summary>What listening rules read of one post.</summary>
/// <param name="Text">The post's text as the platform gave it.</param>
/// <param name="AuthorHandle">The author's handle, with or without a leading <c>@</c>.</param>
/// <param name="Platform">Platform name (x, mastodon, bluesky, reddit, facebook, instagram, rss, email, webhook, ...).</param>
/// <param name="Language">The post's language as a BCP-47 tag ("en", "pt-BR"), declared or detected.</param>
/// <param name="Followers">How many followers the author has.</param>
/// <param name="Verified">Whether the platform marks the author as verified.</param>
public readonly record struct ListeningPost(
    string Text,
    string? AuthorHandle = null,
    string? Platform = null,
    string? Language = null,
    long Followers = 0,
    bool Verified = false);
