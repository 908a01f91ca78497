namespace Earshot.Core.Channels.Polling;

/// <summary>
/// A connector that hears its platform by asking for what is new since a cursor. The <see cref="SourcePoller"/>
/// calls it for each due source, stores the posts, then stores the new cursor.
/// </summary>
public interface IPollingConnector : IChannelConnector
{
    /// <summary>How often a source is polled when its settings name no <c>poll_interval_seconds</c>.</summary>
    TimeSpan DefaultPollInterval { get; }

    /// <summary>
    /// The pause after a poll of this source when its settings name no <c>poll_interval_seconds</c>: a connector that
    /// reads some sources as a stream in windows pauses only briefly between them.
    /// </summary>
    TimeSpan DefaultPollIntervalFor(Source source) => DefaultPollInterval;

    /// <summary>
    /// Reads what is new since <paramref name="cursor"/> (null on the first poll). Throws on a platform or network
    /// error; the poller records it on the source and backs off.
    /// </summary>
    Task<PollResult> PollAsync(Source source, string? cursor, CancellationToken ct);
}
