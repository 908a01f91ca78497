using Earshot.Core.Channels;
using Earshot.Core.Channels.Bluesky;
using Earshot.Core.Channels.Reddit;
using Earshot.Core.Channels.X;

namespace Earshot.Hosting;

/// <summary>The network connectors beyond the first ones: X, Bluesky, Reddit, Facebook and Instagram.</summary>
public static class ChannelServices
{
    public static IServiceCollection AddNetworkConnectors(this IServiceCollection services)
    {
        // One long-lived client per connector: connection pooling, with DNS changes picked up every few minutes.
        services.AddSingleton<IChannelConnector>(sp => new XConnector(ChannelHttp.CreateClient(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IChannelConnector>(sp => new RedditConnector(ChannelHttp.CreateClient(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IChannelConnector>(sp => new BlueskyConnector(ChannelHttp.CreateClient(), sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
