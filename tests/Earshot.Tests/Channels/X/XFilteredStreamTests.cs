using System.Text.Json;
using Earshot.Core.Channels;
using Earshot.Core.Channels.Polling;
using Earshot.Core.Channels.X;
using Earshot.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Earshot.Tests.Channels.X;

/// <summary>The X connector's filtered stream: rule sync and windowed reads against a local X.</summary>
public sealed class XFilteredStreamTests : IAsyncLifetime
{
    const string AppToken = "x-app-bearer-456";
    const string Rules = """ "stream_rules":["acme air", {"value":"@AcmeAir has:mentions","tag":"mentions"}] """;
    readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
    FakeXStream _x = null!;
    XConnector _connector = null!;

    public async Task InitializeAsync()
    {
        _x = await FakeXStream.StartAsync();
        _connector = new XConnector(ChannelHttp.CreateClient(), _time);
    }

    public async Task DisposeAsync() => await _x.DisposeAsync();

    Source StreamSource(string settings = Rules) => new()
    {
        Id = 7,
        Platform = "x",
        Name = "Acme on X",
        Connector = XConnector.ConnectorName,
        Settings = $$"""{"api_base":"{{_x.BaseAddress}}","access_token":"user-token","bearer_token":"{{AppToken}}",{{settings}}}""",
    };

    /// <summary>The app already has one of the source's rules, a stale one of the source and a rule of someone else.</summary>
    void AppHasRules()
    {
        _x.HasRule("1", "acme air", "earshot:7");
        _x.HasRule("2", "acme old slogan", "earshot:7");
        _x.HasRule("3", "competitor", "marketing");
    }

    static string Json(string body) => JsonSerializer.Serialize(JsonDocument.Parse(body).RootElement);

    List<RecordedRequest> RuleRequests() => _x.Requests.Where(r => r.PathAndQuery.StartsWith("/2/tweets/search/stream/rules", StringComparison.Ordinal)).ToList();

    [Fact]
    public async Task PollAsync_FirstStart_SyncsRulesAddingMissingAndDeletingStaleWithExactRequests()
    {
        AppHasRules();

        await _connector.PollAsync(StreamSource(), null, default);

        var requests = RuleRequests();
        Assert.Equal(["GET /2/tweets/search/stream/rules", "POST /2/tweets/search/stream/rules?dry_run=true", "POST /2/tweets/search/stream/rules", "POST /2/tweets/search/stream/rules"],
            requests.Select(r => $"{r.Method} {r.PathAndQuery}"));
        Assert.All(requests, r => Assert.Equal($"Bearer {AppToken}", r.Headers["Authorization"]));
        var add = """{"add":[{"value":"@AcmeAir has:mentions","tag":"earshot:7:mentions"}]}""";
        Assert.Equal(add, Json(requests[1].Body));
        Assert.Equal("""{"delete":{"ids":["2"]}}""", Json(requests[2].Body));
        Assert.Equal(add, Json(requests[3].Body));
        Assert.StartsWith("application/json", requests[3].ContentType);
        Assert.Equal(["1 acme air earshot:7", "3 competitor marketing", "1001 @AcmeAir has:mentions earshot:7:mentions"],
            _x.Rules.Select(r => $"{r.Id} {r.Value} {r.Tag}"));
        var stream = Assert.Single(_x.Requests, r => r.PathAndQuery.StartsWith("/2/tweets/search/stream?", StringComparison.Ordinal));
        Assert.Equal($"Bearer {AppToken}", stream.Headers["Authorization"]);
        Assert.Contains("expansions=author_id", stream.PathAndQuery);
        Assert.Contains("tweet.fields=created_at,lang,conversation_id,public_metrics,referenced_tweets", stream.PathAndQuery);
    }

    [Fact]
    public async Task PollAsync_RulesAlreadyInStep_OnlyReadsThem()
    {
        _x.HasRule("1", "acme air", "earshot:7");
        _x.HasRule("5", "@AcmeAir has:mentions", "earshot:7:mentions");

        await _connector.PollAsync(StreamSource(), null, default);

        Assert.Equal(["GET"], RuleRequests().Select(r => r.Method));
    }

    [Fact]
    public async Task PollAsync_NextWindow_DoesNotSyncAgainUntilTheRulesChange()
    {
        AppHasRules();

        await _connector.PollAsync(StreamSource(), null, default);
        var afterFirst = RuleRequests().Count;
        await _connector.PollAsync(StreamSource(), null, default);
        var afterSecond = RuleRequests().Count;
        await _connector.PollAsync(StreamSource(""" "stream_rules":["acme air"] """), null, default);

        Assert.Equal(afterFirst, afterSecond);
        var resync = RuleRequests().Skip(afterSecond).ToList();
        Assert.Equal(["GET", "POST"], resync.Select(r => r.Method));
        Assert.Equal("""{"delete":{"ids":["1001"]}}""", Json(resync[1].Body));
        Assert.Equal(["1 acme air earshot:7", "3 competitor marketing"], _x.Rules.Select(r => $"{r.Id} {r.Value} {r.Tag}"));
    }

    [Fact]
    public async Task PollAsync_InvalidRule_FailsWithXsReasonAndChangesNothing()
    {
        AppHasRules();

        var error = await Assert.ThrowsAsync<PollFailedException>(() =>
            _connector.PollAsync(StreamSource(""" "stream_rules":["acme air has:nonsense"] """), null, default));

        Assert.Contains("rule 'acme air has:nonsense': UnprocessableEntity: Reference to invalid operator 'has:nonsense'", error.Message);
        Assert.Equal(["GET", "POST"], RuleRequests().Select(r => r.Method));
        Assert.Equal(3, _x.Rules.Count);
        Assert.DoesNotContain(_x.Requests, r => r.PathAndQuery.StartsWith("/2/tweets/search/stream?", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PollAsync_StreamLines_SkipsKeepAlivesAndKeepsOnlyThisSourcesMatches()
    {
        AppHasRules();
        _x.Connections.Enqueue(async stream =>
        {
            await stream.KeepAliveAsync();
            await stream.TweetAsync("1860000000000000501", "acme air lost my bag &amp; my patience", ("1", "earshot:7"));
            await stream.KeepAliveAsync();
            await stream.TweetAsync("1860000000000000502", "competitor is great", ("3", "marketing"));
            await stream.TweetAsync("1860000000000000503", "@AcmeAir where is my refund", ("1001", "earshot:7:mentions"), ("3", "marketing"));
            await stream.KeepAliveAsync();
        });

        var result = await _connector.PollAsync(StreamSource(), null, default);

        Assert.Equal(["1860000000000000501", "1860000000000000503"], result.Posts.Select(p => p.Id));
        var first = result.Posts[0];
        Assert.Equal("acme air lost my bag & my patience", first.Text);
        Assert.Equal("jo_travels", first.Author?.Handle);
        Assert.Equal(5400, first.Author?.Followers);
        Assert.True(first.Author?.Verified);
        Assert.Null(result.WaitAtLeast);
    }

    [Fact]
    public async Task PollAsync_StreamDropsThenRecentSearchCatchesUp_NoTweetMissedOrRepeated()
    {
        AppHasRules();
        _x.Connections.Enqueue(async stream =>
        {
            await stream.TweetAsync("1860000000000000601", "acme air one", ("1", "earshot:7"));
            await stream.TweetAsync("1860000000000000602", "acme air two", ("1", "earshot:7"));
            await stream.DropAsync();
        });
        _x.Connections.Enqueue(stream => stream.TweetAsync("1860000000000000604", "acme air four", ("1", "earshot:7")));
        var settings = Rules + """, "query":"acme air" """;

        var first = await _connector.PollAsync(StreamSource(settings), null, default);
        // Between the windows: 603 was posted while no connection was open; recent search has it (and 602 again).
        _x.RecentSearch.Enqueue(SearchPage("1860000000000000603", "1860000000000000602"));
        var second = await _connector.PollAsync(StreamSource(settings), first.NewCursor, default);

        Assert.Equal(["1860000000000000601", "1860000000000000602"], first.Posts.Select(p => p.Id));
        Assert.Equal(["1860000000000000603", "1860000000000000604"], second.Posts.Select(p => p.Id));
        Assert.Equal("1860000000000000603", XCursor.Parse(second.NewCursor).Search);
    }

    static string SearchPage(params string[] ids) => $$"""
        {"data":[{{string.Join(",", ids.Select(id => JsonSerializer.Serialize(JsonDocument.Parse(FakeXStream.Writer.TweetLine(id, "acme air " + id)).RootElement.GetProperty("data"))))}}],
         "includes":{"users":[{"id":"2244994945","name":"Jo Traveller","username":"jo_travels","verified":true,"public_metrics":{"followers_count":5400} } ]},
         "meta":{"newest_id":"{{ids[0]}}","oldest_id":"{{ids[^1]}}","result_count":{{ids.Length}} } }
        """;

    [Fact]
    public async Task PollAsync_OperationalDisconnect_EndsTheWindowKeepingWhatArrived()
    {
        AppHasRules();
        _x.Connections.Enqueue(async stream =>
        {
            await stream.TweetAsync("1860000000000000701", "acme air", ("1", "earshot:7"));
            await stream.OperationalDisconnectAsync();
            await stream.TweetAsync("1860000000000000702", "acme air again", ("1", "earshot:7"));
        });

        var result = await _connector.PollAsync(StreamSource(), null, default);

        Assert.Equal(["1860000000000000701"], result.Posts.Select(p => p.Id));
    }

    [Fact]
    public async Task PollAsync_Stream429WithResetHeader_FailsWithWaitUntilReset()
    {
        AppHasRules();
        _x.StreamHeaders["x-rate-limit-remaining"] = "0";
        _x.StreamHeaders["x-rate-limit-reset"] = _time.GetUtcNow().AddMinutes(9).ToUnixTimeSeconds().ToString();
        _x.StreamRefusal = (429, """{"title":"ConnectionException","detail":"This stream is currently at the maximum allowed connection limit.","connection_issue":"TooManyConnections","type":"https://api.x.com/2/problems/streaming-connection"}""");

        var error = await Assert.ThrowsAsync<PollFailedException>(() => _connector.PollAsync(StreamSource(), null, default));

        Assert.Equal("X answered 429 to GET /2/tweets/search/stream: ConnectionException: This stream is currently at the maximum allowed connection limit.", error.Message);
        Assert.Equal(TimeSpan.FromMinutes(9), error.RetryAfter);
    }

    [Fact]
    public async Task PollAsync_Stream429WithoutReset_WaitsAMinute()
    {
        AppHasRules();
        _x.StreamHeaders.Clear();
        _x.StreamRefusal = (429, XFixtures.TooManyRequests);

        var error = await Assert.ThrowsAsync<PollFailedException>(() => _connector.PollAsync(StreamSource(), null, default));

        Assert.Equal(TimeSpan.FromMinutes(1), error.RetryAfter);
    }

    [Fact]
    public async Task PollAsync_LastConnectOfTheRateWindow_NextWindowWaitsForTheReset()
    {
        AppHasRules();
        _x.StreamHeaders["x-rate-limit-remaining"] = "0";
        _x.StreamHeaders["x-rate-limit-reset"] = _time.GetUtcNow().AddMinutes(6).ToUnixTimeSeconds().ToString();

        var result = await _connector.PollAsync(StreamSource(), null, default);

        Assert.Equal(TimeSpan.FromMinutes(6), result.WaitAtLeast);
    }

    [Fact]
    public async Task PollAsync_NoBearerToken_FailsNamingTheSetting()
    {
        var source = StreamSource();
        source.Settings = source.Settings.Replace("\"bearer_token\"", "\"other\"");

        var error = await Assert.ThrowsAsync<PollFailedException>(() => _connector.PollAsync(source, null, default));

        Assert.Contains("bearer_token", error.Message);
        Assert.Empty(_x.Requests);
    }
}
