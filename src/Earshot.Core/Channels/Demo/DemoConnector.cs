using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Earshot.Core.Channels.Demo;

/// <summary>
/// The connector of the demo stream, of posts pushed through the API and of imports: there is no platform to
/// deliver to, so it records each message (the last ones stay readable for the demo and the tests) and answers
/// like a platform would, with an id.
/// </summary>
public sealed class DemoConnector(ILogger<DemoConnector> log) : IChannelConnector
{
    public const string ConnectorName = "demo";
    const int Keep = 1000;
    readonly ConcurrentQueue<OutboundMessage> _sent = new();

    public string Name => ConnectorName;

    public IReadOnlyCollection<OutboundMessage> Sent => _sent;

    public Task<SendResult> SendAsync(OutboundMessage message, CancellationToken ct)
    {
        _sent.Enqueue(message);
        while (_sent.Count > Keep && _sent.TryDequeue(out _))
        {
        }
        log.LogInformation("Demo connector delivered reply {ReplyId} ({Visibility}) on {Platform}",
            message.ReplyId, message.Visibility, message.Source.Platform);
        return Task.FromResult(SendResult.Success($"demo-{message.Source.Platform}-{message.ReplyId}"));
    }
}
