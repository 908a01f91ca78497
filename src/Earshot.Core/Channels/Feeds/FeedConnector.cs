using System.Net;
using System.Net.Http.Headers;
using Earshot.Core.Channels.Polling;

namespace Earshot.Core.Channels.Feeds;

/// <summary>
/// Review and blog feeds (RSS 2.0, Atom): polls the source's <c>url</c> with a conditional GET so an unchanged
/// feed costs one 304, and hands on only the items not seen in the previous document.
/// </summary>
public sealed class FeedConnector(HttpClient http) : IPollingConnector
{
    public const string ConnectorName = "rss";
    public const string UrlSetting = "url";

    public string Name => ConnectorName;

    public TimeSpan DefaultPollInterval => TimeSpan.FromMinutes(15);

    public async Task<PollResult> PollAsync(Source source, string? cursor, CancellationToken ct)
    {
        var url = SourceSettings.Required(source, UrlSetting);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new PollFailedException($"Source '{source.Name}': url '{url}' is not an http(s) address.");
        }
        var state = FeedCursor.Parse(cursor);
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Accept.ParseAdd("application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.1");
        if (state.ETag is { } etag && EntityTagHeaderValue.TryParse(etag, out var tag))
        {
            request.Headers.IfNoneMatch.Add(tag);
        }
        if (state.LastModified is { } lastModified && DateTimeOffset.TryParse(lastModified, out var since))
        {
            request.Headers.IfModifiedSince = since;
        }

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        if (response.StatusCode == HttpStatusCode.NotModified)
        {
            return new PollResult([], cursor);
        }
        if (!response.IsSuccessStatusCode)
        {
            throw new PollFailedException(
                $"The feed at {uri} answered {(int)response.StatusCode} {response.ReasonPhrase}.", RetryAfter(response));
        }

        await using var body = await response.Content.ReadAsStreamAsync(ct);
        IReadOnlyList<Ingestion.PostDocument> items;
        try
        {
            items = FeedParser.Parse(body, source.Platform);
        }
        catch (FormatException ex)
        {
            throw new PollFailedException($"The feed at {uri} cannot be read: {ex.Message}");
        }
        var seen = state.Seen.ToHashSet(StringComparer.Ordinal);
        var fresh = items.Where(i => i.Id is null || !seen.Contains(i.Id)).ToList();
        var next = new FeedCursor
        {
            ETag = response.Headers.ETag?.ToString(),
            LastModified = response.Content.Headers.LastModified?.ToString("R"),
            Seen = [.. items.Select(i => i.Id).OfType<string>().Distinct().Take(FeedCursor.MaxSeen)],
        };
        return new PollResult(fresh, next.Serialize());
    }

    public Task<SendResult> SendAsync(OutboundMessage message, CancellationToken ct) =>
        Task.FromResult(SendResult.Failure(
            $"Source '{message.Source.Name}' is a feed and cannot be answered in place; reply on the site that published it or take the conversation private.",
            retryable: false));

    static TimeSpan? RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - DateTimeOffset.UtcNow is { Ticks: > 0 } wait ? wait : null,
            _ => null,
        };
}
