using Earshot.Core.Ingestion;

namespace Earshot.Core.Conversations;

/// <summary>
/// Finds the post a new post repeats: the post it reposts (by platform id, or by its words when the repost is
/// written as <c>RT @handle: ...</c>), or the same words posted by the same customer (the same identity, or
/// another identity of the same contact) on any network within the threading window.
/// </summary>
public sealed class DuplicateFinder(DateTime windowStart)
{
    /// <summary>A post that can be repeated: stored earlier, or earlier in the same batch, with its conversation.</summary>
    public sealed record Original(long PostId, string Platform, string ExternalId, string? ContentKey, long? IdentityId, long? ContactId, DateTime ReceivedAt, Conversation Conversation);

    readonly Dictionary<string, Original> _byExternalId = [];
    readonly Dictionary<string, List<Original>> _byContentKey = [];

    public void Add(Original original)
    {
        _byExternalId.TryAdd(ConversationThreader.Key(original.Platform, original.ExternalId), original);
        if (original.ContentKey is not null)
        {
            if (!_byContentKey.TryGetValue(original.ContentKey, out var list))
            {
                _byContentKey[original.ContentKey] = list = [];
            }
            list.Add(original);
        }
    }

    /// <summary>The original <paramref name="post"/> repeats, or null when it is new.</summary>
    public Original? Find(Post post, long? contactId)
    {
        if (post.RepostOfExternalId is not null
            && _byExternalId.TryGetValue(ConversationThreader.Key(post.Platform, post.RepostOfExternalId), out var reposted))
        {
            return reposted;
        }
        if (post.ContentKey is null || !_byContentKey.TryGetValue(post.ContentKey, out var same))
        {
            return null;
        }
        var candidates = same.Where(o => o.PostId != post.Id && o.ReceivedAt >= windowStart);
        var isRepost = post.RepostOfExternalId is not null || ContentKey.LooksLikeRepost(post.Text);
        if (!isRepost)
        {
            // The same words from someone else are a coincidence or a campaign, not this customer repeating themselves.
            candidates = candidates.Where(o => (post.IdentityId is not null && o.IdentityId == post.IdentityId)
                                               || (contactId is not null && o.ContactId == contactId));
        }
        return candidates.OrderBy(o => o.ReceivedAt).ThenBy(o => o.PostId).FirstOrDefault();
    }
}
