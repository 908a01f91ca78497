using Earshot.Core.Agents;
using Earshot.Core.Alerts;
using Earshot.Core.Auditing;
using Earshot.Core.Channels;
using Earshot.Core.Contacts;
using Earshot.Core.Conversations;
using Earshot.Core.Ingestion;
using Earshot.Core.Learning;
using Earshot.Core.Listening;
using Earshot.Core.Replies;
using Earshot.Core.Reporting;
using Earshot.Core.Routing;
using Earshot.Core.Sla;
using Earshot.Core.Workflows;
using Earshot.Core.Workspaces;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Core.Data;

/// <summary>The one database context. The provider (SQLite or PostgreSQL) is chosen at start-up.</summary>
public sealed class EarshotDbContext(DbContextOptions<EarshotDbContext> options) : DbContext(options)
{
    /// <summary>
    /// When set (API requests), every query sees only this workspace's rows. Workers leave it null and
    /// always filter by workspace themselves.
    /// </summary>
    public long? WorkspaceScope { get; set; }

    public DbSet<Workspace> Workspaces => Set<Workspace>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<Source> Sources => Set<Source>();
    public DbSet<Post> Posts => Set<Post>();
    public DbSet<ListeningRule> ListeningRules => Set<ListeningRule>();
    public DbSet<Identity> Identities => Set<Identity>();
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<ContactMerge> ContactMerges => Set<ContactMerge>();
    public DbSet<Conversation> Conversations => Set<Conversation>();
    public DbSet<Queue> Queues => Set<Queue>();
    public DbSet<QueueMember> QueueMembers => Set<QueueMember>();
    public DbSet<Offer> Offers => Set<Offer>();
    public DbSet<Agent> Agents => Set<Agent>();
    public DbSet<Reply> Replies => Set<Reply>();
    public DbSet<SlaPolicy> SlaPolicies => Set<SlaPolicy>();
    public DbSet<ReportingEvent> ReportingEvents => Set<ReportingEvent>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<TriageCorrection> TriageCorrections => Set<TriageCorrection>();
    public DbSet<WorkspaceModel> WorkspaceModels => Set<WorkspaceModel>();
    public DbSet<CannedResponse> CannedResponses => Set<CannedResponse>();
    public DbSet<ConversationNote> ConversationNotes => Set<ConversationNote>();
    public DbSet<ConversationViewer> ConversationViewers => Set<ConversationViewer>();
    public DbSet<WorkflowRule> WorkflowRules => Set<WorkflowRule>();
    public DbSet<Alert> Alerts => Set<Alert>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void ConfigureConventions(ModelConfigurationBuilder builder) => ModelConventions.Configure(builder);

    protected override void OnModelCreating(ModelBuilder model)
    {
        ModelConfiguration.Configure(model);
        ScopeToWorkspace<ApiKey>(model);
        ScopeToWorkspace<Source>(model);
        ScopeToWorkspace<Post>(model);
        ScopeToWorkspace<ListeningRule>(model);
        ScopeToWorkspace<Identity>(model);
        ScopeToWorkspace<Contact>(model);
        ScopeToWorkspace<ContactMerge>(model);
        ScopeToWorkspace<Conversation>(model);
        ScopeToWorkspace<Queue>(model);
        ScopeToWorkspace<QueueMember>(model);
        ScopeToWorkspace<Offer>(model);
        ScopeToWorkspace<Agent>(model);
        ScopeToWorkspace<Reply>(model);
        ScopeToWorkspace<SlaPolicy>(model);
        ScopeToWorkspace<ReportingEvent>(model);
        ScopeToWorkspace<AuditEntry>(model);
        ScopeToWorkspace<TriageCorrection>(model);
        ScopeToWorkspace<WorkspaceModel>(model);
        ScopeToWorkspace<CannedResponse>(model);
        ScopeToWorkspace<ConversationNote>(model);
        ScopeToWorkspace<ConversationViewer>(model);
        ScopeToWorkspace<WorkflowRule>(model);
        ScopeToWorkspace<Alert>(model);
        model.Entity<Workspace>().HasQueryFilter(w => WorkspaceScope == null || w.Id == WorkspaceScope);
        ModelConventions.UseSnakeCaseNames(model);
    }

    void ScopeToWorkspace<T>(ModelBuilder model) where T : class =>
        model.Entity<T>().HasQueryFilter(e => WorkspaceScope == null || EF.Property<long>(e, "WorkspaceId") == WorkspaceScope);
}
