using Earshot.Core.Agents;
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
using Earshot.Core.Workspaces;
using Earshot.Triage;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Core.Data;

/// <summary>Keys, indexes and relations. Indexes follow the queries the workers and the API run.</summary>
static class ModelConfiguration
{
    public static void Configure(ModelBuilder model)
    {
        DesktopModelConfiguration.Configure(model);
        RoutingModelConfiguration.Configure(model);
        model.Entity<Workspace>(e =>
        {
            e.HasIndex(w => w.Slug).IsUnique();
            e.Property(w => w.Name).HasMaxLength(200);
            e.Property(w => w.Slug).HasMaxLength(100);
            e.Property(w => w.BucketPolicy).HasJsonConversion();
            e.Property(w => w.Calendar).HasJsonConversion();
        });
        model.Entity<ApiKey>(e =>
        {
            e.HasIndex(k => k.Hash).IsUnique();
            e.HasOne<Workspace>().WithMany().HasForeignKey(k => k.WorkspaceId);
            e.Property(k => k.Hash).HasMaxLength(64);
            e.Property(k => k.Prefix).HasMaxLength(16);
            e.Property(k => k.Name).HasMaxLength(200);
        });
        model.Entity<DataProtectionKey>(e => e.Property(k => k.FriendlyName).HasMaxLength(200));
        model.Entity<Source>(e =>
        {
            e.HasIndex(s => new { s.WorkspaceId, s.Name }).IsUnique();
            e.HasOne<Workspace>().WithMany().HasForeignKey(s => s.WorkspaceId);
            e.Property(s => s.Platform).HasMaxLength(32);
            e.Property(s => s.Connector).HasMaxLength(32);
            e.Property(s => s.Name).HasMaxLength(200);
            e.Property(s => s.LeaseToken).HasMaxLength(32);
            e.HasIndex(s => new { s.Connector, s.LeaseUntil });
        });
        model.Entity<Post>(e =>
        {
            // A post seen twice (same platform id) is stored once, whichever source heard it.
            e.HasIndex(p => new { p.WorkspaceId, p.Platform, p.ExternalId }).IsUnique();
            e.HasIndex(p => new { p.Status, p.Id });
            e.HasIndex(p => new { p.WorkspaceId, p.Id });
            // Listening analytics and date-filtered search read a workspace's posts by time.
            e.HasIndex(p => new { p.WorkspaceId, p.CreatedAt });
            e.HasIndex(p => p.ConversationId);
            e.HasOne<Workspace>().WithMany().HasForeignKey(p => p.WorkspaceId);
            e.HasOne<Source>().WithMany().HasForeignKey(p => p.SourceId);
            e.HasOne<Conversation>().WithMany().HasForeignKey(p => p.ConversationId);
            e.Property(p => p.Platform).HasMaxLength(32);
            e.Property(p => p.ExternalId).HasMaxLength(256);
            e.Property(p => p.InReplyToExternalId).HasMaxLength(256);
            e.Property(p => p.ReferencesExternalIds).HasMaxLength(4000);
            e.Property(p => p.RepostOfExternalId).HasMaxLength(256);
            e.Property(p => p.ContentKey).HasMaxLength(32);
            e.HasIndex(p => new { p.WorkspaceId, p.ContentKey });
            // The lease token guards the save: a node whose lease was taken over cannot write its result.
            e.Property(p => p.LeaseToken).HasMaxLength(32).IsConcurrencyToken();
            e.Property(p => p.Reasons).HasJsonConversion();
            e.Property(p => p.PriorityParts).HasJsonConversion();
            e.Ignore(p => p.TagList);
        });
        model.Entity<ListeningRule>(e =>
        {
            e.HasOne<Workspace>().WithMany().HasForeignKey(r => r.WorkspaceId);
            e.Property(r => r.Name).HasMaxLength(200);
            e.Property(r => r.Tag).HasMaxLength(64);
        });
        model.Entity<Identity>(e =>
        {
            e.HasIndex(i => new { i.WorkspaceId, i.Platform, i.HandleNormalized }).IsUnique();
            e.HasOne<Workspace>().WithMany().HasForeignKey(i => i.WorkspaceId);
            e.HasOne<Contact>().WithMany().HasForeignKey(i => i.ContactId);
            e.Property(i => i.Platform).HasMaxLength(32);
            e.Property(i => i.Handle).HasMaxLength(256);
            e.Property(i => i.HandleNormalized).HasMaxLength(256);
            e.Property(i => i.LinkedBy).HasMaxLength(32);
        });
        model.Entity<Contact>(e =>
        {
            e.HasOne<Workspace>().WithMany().HasForeignKey(c => c.WorkspaceId);
            e.HasIndex(c => new { c.WorkspaceId, c.CustomerId });
            e.HasIndex(c => new { c.WorkspaceId, c.EmailNormalized });
            e.Property(c => c.DisplayName).HasMaxLength(200);
            e.Property(c => c.Email).HasMaxLength(320);
            e.Property(c => c.EmailNormalized).HasMaxLength(320);
            e.Property(c => c.CustomerId).HasMaxLength(100);
            e.Property(c => c.Tier).HasMaxLength(32);
        });
        model.Entity<ContactMerge>(e =>
        {
            e.HasIndex(m => new { m.WorkspaceId, m.FromContactId });
            e.HasOne<Workspace>().WithMany().HasForeignKey(m => m.WorkspaceId);
            e.Property(m => m.IdentityIds).HasJsonConversion();
            e.Property(m => m.ConversationIds).HasJsonConversion();
            e.Property(m => m.Actor).HasMaxLength(100);
        });
        model.Entity<Conversation>(e =>
        {
            e.HasIndex(c => new { c.WorkspaceId, c.Status, c.QueueId, c.Priority });
            e.HasIndex(c => new { c.WorkspaceId, c.IdentityId, c.Status });
            e.HasIndex(c => new { c.WorkspaceId, c.AssigneeId, c.Status });
            // One conversation per item of a source: makes open-media tasks idempotent on their external id.
            e.HasIndex(c => new { c.SourceId, c.RootExternalId }).IsUnique();
            e.HasOne<Workspace>().WithMany().HasForeignKey(c => c.WorkspaceId);
            e.HasOne<Queue>().WithMany().HasForeignKey(c => c.QueueId);
            e.HasOne<Identity>().WithMany().HasForeignKey(c => c.IdentityId);
            e.HasOne<Agent>().WithMany().HasForeignKey(c => c.AssigneeId);
            e.Property(c => c.Channel).HasMaxLength(32);
            e.Property(c => c.Medium).HasMaxLength(32);
            e.Property(c => c.Subject).HasMaxLength(200);
            e.Property(c => c.PriorityParts).HasJsonConversion();
            e.Property(c => c.Version).IsConcurrencyToken();
        });
        model.Entity<Queue>(e =>
        {
            e.HasIndex(q => new { q.WorkspaceId, q.Name }).IsUnique();
            e.HasOne<Workspace>().WithMany().HasForeignKey(q => q.WorkspaceId);
            e.HasOne<SlaPolicy>().WithMany().HasForeignKey(q => q.SlaPolicyId);
            e.Property(q => q.Name).HasMaxLength(200);
            e.Property(q => q.RequiredSkills).HasJsonConversion();
            e.Property(q => q.EscalationSteps).HasJsonConversion();
        });
        model.Entity<QueueMember>(e =>
        {
            e.HasKey(m => new { m.QueueId, m.AgentId });
            e.HasOne<Queue>().WithMany().HasForeignKey(m => m.QueueId);
            e.HasOne<Agent>().WithMany().HasForeignKey(m => m.AgentId);
        });
        model.Entity<Offer>(e =>
        {
            // The database itself refuses a second pending offer for one conversation, whatever the nodes do.
            e.HasIndex(o => o.ConversationId).IsUnique().HasFilter("status = 'Pending'").HasDatabaseName("ux_offers_pending_conversation");
            e.HasIndex(o => new { o.WorkspaceId, o.AgentId, o.Status });
            e.HasIndex(o => new { o.Status, o.ExpiresAt });
            e.HasOne<Conversation>().WithMany().HasForeignKey(o => o.ConversationId);
            e.HasOne<Agent>().WithMany().HasForeignKey(o => o.AgentId);
            e.Property(o => o.Reason).HasMaxLength(500);
        });
        model.Entity<Agent>(e =>
        {
            e.HasIndex(a => new { a.WorkspaceId, a.EmailNormalized }).IsUnique();
            e.HasOne<Workspace>().WithMany().HasForeignKey(a => a.WorkspaceId);
            e.Property(a => a.Name).HasMaxLength(200);
            e.Property(a => a.Email).HasMaxLength(320);
            e.Property(a => a.EmailNormalized).HasMaxLength(320);
            e.Property(a => a.Skills).HasJsonConversion();
            e.Property(a => a.Capacity).HasJsonConversion();
        });
        model.Entity<Reply>(e =>
        {
            e.HasIndex(r => new { r.Status, r.Id });
            e.HasIndex(r => r.ConversationId);
            e.HasOne<Conversation>().WithMany().HasForeignKey(r => r.ConversationId);
            e.HasOne<Agent>().WithMany().HasForeignKey(r => r.AgentId);
            e.Property(r => r.LeaseToken).HasMaxLength(32).IsConcurrencyToken();
            e.Property(r => r.ReviewReasons).HasJsonConversion();
            e.Property(r => r.Attachments!).HasJsonConversion().IsRequired(false);
        });
        model.Entity<SlaPolicy>(e =>
        {
            e.HasOne<Workspace>().WithMany().HasForeignKey(s => s.WorkspaceId);
            e.HasIndex(s => new { s.WorkspaceId, s.Name }).IsUnique();
        });
        model.Entity<ReportingEvent>(e =>
        {
            e.HasIndex(r => new { r.WorkspaceId, r.Kind, r.OccurredAt });
            e.HasOne<Workspace>().WithMany().HasForeignKey(r => r.WorkspaceId);
            e.Property(r => r.Channel).HasMaxLength(32);
        });
        model.Entity<TriageCorrection>(e =>
        {
            e.HasIndex(c => new { c.WorkspaceId, c.CreatedAt });
            e.HasOne<Workspace>().WithMany().HasForeignKey(c => c.WorkspaceId);
            e.HasOne<Post>().WithMany().HasForeignKey(c => c.PostId);
            e.Property(c => c.Intent).HasMaxLength(32);
            e.Property(c => c.Bucket).HasMaxLength(16);
            e.Property(c => c.Sentiment).HasMaxLength(16);
        });
        model.Entity<WorkspaceModel>(e =>
        {
            e.HasIndex(m => new { m.WorkspaceId, m.TrainedAt });
            e.HasOne<Workspace>().WithMany().HasForeignKey(m => m.WorkspaceId);
        });
        model.Entity<AuditEntry>(e =>
        {
            e.HasIndex(a => new { a.WorkspaceId, a.Subject });
            e.HasOne<Workspace>().WithMany().HasForeignKey(a => a.WorkspaceId);
        });
    }
}
