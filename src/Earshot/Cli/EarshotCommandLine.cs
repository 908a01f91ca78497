using System.CommandLine;
using Earshot.Hosting;

namespace Earshot.Cli;

/// <summary>
/// <c>earshot [serve] [--demo] [--urls URL]</c>, <c>import</c>, <c>classify</c>, <c>migrate</c>. Settings come from
/// appsettings.json, environment variables (Earshot__Database__Provider, ConnectionStrings__Earshot) and flags.
/// </summary>
public static class EarshotCommandLine
{
    public static RootCommand Build()
    {
        var root = new RootCommand("Earshot — social customer care for contact centers. With no command, runs the server.");
        var serve = ServeCommand();
        // `earshot` and `earshot --demo` run the server, like `earshot serve`.
        foreach (var option in serve.Options)
        {
            root.Options.Add(option);
        }
        root.TreatUnmatchedTokensAsErrors = false;
        root.SetAction((result, ct) => RunServerAsync(result, serve, ct));
        root.Subcommands.Add(serve);
        root.Subcommands.Add(ImportCommand.Build());
        root.Subcommands.Add(ImportContactsCommand.Build());
        root.Subcommands.Add(ClassifyCommand.Build());
        root.Subcommands.Add(TrainCommand.Build());
        root.Subcommands.Add(EvalCommand.Build());
        root.Subcommands.Add(BenchCommand.Build());
        root.Subcommands.Add(MigrateCommand.Build());
        return root;
    }

    static readonly Option<bool> Demo = new("--demo") { Description = "Seed the demo workspace (Acme Air) and run a simulated live stream" };
    static readonly Option<string?> Urls = new("--urls") { Description = "Where to listen, e.g. http://localhost:5000" };

    static Command ServeCommand()
    {
        var serve = new Command("serve", "Run the server: REST API and pipeline workers") { Demo, Urls };
        serve.TreatUnmatchedTokensAsErrors = false;
        serve.SetAction((result, ct) => RunServerAsync(result, serve, ct));
        return serve;
    }

    static async Task<int> RunServerAsync(ParseResult result, Command serve, CancellationToken ct)
    {
        // Unknown tokens (e.g. --environment=Development from test hosts) pass through to ASP.NET Core configuration.
        var args = new List<string>(result.UnmatchedTokens);
        if (result.GetValue(Urls) is { Length: > 0 } urls)
        {
            args.Add($"--urls={urls}");
        }
        var app = EarshotWebApp.Build([.. args], result.GetValue(Demo));
        await app.RunAsync(ct);
        return 0;
    }
}
