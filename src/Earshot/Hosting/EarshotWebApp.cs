using System.Text.Json;
using System.Text.Json.Serialization;
using Earshot.Api;
using Earshot.Core.Data;
using Earshot.Core.Pipeline;
using Earshot.Ui;
using Earshot.Workers;
using Microsoft.EntityFrameworkCore;
using Prometheus;

namespace Earshot.Hosting;

/// <summary>The server: REST API, health, metrics, OpenAPI document, and the pipeline workers.</summary>
public static class EarshotWebApp
{
    static int _meterAdapterConfigured;

    public static WebApplication Build(string[] args, bool demo)
    {
        // Publish the pipeline's System.Diagnostics.Metrics instruments on /metrics, once per process: configuring the
        // adapter again would restart it and drop what was counted so far.
        if (Interlocked.Exchange(ref _meterAdapterConfigured, 1) == 0)
        {
            // Counters keep their series however quiet the pipeline is: prometheus-net would otherwise unpublish a
            // series after five minutes without a change, and a scrape would see the counter vanish (a day is the longest
            // the adapter allows; every pipeline stage moves far more often).
            Metrics.ConfigureMeterAdapter(o =>
            {
                o.InstrumentFilterPredicate = instrument => instrument.Meter.Name == PipelineMetrics.MeterName;
                o.MetricsExpireAfter = TimeSpan.FromDays(1);
            });
            // prometheus-net starts the adapter (its MeterListener) on the registry's first collection, so whatever was
            // counted before the first scrape would be lost: collect once now to start listening from the beginning.
            Metrics.DefaultRegistry.CollectAndExportAsTextAsync(Stream.Null).GetAwaiter().GetResult();
        }
        var builder = WebApplication.CreateBuilder(args);
        // Serve the framework's and packages' static files (blazor.web.js, MudBlazor) from the build output in every
        // environment, so `dotnet run` works in Production too; a published app has them in wwwroot and this does nothing.
        builder.WebHost.UseStaticWebAssets();
        ShippedSettings.AddTo(builder.Configuration, builder.Environment.ContentRootPath);
        var services = builder.Services;
        services.AddEarshotCore(builder.Configuration);
        services.AddEarshotConsole();
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<EarshotDbContext>>().CreateDbContext());
        services.AddSingleton(new StartupOptions { Demo = demo });
        // The database is migrated before any other hosted service starts: Data Protection's own start-up service
        // reads its key ring from the database and would find no table on a fresh one.
        services.Insert(0, ServiceDescriptor.Singleton<IHostedService, StartupService>());
        services.AddHostedService<PipelineWorker>();
        services.AddHostedService<RoutingWorker>();
        services.AddHostedService<SlaWorker>();
        services.AddHostedService<ReplySenderWorker>();
        services.AddHostedService<ModelTrainingWorker>();
        services.AddHostedService<SourcePollingWorker>();
        services.AddHostedService<EmailIdleWorker>();
        if (demo)
        {
            services.AddHostedService<DemoStreamWorker>();
            services.AddHostedService<DemoAgentsWorker>();
        }
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        });
        services.AddProblemDetails();
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddCookie(o =>
            {
                o.Cookie.Name = "earshot";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.SlidingExpiration = true;
                o.ExpireTimeSpan = TimeSpan.FromHours(10);
                // An API-style answer instead of a redirect to a login page that does not exist yet.
                o.Events.OnRedirectToLogin = c => Problems.WriteAsync(c.HttpContext, StatusCodes.Status401Unauthorized, "Unauthorized", "Sign in first.");
                o.Events.OnRedirectToAccessDenied = c => Problems.WriteAsync(c.HttpContext, StatusCodes.Status403Forbidden, "Forbidden", "Your role may not do this.");
            });
        services.AddAuthorization();
        services.AddEarshotUi();
        services.AddOpenApi("v1", o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Earshot API";
            doc.Info.Description = "Social customer care: posts in, triage, conversations, routing, replies and reports. Every call needs 'Authorization: Bearer <api key>'.";
            return Task.CompletedTask;
        }));
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseHttpMetrics();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapHealthChecks("/health");
        app.MapMetrics("/metrics");
        app.MapSignInApi();
        app.MapWebhookApi();
        app.MapMetaWebhookApi();
        var api = app.MapGroup("/api/v1")
            .RequireAuthorization(new Microsoft.AspNetCore.Authorization.AuthorizeAttribute { AuthenticationSchemes = ApiKeyAuthenticationHandler.SchemeName })
            .ScopedToWorkspace();
        api.MapPostsApi();
        api.MapConversationsApi();
        api.MapAgentsApi();
        api.MapOffersApi();
        api.MapQueuesApi();
        api.MapSourcesApi();
        api.MapRulesApi();
        api.MapReportsApi();
        api.MapTriageApi();
        api.MapTasksApi();
        api.MapCalendarApi();
        api.MapContactsApi();
        api.MapConsoleApi();
        api.MapApprovalsApi();
        api.MapRoutingApis();
        app.MapEarshotUi();
        return app;
    }
}
