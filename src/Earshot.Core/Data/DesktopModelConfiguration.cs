using Earshot.Core.Agents;
using Earshot.Core.Conversations;
using Earshot.Core.Replies;
using Earshot.Core.Workspaces;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Core.Data;

/// <summary>The desktop's tables: canned responses, internal notes, and who is viewing a conversation.</summary>
static class DesktopModelConfiguration
{
    public static void Configure(ModelBuilder model)
    {
        model.Entity<CannedResponse>(e =>
        {
            e.HasIndex(c => new { c.WorkspaceId, c.Title }).IsUnique();
            e.HasOne<Workspace>().WithMany().HasForeignKey(c => c.WorkspaceId);
            e.Property(c => c.Title).HasMaxLength(200);
            e.Property(c => c.Keywords).HasMaxLength(500);
            e.Property(c => c.Text).HasMaxLength(ReplyService.MaxTextLength);
        });
        model.Entity<ConversationNote>(e =>
        {
            e.HasIndex(n => n.ConversationId);
            e.HasIndex(n => new { n.WorkspaceId, n.ContactId });
            e.HasOne<Workspace>().WithMany().HasForeignKey(n => n.WorkspaceId);
            e.HasOne<Conversation>().WithMany().HasForeignKey(n => n.ConversationId);
            e.HasOne<Agent>().WithMany().HasForeignKey(n => n.AgentId);
            e.Property(n => n.Author).HasMaxLength(200);
            e.Property(n => n.Text).HasMaxLength(ConversationNote.MaxTextLength);
        });
        model.Entity<ConversationViewer>(e =>
        {
            e.HasKey(v => new { v.ConversationId, v.AgentId });
            e.HasIndex(v => v.LastSeenAt);
            e.HasOne<Workspace>().WithMany().HasForeignKey(v => v.WorkspaceId);
            e.HasOne<Conversation>().WithMany().HasForeignKey(v => v.ConversationId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Agent>().WithMany().HasForeignKey(v => v.AgentId).OnDelete(DeleteBehavior.Cascade);
            e.Property(v => v.AgentName).HasMaxLength(200);
        });
    }
}
