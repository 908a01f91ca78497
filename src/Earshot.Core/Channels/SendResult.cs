namespace Earshot.Core.Channels;

/// <summary>What the platform said: sent with its id, or failed with its message (and whether to try again).</summary>
public sealed record SendResult(bool Sent, string? ExternalId, string? Error, bool Retryable, TimeSpan? RetryAfter = null)
{
    public static SendResult Success(string externalId) => new(true, externalId, null, false);
    public static SendResult Failure(string error, bool retryable, TimeSpan? retryAfter = null) => new(false, null, error, retryable, retryAfter);
}
