using System.Net.ServerSentEvents;

namespace Earshot.Core.Channels.Mastodon;

/// <summary>One event of a Mastodon streaming response: <c>update</c>, <c>notification</c>, <c>delete</c>...</summary>
public sealed record MastodonStreamEvent(string Type, string Data, string? Id);

/// <summary>What one bounded read of a stream gave: its events, the last event id, and whether the connection dropped.</summary>
public sealed record MastodonStreamWindow(IReadOnlyList<MastodonStreamEvent> Events, string? LastEventId, bool Dropped);

/// <summary>
/// Reads the server-sent events of a Mastodon streaming response (<c>text/event-stream</c>) until the window is
/// over or the server ends it. Heartbeat comments (<c>:thump</c>) carry nothing and are skipped by the parser; an
/// event cut by a dropped connection is never dispatched, so its id is not taken as read.
/// </summary>
public static class MastodonEventStream
{
    /// <summary>A runaway stream cannot fill memory within one window.</summary>
    const int MaxEventsPerWindow = 20_000;

    public static async Task<MastodonStreamWindow> ReadAsync(HttpResponseMessage response, string? lastEventId, CancellationToken window, CancellationToken ct)
    {
        var events = new List<MastodonStreamEvent>();
        var last = lastEventId;
        var dropped = false;
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(window);
            var parser = SseParser.Create(body);
            await foreach (var item in parser.EnumerateAsync(window))
            {
                if (!string.IsNullOrEmpty(item.EventId))
                {
                    last = item.EventId;
                }
                events.Add(new MastodonStreamEvent(item.EventType, item.Data, item.EventId));
                if (events.Count >= MaxEventsPerWindow)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // The window is over: what was read so far is this poll's harvest.
        }
        catch (IOException)
        {
            // The connection dropped mid-stream: keep what arrived; the next poll reconnects with Last-Event-ID.
            dropped = true;
        }
        catch (HttpRequestException)
        {
            dropped = true;
        }
        return new MastodonStreamWindow(events, last, dropped);
    }
}
