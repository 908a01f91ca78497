namespace Earshot.Core.Channels.Polling;

/// <summary>The platform answered a poll with an error; the message is what the admin sees on the source.</summary>
public sealed class PollFailedException(string message, TimeSpan? retryAfter = null) : Exception(message)
{
    /// <summary>When the platform asked to be left alone (rate limit), instead of the usual backoff.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
