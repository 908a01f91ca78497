using Earshot.Hosting;

namespace Earshot.Cli;

/// <summary>A host without the web server, for commands that use the database and the pipeline directly.</summary>
public static class CliHost
{
    public static IHost Create(bool demo = false)
    {
        var builder = Host.CreateApplicationBuilder();
        ShippedSettings.AddTo(builder.Configuration, builder.Environment.ContentRootPath);
        // Commands print their own output; the host's informational logs would interleave with it.
        builder.Logging.AddFilter((_, level) => level >= LogLevel.Warning);
        builder.Services.AddEarshotCore(builder.Configuration);
        builder.Services.AddSingleton(new StartupOptions { Demo = demo });
        return builder.Build();
    }
}
