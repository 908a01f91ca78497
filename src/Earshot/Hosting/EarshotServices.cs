using Earshot.Core.Agents;
using Earshot.Core.Channels;
using Earshot.Core.Channels.Demo;
using Earshot.Core.Channels.Feeds;
using Earshot.Core.Channels.Mastodon;
using Earshot.Core.Channels.Polling;
using Earshot.Core.Channels.Webhook;
using Earshot.Core.Conversations;
using Earshot.Core.Data;
using Earshot.Core.Ingestion;
using Earshot.Core.Learning;
using Earshot.Core.Listening;
using Earshot.Core.Pipeline;
using Earshot.Core.Replies;
using Earshot.Core.Routing;
using Earshot.Core.Sla;
using Earshot.Core.Tasks;
using Earshot.Triage;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Earshot.Hosting;

/// <summary>The services every earshot command shares: the database, triage and the pipeline stages.</summary>
public static class EarshotServices
{
    public static IServiceCollection AddEarshotCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>()
            .Bind(configuration.GetSection(DatabaseOptions.Section))
            .Configure(o => o.ConnectionString = configuration.GetConnectionString("Earshot") ?? o.ConnectionString)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddDbContextFactory<EarshotDbContext>((sp, options) =>
        {
            var db = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            DatabaseSetup.Configure(options, db.Provider, db.ConnectionString);
        });
        services.AddSingleton(sp => DatabaseSetup.DialectFor(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(TriageEngine.Default);
        services.AddSingleton<WorkSignals>();
        services.AddSingleton<PipelineMetrics>();
        services.AddSingleton<ListeningRuleCache>();
        services.AddSingleton<WorkspaceTriageEngines>();
        services.AddSingleton<ModelTrainer>();
        services.AddSingleton<TriageCorrector>();
        services.AddSingleton<ConversationThreader>();
        services.AddSingleton<PostIngestor>();
        services.AddSingleton<PostPipeline>();
        services.AddSingleton<RoutingService>();
        services.AddSingleton<SlaService>();
        services.AddSingleton<EscalationService>();
        services.AddSingleton<PresenceLiveness>();
        services.AddSingleton<PresenceService>();
        services.AddSingleton<WorkTaskService>();
        services.AddSingleton<OfferService>();
        services.AddSingleton<ReplyService>();
        services.AddSingleton<ReplySender>();
        services.AddSingleton<ConversationService>();
        services.AddSingleton<ViewerPresence>();
        services.AddSingleton<DemoConnector>();
        services.AddSingleton<IChannelConnector>(sp => sp.GetRequiredService<DemoConnector>());
        services.AddSingleton<IChannelConnector, WebhookConnector>();
        // One long-lived client per connector: connection pooling, with DNS changes picked up every few minutes.
        services.AddSingleton<IChannelConnector>(_ => new FeedConnector(ChannelHttp.CreateClient()));
        services.AddSingleton<IChannelConnector>(sp => new MastodonConnector(ChannelHttp.CreateClient(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IChannelConnector, Core.Channels.Email.EmailConnector>();
        services.AddSingleton<Core.Contacts.ContactService>();
        services.AddSingleton<Core.Channels.Email.EmailIdleWatcher>();
        services.AddNetworkConnectors();
        services.AddSingleton<ConnectorRegistry>();
        services.AddSingleton<SourcePoller>();
        services.AddSingleton<IPasswordHasher<object>, PasswordHasher<object>>();
        services.AddSingleton<StartupOptions>();
        services.AddSingleton<DatabaseInitializer>();
        return services;
    }
}
