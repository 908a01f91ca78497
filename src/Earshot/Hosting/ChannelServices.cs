using Earshot.Core.Channels;
using Earshot.Core.Channels.Bluesky;
using Earshot.Core.Channels.Facebook;
using Earshot.Core.Channels.Instagram;
using Earshot.Core.Channels.Meta;
using Earshot.Core.Channels.Reddit;
using Earshot.Core.Channels.X;
using Earshot.Core.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Hosting;

/// <summary>
/// The network connectors beyond the first ones (X, Bluesky, Reddit, Facebook, Instagram) and the encryption of
/// source credentials with a Data Protection key ring kept in the database.
/// </summary>
public static class ChannelServices
{
    /// <summary>The same on every node, so all of them read one key ring (the default is the content root path).</summary>
    public const string ApplicationName = "Earshot";

    public static IServiceCollection AddNetworkConnectors(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddOptions<KeyManagementOptions>()
            .Configure<IDbContextFactory<EarshotDbContext>>((options, contexts) => options.XmlRepository = new DatabaseXmlRepository(contexts));
        services.AddSingleton<ISecretProtector, DataProtectionSecretProtector>();
        services.AddSingleton<SourceCredentials>();

        // One long-lived client per connector: connection pooling, with DNS changes picked up every few minutes.
        services.AddSingleton<IChannelConnector>(sp => new XConnector(ChannelHttp.CreateClient(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IChannelConnector>(sp => new RedditConnector(ChannelHttp.CreateClient(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IChannelConnector>(sp => new BlueskyConnector(ChannelHttp.CreateClient(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(_ => new GraphApi(ChannelHttp.CreateClient()));
        services.AddSingleton<IChannelConnector, FacebookConnector>();
        services.AddSingleton<IChannelConnector, InstagramConnector>();
        return services;
    }
}
