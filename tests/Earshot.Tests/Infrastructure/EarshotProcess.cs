using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Earshot.Tests.Infrastructure;

/// <summary>The real `earshot` executable in its own process, as users run it.</summary>
public sealed class EarshotProcess : IDisposable
{
    readonly Process _process;
    readonly StringBuilder _output = new();

    EarshotProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => { lock (_output) { _output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (_output) { _output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Output { get { lock (_output) { return _output.ToString(); } } }

    public static EarshotProcess Start(TestDatabase database, string workingDirectory, params string[] args) =>
        StartWith(database, database.ConnectionString, workingDirectory, args);

    /// <summary>Starts the executable on the test database through another connection string (e.g. a smaller pool).</summary>
    public static EarshotProcess StartWith(TestDatabase database, string connectionString, string workingDirectory, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "earshot.dll");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["Earshot__Database__Provider"] = database.Provider.ToString();
        start.Environment["ConnectionStrings__Earshot"] = connectionString;
        start.Environment["EARSHOT_ADMIN_KEY"] = EarshotAppFactory.AdminKey;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        return new EarshotProcess(Process.Start(start)!);
    }

    /// <summary>Runs a command to its end and returns its exit code.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(TestDatabase database, string workingDirectory, params string[] args)
    {
        using var process = Start(database, workingDirectory, args);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process._process.WaitForExitAsync(timeout.Token);
        process._process.WaitForExit(); // drains the output readers
        return (process._process.ExitCode, process.Output);
    }

    /// <summary>Kills the process at once, as a crash or `kill -9` would.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>Whether a server answers /health on the port yet.</summary>
    public static async Task<bool> IsUpAsync(HttpClient http, int port)
    {
        try
        {
            return (await http.GetAsync($"http://127.0.0.1:{port}/health")).IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }
        _process.Dispose();
    }
}
