using Earshot.Core.Listening;
using Earshot.Tests.Infrastructure;

namespace Earshot.Tests.Listening;

/// <summary>Listening analytics grouped in the database, on SQLite and on PostgreSQL.</summary>
public abstract class ListeningAnalyticsTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase> where TDatabase : TestDatabase
{
    readonly PipelineHarness _h = new(database);

    [Fact]
    public async Task Summary_Day_GivesHourlyVolumeSentimentAndShareOfVoice()
    {
        await using var db = database.CreateContext();
        var seed = await ConsoleSeed.NewAsync(db, _h);
        db.ListeningRules.Add(new ListeningRule { WorkspaceId = seed.Workspace.Id, Name = "Acme brand", Query = "acme", Tag = "acme", CreatedAt = _h.Now });
        await db.SaveChangesAsync();
        var start = _h.Now.AddHours(-3); // 09:00
        await seed.PostAsync("acme lost my luggage", start.AddMinutes(5), sentiment: -0.6, tags: "acme");
        await seed.PostAsync("acme luggage delayed", start.AddMinutes(50), sentiment: -0.2, tags: "acme,rival");
        await seed.PostAsync("rival was great", start.AddHours(2).AddMinutes(10), sentiment: 0.8, tags: "rival");
        await seed.PostAsync("just a post", start.AddHours(2).AddMinutes(20), sentiment: 0);
        await seed.PostAsync("buy followers cheap luggage", start.AddMinutes(30), sentiment: 0.5, tags: "acme", spam: true);
        await seed.PostAsync("before the range", start.AddMinutes(-1), sentiment: -0.9, tags: "acme");

        var summary = await ListeningAnalytics.SummaryAsync(db, seed.Workspace.Id, start, _h.Now, default);

        Assert.Equal("hour", summary.Granularity);
        Assert.Equal([start, start.AddHours(1), start.AddHours(2)], summary.Series.Select(p => p.At));
        Assert.Equal([2, 0, 2], summary.Series.Select(p => p.Posts));
        Assert.Equal((2, 0, 0), (summary.Series[0].Negative, summary.Series[0].Neutral, summary.Series[0].Positive));
        Assert.Equal(-0.4, summary.Series[0].AverageSentiment);
        Assert.Null(summary.Series[1].AverageSentiment);
        Assert.Equal((4, 2, 1, 1, 0.0), (summary.Posts, summary.Negative, summary.Neutral, summary.Positive, summary.AverageSentiment));
        Assert.Equal([("acme", "Acme brand", 2, 50.0), ("rival", null, 2, 50.0)], summary.ShareOfVoice.Select(s => (s.Tag, s.Rule, s.Posts, s.Percent)));
        Assert.Equal([2, 0, 0], summary.ShareOfVoice[0].Series);
        Assert.Equal(("luggage", 2), (summary.TopTerms[0].Term, summary.TopTerms[0].Posts));
        Assert.DoesNotContain(summary.TopTerms, t => t.Term is "followers" or "range");
    }

    [Fact]
    public async Task Summary_LongRange_GoesPerDay()
    {
        await using var db = database.CreateContext();
        var seed = await ConsoleSeed.NewAsync(db, _h);
        var today = _h.Now.Date;
        await seed.PostAsync("one", today.AddDays(-5).AddHours(3));
        await seed.PostAsync("two", today.AddDays(-5).AddHours(20));
        await seed.PostAsync("three", today.AddHours(1));

        var summary = await ListeningAnalytics.SummaryAsync(db, seed.Workspace.Id, today.AddDays(-6), _h.Now, default);

        Assert.Equal("day", summary.Granularity);
        Assert.Equal(7, summary.Series.Count);
        Assert.Equal([0, 2, 0, 0, 0, 0, 1], summary.Series.Select(p => p.Posts));
    }

    [Fact]
    public async Task Summary_SpikeInTheLastHour_SaysAnIncidentIsForming()
    {
        await using var db = database.CreateContext();
        var seed = await ConsoleSeed.NewAsync(db, _h);
        for (var hour = 2; hour <= 24; hour += 2)
        {
            await seed.PostAsync("usual chatter", _h.Now.AddHours(-hour).AddMinutes(-10));
        }
        for (var i = 0; i < 15; i++)
        {
            await seed.PostAsync($"app down again {i}", _h.Now.AddMinutes(-50 + i), sentiment: -0.5);
        }

        var summary = await ListeningAnalytics.SummaryAsync(db, seed.Workspace.Id, _h.Now.AddDays(-1), _h.Now, default);
        var quietBefore = await ListeningAnalytics.IncidentAsync(db, seed.Workspace.Id, _h.Now.AddHours(-1), default);

        Assert.True(summary.Incident.Forming, summary.Incident.Reason);
        Assert.Equal((15, 15), (summary.Incident.Posts, summary.Incident.NegativePosts));
        Assert.False(quietBefore.Forming, quietBefore.Reason);
    }
}

public sealed class SqliteListeningAnalyticsTests(SqliteTestDatabase database) : ListeningAnalyticsTests<SqliteTestDatabase>(database);

public sealed class PostgresListeningAnalyticsTests(PostgresTestDatabase database) : ListeningAnalyticsTests<PostgresTestDatabase>(database);
