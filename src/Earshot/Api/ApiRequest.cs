using System.Security.Claims;
using Earshot.Core.Data;

namespace Earshot.Api;

/// <summary>The caller of an API request: their workspace, and a DbContext scoped to it.</summary>
public static class ApiRequest
{
    public static long WorkspaceId(this ClaimsPrincipal user) =>
        long.Parse(user.FindFirstValue(ApiKeyAuthenticationHandler.WorkspaceClaim)
                   ?? throw new InvalidOperationException("The request is not authenticated with an API key."));

    public static string Actor(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "unknown";

    /// <summary>Scopes the request's DbContext to the caller's workspace before any endpoint runs.</summary>
    public static RouteGroupBuilder ScopedToWorkspace(this RouteGroupBuilder group) =>
        group.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (http.User.Identity?.IsAuthenticated == true)
            {
                http.RequestServices.GetRequiredService<EarshotDbContext>().WorkspaceScope = http.User.WorkspaceId();
            }
            return await next(context);
        });
}
