using System.Security.Claims;
using Earshot.Core.Agents;
using Earshot.Core.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Api;

/// <summary>
/// Cookie sign-in for people (agents, supervisors, marketing, admins) with their e-mail and password, checked with
/// ASP.NET Core Identity's password hasher. The web desktop builds on it; the REST API keeps using API keys.
/// </summary>
public static class SignInApi
{
    public static IEndpointRouteBuilder MapSignInApi(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/auth").WithTags("Sign-in");
        auth.MapPost("/sign-in", SignInAsync).WithSummary("Sign in with e-mail and password; sets the session cookie");
        auth.MapPost("/sign-out", SignOutAsync).WithSummary("End the session");
        auth.MapGet("/me", Me).RequireAuthorization(new Microsoft.AspNetCore.Authorization.AuthorizeAttribute { AuthenticationSchemes = CookieAuthenticationDefaults.AuthenticationScheme })
            .WithSummary("Who is signed in");
        return app;
    }

    static async Task<Results<Ok<MeJson>, ProblemHttpResult>> SignInAsync(
        SignInRequest request, HttpContext http, IDbContextFactory<EarshotDbContext> contexts, IPasswordHasher<object> hasher, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrEmpty(request.Password))
        {
            return (ProblemHttpResult)Problems.BadRequest("email and password are required", string.IsNullOrWhiteSpace(request.Email) ? "email" : "password");
        }
        var agent = await VerifyAsync(contexts, hasher, request.Email, request.Password, ct);
        if (agent is null)
        {
            return (ProblemHttpResult)Problems.Result(StatusCodes.Status401Unauthorized, "Unauthorized", "Wrong e-mail or password.");
        }
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, PrincipalFor(agent));
        return TypedResults.Ok(new MeJson(agent.Id, agent.Name, agent.Email, agent.Role.ToString().ToLowerInvariant(), agent.WorkspaceId));
    }

    /// <summary>The person with this e-mail and password, or null. Shared by the JSON endpoint and the desktop's sign-in page.</summary>
    public static async Task<Agent?> VerifyAsync(
        IDbContextFactory<EarshotDbContext> contexts, IPasswordHasher<object> hasher, string email, string password, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var normalized = Agent.NormalizeEmail(email);
        // E-mails are unique per workspace; a person in several workspaces signs in to the default one first.
        var agent = await db.Agents.IgnoreQueryFilters()
            .Where(a => a.EmailNormalized == normalized && a.PasswordHash != null)
            .OrderByDescending(a => db.Workspaces.IgnoreQueryFilters().Any(w => w.Id == a.WorkspaceId && w.IsDefault))
            .FirstOrDefaultAsync(ct);
        var verdict = agent is null ? PasswordVerificationResult.Failed : hasher.VerifyHashedPassword(new object(), agent.PasswordHash!, password);
        return verdict == PasswordVerificationResult.Failed ? null : agent;
    }

    /// <summary>The cookie principal of a person: id, name, e-mail, role and workspace as claims.</summary>
    public static ClaimsPrincipal PrincipalFor(Agent agent) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.NameIdentifier, $"agent:{agent.Id}"),
        new Claim(ClaimTypes.Name, agent.Name),
        new Claim(ClaimTypes.Email, agent.Email),
        new Claim(ClaimTypes.Role, agent.Role.ToString().ToLowerInvariant()),
        new Claim(ApiKeyAuthenticationHandler.WorkspaceClaim, agent.WorkspaceId.ToString()),
    ], CookieAuthenticationDefaults.AuthenticationScheme));

    static async Task<NoContent> SignOutAsync(HttpContext http, CancellationToken ct)
    {
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.NoContent();
    }

    static Ok<MeJson> Me(ClaimsPrincipal user) => TypedResults.Ok(new MeJson(
        long.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!["agent:".Length..]),
        user.FindFirstValue(ClaimTypes.Name)!, user.FindFirstValue(ClaimTypes.Email)!, user.FindFirstValue(ClaimTypes.Role)!, user.WorkspaceId()));
}

public sealed record SignInRequest(string? Email, string? Password);

public sealed record MeJson(long Id, string Name, string Email, string Role, long WorkspaceId);
