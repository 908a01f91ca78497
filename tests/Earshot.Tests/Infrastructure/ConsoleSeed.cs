using Earshot.Core.Conversations;
using Earshot.Core.Data;
using Earshot.Core.Ingestion;
using Earshot.Core.Routing;
using Earshot.Core.Workspaces;
using Earshot.Triage;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Tests.Infrastructure;

/// <summary>Writes triaged posts and conversations straight to the database, for tests of what reads them.</summary>
public sealed class ConsoleSeed(EarshotDbContext db, Workspace workspace, long sourceId, Queue care)
{
    int _next;

    public Workspace Workspace => workspace;
    public Queue Care => care;

    public static async Task<ConsoleSeed> NewAsync(EarshotDbContext db, PipelineHarness h)
    {
        var workspace = await h.NewWorkspaceAsync(db);
        var source = await WorkspaceProvisioner.SourceAsync(db, workspace.Id, WorkspaceProvisioner.ApiSourceName, default);
        var care = await db.Queues.IgnoreQueryFilters().SingleAsync(q => q.WorkspaceId == workspace.Id && q.Name == "Care");
        return new ConsoleSeed(db, workspace, source.Id, care);
    }

    public async Task<Post> PostAsync(string text, DateTime createdAt, double sentiment = 0, string tags = "", string platform = "x",
        string handle = "jo", Conversation? conversation = null, bool spam = false)
    {
        var post = new Post
        {
            WorkspaceId = workspace.Id,
            SourceId = sourceId,
            Platform = platform,
            ExternalId = $"seed-{Interlocked.Increment(ref _next)}-{Guid.NewGuid():N}",
            Text = text,
            AuthorHandle = handle,
            AuthorName = handle.ToUpperInvariant(),
            CreatedAt = createdAt,
            ReceivedAt = createdAt,
            Status = PostStatus.Processed,
            ProcessedAt = createdAt,
            SentimentCompound = sentiment,
            Intent = Intent.Complaint,
            Bucket = Bucket.Care,
            Spam = spam,
            Tags = tags,
            ConversationId = conversation?.Id,
        };
        db.Posts.Add(post);
        await db.SaveChangesAsync();
        return post;
    }

    public async Task<Conversation> ConversationAsync(ConversationStatus status, DateTime openedAt, long? queueId = null,
        DateTime? firstResponseDueAt = null, long? assigneeId = null, DateTime? firstResponseAt = null)
    {
        var conversation = new Conversation
        {
            WorkspaceId = workspace.Id,
            SourceId = sourceId,
            Channel = "x",
            Medium = "social",
            QueueId = queueId ?? care.Id,
            Status = status,
            OpenedAt = openedAt,
            LastActivityAt = openedAt,
            FirstResponseDueAt = firstResponseDueAt,
            FirstResponseAt = firstResponseAt,
            AssigneeId = assigneeId,
            RootExternalId = $"root-{Guid.NewGuid():N}",
            Subject = "seeded",
        };
        db.Conversations.Add(conversation);
        await db.SaveChangesAsync();
        return conversation;
    }
}
