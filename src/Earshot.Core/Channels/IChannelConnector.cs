namespace Earshot.Core.Channels;

/// <summary>
/// Talks to one platform. Found by <see cref="Name"/> in the <see cref="ConnectorRegistry"/>; answers with a
/// <see cref="SendResult"/> instead of throwing, so the platform's error reaches the agent.
/// </summary>
public interface IChannelConnector
{
    /// <summary>The connector name stored on a source (demo, x, mastodon...).</summary>
    string Name { get; }

    /// <summary>Whether replies may carry images (<see cref="OutboundMessage.Media"/>); others refuse them.</summary>
    bool TakesMedia => false;

    /// <summary>Sends a public reply in the medium or a private message.</summary>
    Task<SendResult> SendAsync(OutboundMessage message, CancellationToken ct);
}
