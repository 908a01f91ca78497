namespace Earshot.Core.Channels.Webhook;

/// <summary>
/// Sources that other systems push posts into (<c>POST /hooks/webhook/{sourceId}</c>). Earshot has no way back
/// into the pushing system, so a reply says so plainly instead of vanishing.
/// </summary>
public sealed class WebhookConnector : IChannelConnector
{
    public const string ConnectorName = "webhook";

    public string Name => ConnectorName;

    public Task<SendResult> SendAsync(OutboundMessage message, CancellationToken ct) =>
        Task.FromResult(SendResult.Failure(
            $"Source '{message.Source.Name}' is a generic webhook and only receives posts; answer in the system that pushed the post.",
            retryable: false));
}
