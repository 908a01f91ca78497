namespace Earshot.Hosting;

/// <summary>How this process was started (set by the command line before the host runs).</summary>
public sealed class StartupOptions
{
    /// <summary>Seed the demo workspace and run the simulated stream and agents.</summary>
    public bool Demo { get; set; }
}
