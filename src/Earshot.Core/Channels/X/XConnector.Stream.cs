using Earshot.Core.Channels.Polling;
using Earshot.Core.Ingestion;

namespace Earshot.Core.Channels.X;

/// <summary>The filtered-stream half of the X connector: one bounded window per poll, caught up by recent search.</summary>
public sealed partial class XConnector
{
    /// <summary>
    /// One filtered-stream window under the lease: rules synced (on start and when changed), the stream opened, the
    /// timelines caught up (recent search / mentions, when set: the stream has no resume point below X's Pro tier, so
    /// what was posted between windows comes from there), then the stream read until the window is over. Tweets handed
    /// on recently are kept in the cursor so none is handed on twice. When the connect used the last call of X's
    /// rate-limit window, the next window waits for its reset.
    /// </summary>
    async Task<PollResult> StreamAsync(Source source, XCursor state, List<XRule> rules, CancellationToken ct)
    {
        var ruleIds = await _stream.SyncRulesAsync(source, rules, ct);
        var seconds = Math.Clamp(SourceSettings.Number(source, StreamSecondsSetting) ?? DefaultStreamSeconds, 1, MaxStreamSeconds);
        using var window = new CancellationTokenSource(TimeSpan.FromSeconds(seconds), time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, window.Token);
        using var stream = await _stream.OpenAsync(source, ct);
        var wait = Remaining(stream) == 0 ? RateLimitWait(stream, time) : null;
        var (caught, next) = HasTimelines(source) ? await ReadTimelinesAsync(source, state, ct) : ([], state);
        var (streamed, _) = await XFilteredStream.ReadAsync(source, stream, ruleIds, linked.Token, ct);

        var seen = new List<string>(state.StreamSeen ?? []);
        var known = new HashSet<string>(seen, StringComparer.Ordinal);
        var posts = new List<PostDocument>();
        foreach (var post in caught.Concat(streamed))
        {
            if (post.Id is { Length: > 0 } id && known.Add(id))
            {
                posts.Add(post);
                seen.Add(id);
            }
        }
        next = next with { StreamSeen = seen.Count > XCursor.SeenLimit ? seen[^XCursor.SeenLimit..] : seen };
        return new PollResult(posts, next.Serialize(), wait);
    }
}
