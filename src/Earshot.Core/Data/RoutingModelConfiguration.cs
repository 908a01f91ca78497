using Earshot.Core.Agents;
using Earshot.Core.Alerts;
using Earshot.Core.Conversations;
using Earshot.Core.Routing;
using Earshot.Core.Sla;
using Earshot.Core.Workflows;
using Earshot.Core.Workspaces;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Core.Data;

/// <summary>Workflow rules, alerts, and the routing and SLA columns added to existing entities.</summary>
static class RoutingModelConfiguration
{
    public static void Configure(ModelBuilder model)
    {
        model.Entity<WorkflowRule>(e =>
        {
            e.HasIndex(r => new { r.WorkspaceId, r.Position });
            e.HasOne<Workspace>().WithMany().HasForeignKey(r => r.WorkspaceId);
            e.HasOne<Queue>().WithMany().HasForeignKey(r => r.QueueId);
            e.Property(r => r.Name).HasMaxLength(200);
            e.Property(r => r.Conditions).HasJsonConversion();
            e.Property(r => r.RequiredSkills).HasJsonConversion();
        });
        model.Entity<Alert>(e =>
        {
            e.HasIndex(a => new { a.WorkspaceId, a.AcknowledgedAt, a.CreatedAt });
            e.HasOne<Workspace>().WithMany().HasForeignKey(a => a.WorkspaceId);
            e.Property(a => a.Kind).HasMaxLength(32);
            e.Property(a => a.Message).HasMaxLength(500);
            e.Property(a => a.AcknowledgedBy).HasMaxLength(200);
        });
        model.Entity<Conversation>(e =>
        {
            // Rows from before the column existed read as "no extra skills".
            e.Property(c => c.RequiredSkills).HasJsonConversion().HasDefaultValueSql("'{}'");
            e.Property(c => c.SlaBand).HasMaxLength(32);
        });
        // An offer changes state once: an accept racing the expiry (or a reject, a withdrawal) on another node fails
        // instead of overwriting it, so a conversation is never assigned through an offer already given up.
        model.Entity<Offer>().Property(o => o.Status).IsConcurrencyToken();
        model.Entity<SlaPolicy>().Property(s => s.Bands).HasJsonConversion().HasDefaultValueSql("'[]'");
        model.Entity<Agent>().Property(a => a.Schedule!).HasJsonConversion().IsRequired(false);
    }
}
