using Earshot.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using MudBlazor.Services;

namespace Earshot.Ui;

/// <summary>
/// The web desktop: a Blazor Web App with interactive server rendering, served at <c>/</c> next to the API. People
/// sign in with a cookie; API callers keep using bearer keys. One policy scheme picks between the two per request.
/// </summary>
public static class UiHosting
{
    /// <summary>The default scheme: a request with an Authorization header is an API call, anything else a person's browser.</summary>
    public const string SchemeName = "Earshot";

    public static IServiceCollection AddEarshotUi(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddMudServices();
        services.AddScoped<UiSession>();
        services.AddScoped<ShortcutBus>();
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SchemeName;
                o.DefaultChallengeScheme = SchemeName;
                o.DefaultForbidScheme = SchemeName;
            })
            .AddPolicyScheme(SchemeName, "API key or sign-in cookie", o => o.ForwardDefaultSelector = http =>
                http.Request.Headers.Authorization.Count > 0 ? ApiKeyAuthenticationHandler.SchemeName : CookieAuthenticationDefaults.AuthenticationScheme);
        services.PostConfigure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme, o =>
        {
            o.LoginPath = "/sign-in";
            o.AccessDeniedPath = "/sign-in";
            var redirectToLogin = o.Events.OnRedirectToLogin;
            var redirectToDenied = o.Events.OnRedirectToAccessDenied;
            // Pages send people to the sign-in page; API-style paths keep their problem+json answers.
            o.Events.OnRedirectToLogin = c => IsPage(c.Request) ? Redirect(c) : redirectToLogin(c);
            o.Events.OnRedirectToAccessDenied = c => IsPage(c.Request) ? Redirect(c) : redirectToDenied(c);
        });
        services.AddAntiforgery();
        return services;
    }

    public static WebApplication MapEarshotUi(this WebApplication app)
    {
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        // A plain form post with the antiforgery token (form binding makes the endpoint check it).
        app.MapPost("/sign-out", async (HttpContext http, IFormCollection form) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.LocalRedirect("/sign-in");
        }).ExcludeFromDescription();
        return app;
    }

    static bool IsPage(HttpRequest request) =>
        !request.Path.StartsWithSegments("/api") && !request.Path.StartsWithSegments("/auth") && !request.Path.StartsWithSegments("/hooks");

    static Task Redirect(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
