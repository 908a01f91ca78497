using System.CommandLine;
using Earshot.Hosting;

namespace Earshot.Cli;

/// <summary><c>earshot migrate</c>: bring the database to the current schema and create the default workspace.</summary>
public static class MigrateCommand
{
    public static Command Build()
    {
        var command = new Command("migrate", "Apply database migrations and create the default workspace if needed");
        command.SetAction(async (_, ct) =>
        {
            using var host = CliHost.Create();
            var workspace = await host.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(ct);
            Console.WriteLine($"Database is up to date. Default workspace: {workspace.Name} ({workspace.Slug}).");
            return 0;
        });
        return command;
    }
}
