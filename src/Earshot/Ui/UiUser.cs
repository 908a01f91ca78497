using System.Security.Claims;
using Earshot.Api;

namespace Earshot.Ui;

/// <summary>The person signed in to the desktop: who, in which workspace, with which role.</summary>
public sealed record UiUser(long AgentId, string Name, string Role, long WorkspaceId)
{
    public const string AgentRole = "agent";
    public const string SupervisorRole = "supervisor";
    public const string MarketingRole = "marketing";
    public const string AdminRole = "admin";

    /// <summary>The actor name used in audit entries and corrections, the same as the API's.</summary>
    public string Actor => $"agent:{AgentId}";

    public bool IsSupervisor => Role is SupervisorRole or AdminRole;

    /// <summary>Null when the principal is not a signed-in person (anonymous or an API key).</summary>
    public static UiUser? From(ClaimsPrincipal principal)
    {
        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        var workspace = principal.FindFirstValue(ApiKeyAuthenticationHandler.WorkspaceClaim);
        if (principal.Identity?.IsAuthenticated != true || id is null || !id.StartsWith("agent:", StringComparison.Ordinal)
            || !long.TryParse(id["agent:".Length..], out var agentId) || !long.TryParse(workspace, out var workspaceId))
        {
            return null;
        }
        return new UiUser(agentId, principal.FindFirstValue(ClaimTypes.Name) ?? "", principal.FindFirstValue(ClaimTypes.Role) ?? AgentRole, workspaceId);
    }
}
