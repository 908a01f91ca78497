using Earshot.Core.Agents;
using Earshot.Core.Channels;
using Earshot.Core.Channels.Demo;
using Earshot.Core.Conversations;
using Earshot.Core.Data;
using Earshot.Core.Ingestion;
using Earshot.Core.Learning;
using Earshot.Core.Listening;
using Earshot.Core.Pipeline;
using Earshot.Core.Replies;
using Earshot.Core.Routing;
using Earshot.Core.Workspaces;
using Earshot.Triage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Earshot.Tests.Infrastructure;

/// <summary>The pipeline's stages wired by hand over a test database, with a fake clock.</summary>
public sealed class PipelineHarness(TestDatabase database)
{
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
    public WorkSignals Signals { get; } = new();
    public PipelineMetrics Metrics { get; } = new();
    public DemoConnector Connector { get; } = new(NullLogger<DemoConnector>.Instance);
    public DateTime Now => Time.GetUtcNow().UtcDateTime;

    public PostIngestor Ingestor() => new(Signals, Metrics);

    public PostPipeline Pipeline() => new(database.Dialect, new WorkspaceTriageEngines(TriageEngine.Default, Time), new ListeningRuleCache(Time, NullLogger<ListeningRuleCache>.Instance),
        new ConversationThreader(), Signals, Metrics, Time, NullLogger<PostPipeline>.Instance);

    public RoutingService Routing() => new(database.Dialect, Signals, Metrics, Time);

    public OfferService Offers() => new(Signals, Time);

    public ReplyService Replies() => new(Signals, Time);

    public ReplySender Sender() => new(database.Dialect, new ConnectorRegistry([Connector]), Metrics, Time, NullLogger<ReplySender>.Instance);

    public ConversationService Conversations() => new(Signals, Time);

    /// <summary>A new workspace with the default queues, SLA policy and sources, isolated from other tests.</summary>
    public async Task<Workspace> NewWorkspaceAsync(EarshotDbContext db)
    {
        var workspace = new Workspace { Name = "Test", Slug = $"t-{Guid.NewGuid():N}", CreatedAt = Now };
        db.Workspaces.Add(workspace);
        await db.SaveChangesAsync();
        await WorkspaceProvisioner.AddBasicsAsync(db, workspace, Now, default);
        return workspace;
    }

    public async Task<Agent> NewAgentAsync(EarshotDbContext db, long workspaceId, string name, int socialCapacity = 3, Presence presence = Presence.Available)
    {
        var agent = WorkspaceProvisioner.NewAgent(workspaceId, name, $"{name}-{Guid.NewGuid():N}@example.test", AgentRoleName.Agent, null, Now);
        agent.Presence = presence;
        agent.Capacity = new() { ["social"] = socialCapacity, ["email"] = 1 };
        db.Agents.Add(agent);
        await db.SaveChangesAsync();
        return agent;
    }

    public async Task<IngestResult> IngestAsync(EarshotDbContext db, long workspaceId, params PostDocument[] docs)
    {
        var source = await WorkspaceProvisioner.SourceAsync(db, workspaceId, WorkspaceProvisioner.ApiSourceName, default);
        var posts = docs.Select(d => PostNormalizer.Normalize(d, workspaceId, source.Id, Now).Post!).ToList();
        return await Ingestor().IngestAsync(db, posts, default);
    }

    public static PostDocument Complaint(string id, string handle = "jo", string? inReplyTo = null, string text = "@acmeair lost my bag again, 3rd time!! #fail") =>
        new() { Id = id, Platform = "x", Text = text, InReplyTo = inReplyTo, Author = new PostAuthor { Handle = handle, Followers = 5400 } };

    /// <summary>Runs the pipeline until nothing is left to process.</summary>
    public async Task<int> DrainAsync(EarshotDbContext db)
    {
        var pipeline = Pipeline();
        int total = 0, n;
        while ((n = await pipeline.RunOnceAsync(db, default)) > 0)
        {
            total += n;
        }
        return total;
    }
}
