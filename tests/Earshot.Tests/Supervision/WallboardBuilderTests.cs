using Earshot.Core.Agents;
using Earshot.Core.Conversations;
using Earshot.Core.Routing;
using Earshot.Core.Supervision;
using Earshot.Tests.Infrastructure;

namespace Earshot.Tests.Supervision;

/// <summary>The wallboard's numbers from real rows, on SQLite and on PostgreSQL.</summary>
public abstract class WallboardBuilderTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase> where TDatabase : TestDatabase
{
    readonly PipelineHarness _h = new(database);

    [Fact]
    public async Task Build_QueuesWithWork_CountsWaitingRiskBreachesAndOffers()
    {
        await using var db = database.CreateContext();
        var seed = await ConsoleSeed.NewAsync(db, _h);
        var now = _h.Now;
        var ana = await _h.NewAgentAsync(db, seed.Workspace.Id, "ana", socialCapacity: 3);
        var ben = await _h.NewAgentAsync(db, seed.Workspace.Id, "ben", presence: Presence.Away);
        await seed.ConversationAsync(ConversationStatus.Open, now.AddMinutes(-20), firstResponseDueAt: now.AddMinutes(5));
        await seed.ConversationAsync(ConversationStatus.Open, now.AddMinutes(-90), firstResponseDueAt: now.AddMinutes(-30));
        var offered = await seed.ConversationAsync(ConversationStatus.Open, now.AddMinutes(-2), firstResponseDueAt: now.AddMinutes(58));
        await seed.ConversationAsync(ConversationStatus.Assigned, now.AddMinutes(-40), firstResponseDueAt: now.AddMinutes(-1), assigneeId: ana.Id, firstResponseAt: now.AddMinutes(-30));
        await seed.ConversationAsync(ConversationStatus.Pending, now.AddMinutes(-40), assigneeId: ana.Id);
        await seed.ConversationAsync(ConversationStatus.Resolved, now.AddDays(-1), firstResponseDueAt: now.AddDays(-1), assigneeId: ana.Id);
        db.Offers.Add(new Offer { WorkspaceId = seed.Workspace.Id, ConversationId = offered.Id, AgentId = ben.Id, OfferedAt = now, ExpiresAt = now.AddSeconds(30) });
        await db.SaveChangesAsync();

        var board = await WallboardBuilder.BuildAsync(db, seed.Workspace.Id, now, 15, default);

        var care = board.Queues.Single(q => q.Name == "Care");
        Assert.Equal((3, 2, 90 * 60.0, 1, 1, 1), (care.Waiting, care.InProgress, care.LongestWaitSeconds, care.SlaAtRisk, care.SlaBreached, care.OffersPending));
        var marketing = board.Queues.Single(q => q.Name == "Marketing");
        Assert.Equal((0, null), (marketing.Waiting, marketing.LongestWaitSeconds));
        Assert.Equal((3, 2, 1, 1), (board.Total.Waiting, board.Total.InProgress, board.Total.SlaBreached, board.Total.OffersPending));
        var anaRow = board.Agents.Single(a => a.AgentId == ana.Id);
        Assert.Equal((2, 4, 0), (anaRow.Active, anaRow.Capacity, anaRow.OffersPending));
        Assert.Equal(0.5, anaRow.Load);
        Assert.Equal(1, board.Agents.Single(a => a.AgentId == ben.Id).OffersPending);
        Assert.Equal((1, 1, 0), (board.AgentsByPresence["available"], board.AgentsByPresence["away"], board.AgentsByPresence["offline"]));
    }

    [Fact]
    public async Task Build_TransferredConversation_WaitsFromWhenItEnteredTheQueue()
    {
        await using var db = database.CreateContext();
        var seed = await ConsoleSeed.NewAsync(db, _h);
        var conversation = await seed.ConversationAsync(ConversationStatus.Open, _h.Now.AddHours(-3));
        conversation.QueueEnteredAt = _h.Now.AddMinutes(-4);
        await db.SaveChangesAsync();

        var board = await WallboardBuilder.BuildAsync(db, seed.Workspace.Id, _h.Now, 15, default);

        Assert.Equal(240, board.Queues.Single(q => q.Name == "Care").LongestWaitSeconds);
    }

    [Fact]
    public async Task Build_OtherWorkspace_IsNotCounted()
    {
        await using var db = database.CreateContext();
        var seed = await ConsoleSeed.NewAsync(db, _h);
        var other = await ConsoleSeed.NewAsync(db, _h);
        await other.ConversationAsync(ConversationStatus.Open, _h.Now.AddMinutes(-5));

        var board = await WallboardBuilder.BuildAsync(db, seed.Workspace.Id, _h.Now, 15, default);

        Assert.Equal(0, board.Total.Waiting);
        Assert.Empty(board.Agents);
    }
}

public sealed class SqliteWallboardBuilderTests(SqliteTestDatabase database) : WallboardBuilderTests<SqliteTestDatabase>(database);

public sealed class PostgresWallboardBuilderTests(PostgresTestDatabase database) : WallboardBuilderTests<PostgresTestDatabase>(database);
