using Earshot.Api;
using Earshot.Core.Data;
using Earshot.Core.Search;

namespace Earshot.Hosting;

/// <summary>The supervisor console's services and API: search, wallboard, listening analytics.</summary>
public static class ConsoleServices
{
    public static IServiceCollection AddEarshotConsole(this IServiceCollection services) =>
        services.AddSingleton(sp => PostSearch.For(sp.GetRequiredService<IDatabaseDialect>()));

    public static RouteGroupBuilder MapConsoleApi(this RouteGroupBuilder api) => api.MapSearchApi().MapSupervisionApi();
}
