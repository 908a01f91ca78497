using Earshot.Core.Demo;

namespace Earshot.Hosting;

/// <summary>Runs the database initializer before the workers and the web server start.</summary>
public sealed class StartupService(DatabaseInitializer initializer, StartupOptions startup, ILogger<StartupService> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var workspace = await initializer.InitializeAsync(cancellationToken);
        log.LogInformation("Default workspace: {Name} ({Slug})", workspace.Name, workspace.Slug);
        if (startup.Demo)
        {
            var logins = string.Join(Environment.NewLine, DemoWorkspace.People
                .Where(p => !p.Simulated)
                .Select(p => $"  {p.Role.ToString().ToLowerInvariant(),-10} {p.Email,-30} password: {DemoWorkspace.Password}"));
            log.LogInformation("Demo workspace '{Name}' is ready. Sign in with:{NewLine}{Logins}", workspace.Name, Environment.NewLine, logins);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
