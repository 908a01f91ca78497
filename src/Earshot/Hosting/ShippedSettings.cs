using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace Earshot.Hosting;

/// <summary>
/// The appsettings.json shipped next to the executable. The host reads settings files from the current folder;
/// when `earshot` runs from anywhere else, its own defaults still apply, below every other source.
/// </summary>
public static class ShippedSettings
{
    public static void AddTo(ConfigurationManager configuration, string contentRoot)
    {
        var baseDirectory = AppContext.BaseDirectory;
        if (File.Exists(Path.Combine(contentRoot, "appsettings.json")) || !File.Exists(Path.Combine(baseDirectory, "appsettings.json")))
        {
            return;
        }
        configuration.Sources.Insert(0, new JsonConfigurationSource
        {
            Path = "appsettings.json",
            Optional = true,
            FileProvider = new PhysicalFileProvider(baseDirectory),
        });
    }
}
