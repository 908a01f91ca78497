namespace Earshot.Ui.Shell;

/// <summary>One entry of the desktop's navigation, and the roles that see it.</summary>
public sealed record NavItem(string Href, string Label, string Icon, IReadOnlyList<string> Roles);
