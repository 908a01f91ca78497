using Earshot.Core.Conversations;
using Earshot.Core.Replies;
using Earshot.Core.Reporting;
using Earshot.Core.Routing;
using Earshot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Tests.Routing;

/// <summary>Routing, offers, replies and resolution against a real database, on SQLite and on PostgreSQL.</summary>
public abstract class RoutingServiceTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase> where TDatabase : TestDatabase
{
    readonly PipelineHarness _h = new(database);

    [Fact]
    public async Task Route_WaitingConversation_IsOfferedToLongestIdleAvailableAgent()
    {
        await using var db = database.CreateContext();
        var ws = await _h.NewWorkspaceAsync(db);
        var busy = await _h.NewAgentAsync(db, ws.Id, "recent");
        busy.LastOfferedAt = _h.Now.AddMinutes(-1);
        var idle = await _h.NewAgentAsync(db, ws.Id, "idle");
        idle.LastOfferedAt = _h.Now.AddMinutes(-20);
        await _h.NewAgentAsync(db, ws.Id, "away", presence: Core.Agents.Presence.Away);
        await db.SaveChangesAsync();
        await _h.IngestAsync(db, ws.Id, PipelineHarness.Complaint("o-1"));
        await _h.DrainAsync(db);

        var offers = await _h.Routing().RunOnceAsync(db, default);

        var offer = await db.Offers.SingleAsync(o => o.WorkspaceId == ws.Id);
        Assert.Equal(1, offers);
        Assert.Equal(idle.Id, offer.AgentId);
        Assert.Contains("idle 20 min", offer.Reason);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.WorkspaceId == ws.Id && a.Action == "offer" && a.Detail == offer.Reason));
    }

    [Fact]
    public async Task Offer_NotAnswered_ExpiresAndGoesToNextAgent()
    {
        await using var db = database.CreateContext();
        var ws = await _h.NewWorkspaceAsync(db);
        var first = await _h.NewAgentAsync(db, ws.Id, "first");
        first.LastOfferedAt = _h.Now.AddMinutes(-30);
        var second = await _h.NewAgentAsync(db, ws.Id, "second");
        second.LastOfferedAt = _h.Now.AddMinutes(-5);
        await db.SaveChangesAsync();
        await _h.IngestAsync(db, ws.Id, PipelineHarness.Complaint("e-1"));
        await _h.DrainAsync(db);
        await _h.Routing().RunOnceAsync(db, default);

        _h.Time.Advance(TimeSpan.FromSeconds(31));
        await _h.Routing().RunOnceAsync(db, default);

        var offers = await db.Offers.Where(o => o.WorkspaceId == ws.Id).OrderBy(o => o.Id).ToListAsync();
        Assert.Equal([(first.Id, OfferStatus.Expired), (second.Id, OfferStatus.Pending)], offers.Select(o => (o.AgentId, o.Status)));
    }

    [Fact]
    public async Task AcceptReplyResolve_FillsTheReport()
    {
        await using var db = database.CreateContext();
        var ws = await _h.NewWorkspaceAsync(db);
        var agent = await _h.NewAgentAsync(db, ws.Id, "ana");
        await _h.IngestAsync(db, ws.Id, PipelineHarness.Complaint("a-1"));
        await _h.DrainAsync(db);
        await _h.Routing().RunOnceAsync(db, default);
        var offer = await db.Offers.SingleAsync(o => o.WorkspaceId == ws.Id);
        _h.Time.Advance(TimeSpan.FromSeconds(10));

        var accepted = await _h.Offers().AcceptAsync(db, offer.Id, default);
        var conversation = await db.Conversations.SingleAsync(c => c.WorkspaceId == ws.Id);
        _h.Time.Advance(TimeSpan.FromSeconds(50));
        var (reply, _) = await _h.Replies().CreateAsync(db, conversation, "So sorry! Please DM us your booking reference.", ReplyVisibility.Public, null, default);
        await _h.Sender().RunOnceAsync(db, default);
        db.ChangeTracker.Clear();
        conversation = await db.Conversations.SingleAsync(c => c.WorkspaceId == ws.Id);
        var resolveError = await _h.Conversations().ResolveAsync(db, conversation, "answered", "test", default);
        var report = await ReportBuilder.SummaryAsync(db, ws.Id, _h.Now.AddHours(-1), _h.Now.AddHours(1), default);

        Assert.Null(accepted.Error);
        Assert.Null(resolveError);
        var sent = await db.Replies.SingleAsync(r => r.Id == reply!.Id);
        Assert.Equal((ReplyStatus.Sent, agent.Id, "a-1"), (sent.Status, sent.AgentId, sent.InReplyToExternalId));
        Assert.Contains(_h.Connector.Sent, m => m.ReplyId == reply!.Id && m.InReplyToExternalId == "a-1");
        Assert.Equal((1, 1, 1), (report.Total.ConversationsOpened, report.Total.ConversationsResolved, report.Total.FirstResponses));
        Assert.Equal(60, report.Total.FirstResponseMedianSeconds);
        Assert.Equal("x", Assert.Single(report.Channels).Channel);
    }

    [Fact]
    public async Task Route_ReturningCustomerWithinWindow_GoesToLastAgent()
    {
        await using var db = database.CreateContext();
        var ws = await _h.NewWorkspaceAsync(db);
        var first = await _h.NewAgentAsync(db, ws.Id, "first");
        first.LastOfferedAt = _h.Now.AddMinutes(-30);
        var other = await _h.NewAgentAsync(db, ws.Id, "other");
        other.LastOfferedAt = _h.Now.AddMinutes(-20);
        await db.SaveChangesAsync();
        await _h.IngestAsync(db, ws.Id, PipelineHarness.Complaint("s-1", handle: "returning"));
        await _h.DrainAsync(db);
        await _h.Routing().RunOnceAsync(db, default);
        var firstOffer = await db.Offers.SingleAsync(o => o.WorkspaceId == ws.Id);
        await _h.Offers().AcceptAsync(db, firstOffer.Id, default);
        db.ChangeTracker.Clear();
        var served = await db.Conversations.SingleAsync(c => c.WorkspaceId == ws.Id);
        await _h.Conversations().ResolveAsync(db, served, "answered", "test", default);
        _h.Time.Advance(TimeSpan.FromHours(2));

        await _h.IngestAsync(db, ws.Id, PipelineHarness.Complaint("s-2", handle: "returning", text: "@acmeair and now my refund is missing"));
        await _h.DrainAsync(db);
        await _h.Routing().RunOnceAsync(db, default);

        var offer = await db.Offers.Where(o => o.WorkspaceId == ws.Id).OrderBy(o => o.Id).LastAsync();
        Assert.NotEqual(firstOffer.ConversationId, offer.ConversationId);
        Assert.Equal(first.Id, offer.AgentId);
        Assert.StartsWith("sticky", offer.Reason);
    }

    [Fact]
    public async Task Escalate_WaitingPastStep_AppliedAndAuditedOnceAcrossNodes()
    {
        await using var db = database.CreateContext();
        var ws = await _h.NewWorkspaceAsync(db);
        var care = await db.Queues.SingleAsync(q => q.WorkspaceId == ws.Id && q.Name == "Care");
        care.EscalationSteps = [new EscalationStep { AfterMinutes = 10, RaisePriorityBy = 15 }];
        await db.SaveChangesAsync();
        await _h.IngestAsync(db, ws.Id, PipelineHarness.Complaint("esc-1"));
        await _h.DrainAsync(db);
        var before = await db.Conversations.AsNoTracking().SingleAsync(c => c.WorkspaceId == ws.Id);
        _h.Time.Advance(TimeSpan.FromMinutes(11));

        await Task.WhenAll(Enumerable.Range(0, 3).Select(async _ =>
        {
            await using var node = database.CreateContext();
            await new EscalationService(_h.Time).RunOnceAsync(node, default);
        }));
        await new EscalationService(_h.Time).RunOnceAsync(db, default);

        var after = await db.Conversations.AsNoTracking().SingleAsync(c => c.WorkspaceId == ws.Id);
        var audits = await db.AuditEntries.Where(a => a.WorkspaceId == ws.Id && a.Action == "escalate").ToListAsync();
        Assert.Equal(Math.Min(100, before.Priority + 15), after.Priority);
        Assert.Equal(1, after.EscalationStepsApplied);
        Assert.Contains("priority +15", Assert.Single(audits).Detail);
    }

    [Theory]
    [InlineData(90, Core.Agents.Presence.Available, OfferStatus.Pending)]
    [InlineData(121, Core.Agents.Presence.Offline, OfferStatus.Withdrawn)]
    public async Task Liveness_SilentDesktop_GoesOfflineAndOffersReturn(int silentSeconds, Core.Agents.Presence presence, OfferStatus offerStatus)
    {
        await using var db = database.CreateContext();
        var ws = await _h.NewWorkspaceAsync(db);
        var care = await db.Queues.SingleAsync(q => q.WorkspaceId == ws.Id && q.Name == "Care");
        care.OfferTimeoutSeconds = 600;
        var agent = await _h.NewAgentAsync(db, ws.Id, "desk");
        agent.LastHeartbeatAt = _h.Now;
        var apiOnly = await _h.NewAgentAsync(db, ws.Id, "api-only", socialCapacity: 0);
        await db.SaveChangesAsync();
        await _h.IngestAsync(db, ws.Id, PipelineHarness.Complaint("live-1"));
        await _h.DrainAsync(db);
        await _h.Routing().RunOnceAsync(db, default);
        _h.Time.Advance(TimeSpan.FromSeconds(silentSeconds));

        await new Core.Agents.PresenceLiveness(_h.Time).RunOnceAsync(db, default);

        db.ChangeTracker.Clear();
        Assert.Equal(presence, (await db.Agents.SingleAsync(a => a.Id == agent.Id)).Presence);
        Assert.Equal(Core.Agents.Presence.Available, (await db.Agents.SingleAsync(a => a.Id == apiOnly.Id)).Presence);
        Assert.Equal(offerStatus, (await db.Offers.SingleAsync(o => o.WorkspaceId == ws.Id)).Status);
    }

    [Fact]
    public async Task Accept_TwiceForOneConversation_SecondIsRefused()
    {
        await using var db = database.CreateContext();
        var ws = await _h.NewWorkspaceAsync(db);
        await _h.NewAgentAsync(db, ws.Id, "solo");
        await _h.IngestAsync(db, ws.Id, PipelineHarness.Complaint("x-1"));
        await _h.DrainAsync(db);
        await _h.Routing().RunOnceAsync(db, default);
        var offer = await db.Offers.SingleAsync(o => o.WorkspaceId == ws.Id);

        var first = await _h.Offers().AcceptAsync(db, offer.Id, default);
        var second = await _h.Offers().AcceptAsync(db, offer.Id, default);

        Assert.Null(first.Error);
        Assert.Contains("accepted", second.Error);
    }

    [Fact]
    public async Task Route_ThreeNodesAtOnce_NeverOfferOneConversationTwiceNorExceedCapacity()
    {
        await using var setup = database.CreateContext();
        var ws = await _h.NewWorkspaceAsync(setup);
        var agents = new List<long>();
        for (var i = 0; i < 8; i++)
        {
            agents.Add((await _h.NewAgentAsync(setup, ws.Id, $"a{i}", socialCapacity: 3)).Id);
        }
        await _h.IngestAsync(setup, ws.Id, [.. Enumerable.Range(0, 60).Select(i => PipelineHarness.Complaint($"k-{i}", $"writer{i}"))]);
        await _h.DrainAsync(setup);

        await Task.WhenAll(Enumerable.Range(0, 3).Select(async _ =>
        {
            for (var round = 0; round < 5; round++)
            {
                await using var db = database.CreateContext();
                await _h.Routing().RunOnceAsync(db, default);
            }
        }));

        var offers = await setup.Offers.Where(o => o.WorkspaceId == ws.Id).ToListAsync();
        Assert.Equal(24, offers.Count);
        Assert.All(offers.GroupBy(o => o.ConversationId), g => Assert.Single(g));
        Assert.All(offers.GroupBy(o => o.AgentId), g => Assert.True(g.Count() <= 3, $"agent {g.Key} got {g.Count()} offers"));
        Assert.Equal(24, await setup.AuditEntries.CountAsync(a => a.WorkspaceId == ws.Id && a.Action == "offer"));
    }
}

public sealed class SqliteRoutingServiceTests(SqliteTestDatabase database) : RoutingServiceTests<SqliteTestDatabase>(database);

public sealed class PostgresRoutingServiceTests(PostgresTestDatabase database) : RoutingServiceTests<PostgresTestDatabase>(database);
