namespace Earshot.Api;

/// <summary>The routing endpoints added after the first API: workflow rules and supervisor alerts.</summary>
public static class RoutingApis
{
    public static RouteGroupBuilder MapRoutingApis(this RouteGroupBuilder api) => api.MapWorkflowsApi().MapAlertsApi();
}
