using MudBlazor;

namespace Earshot.Ui.Shell;

/// <summary>
/// The desktop's routes and who may open them. Pages use the role lists in their <c>[Authorize(Roles = ...)]</c>
/// attributes; the navigation shows a person only what their role allows.
/// </summary>
public static class Navigation
{
    /// <summary>Everyone who signs in has an inbox.</summary>
    public const string EveryoneRoles = "agent,supervisor,marketing,admin";
    public const string SupervisorRoles = "supervisor,admin";
    public const string ListeningRoles = "supervisor,marketing,admin";
    public const string AdminRoles = "admin";

    public const string Inbox = "/inbox";
    public const string Console = "/console";
    public const string Approvals = "/approvals";
    public const string Listening = "/listening";
    public const string Search = "/search";
    public const string Admin = "/admin";

    public static readonly IReadOnlyList<NavItem> All =
    [
        new(Inbox, "Inbox", Icons.Material.Filled.Inbox, Split(EveryoneRoles)),
        new(Search, "Search", Icons.Material.Filled.Search, Split(EveryoneRoles)),
        new(Console, "Console", Icons.Material.Filled.Dashboard, Split(SupervisorRoles)),
        new(Approvals, "Approvals", Icons.Material.Filled.FactCheck, Split(SupervisorRoles)),
        new(Listening, "Listening", Icons.Material.Filled.Insights, Split(ListeningRoles)),
        new(Admin, "Admin", Icons.Material.Filled.Settings, Split(AdminRoles)),
    ];

    public static IReadOnlyList<NavItem> For(string role) => [.. All.Where(i => i.Roles.Contains(role))];

    static string[] Split(string roles) => roles.Split(',');
}
