using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Net.Sockets;
using System.Text;
using Microsoft.Playwright;

namespace Earshot.BrowserTests;

/// <summary>
/// One real <c>earshot --demo</c> on a free loopback port (its own build output, Development environment so the
/// static web assets are served) and one headless Debian Chromium, shared by every browser test.
/// </summary>
public sealed class DesktopFixture : IAsyncLifetime
{
    public const string AdminKey = "browser-test-admin-key-0123456789";
    public const string DemoPassword = "earshot-demo";
    public const string AgentEmail = "agent@acme-air.example";
    public const string SupervisorEmail = "supervisor@acme-air.example";
    public const string ChromiumPath = "/usr/bin/chromium";

    readonly string _folder = Path.Combine(Path.GetTempPath(), $"earshot-browser-{Guid.NewGuid():N}");
    readonly StringBuilder _output = new();
    Process? _server;
    IPlaywright? _playwright;
    readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _signedIn = new();

    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = default!;
    public HttpClient Api { get; private set; } = default!;

    public string ServerOutput { get { lock (_output) { return _output.ToString(); } } }

    /// <summary>Where screenshots of the main screens go: the repository's docs/screenshots folder.</summary>
    public static string ScreenshotFolder => Path.Combine(RepositoryRoot(), "docs", "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Browser tests need Debian's chromium at {ChromiumPath}: apt-get install -y chromium");
        }
        Directory.CreateDirectory(_folder);
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        _server = StartServer(port);
        Api = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(20) };
        Api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
        await WaitUntilUpAsync();

        // Expectations wait as long as actions do: on a busy two-core machine a Blazor round trip can pass five seconds.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh browser context (own cookies) with a laptop-sized window.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = BaseUrl, ViewportSize = new() { Width = 1366, Height = 860 } });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>
    /// Signs in through the sign-in form (once per person; later calls reuse the cookie in a fresh browser context)
    /// and waits until the desktop is interactive.
    /// </summary>
    public async Task<IPage> SignInAsync(string email)
    {
        if (_signedIn.TryGetValue(email, out var state))
        {
            var context = await Browser.NewContextAsync(new()
            {
                BaseURL = BaseUrl, ViewportSize = new() { Width = 1366, Height = 860 }, StorageState = state,
            });
            context.SetDefaultTimeout(15_000);
            var again = await context.NewPageAsync();
            await again.GotoAsync("/inbox");
            await WaitInteractiveAsync(again);
            return again;
        }
        var page = await NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/sign-in"));
        await WaitInteractiveAsync(page);
        _signedIn[email] = await page.Context.StorageStateAsync();
        return page;
    }

    /// <summary>The circuit is up and the keyboard module loaded once the layout marks itself interactive.</summary>
    public static Task WaitInteractiveAsync(IPage page) =>
        page.Locator("[data-interactive=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    /// <summary>Pushes a customer post through the API and waits until the pipeline made it a conversation; returns its id.</summary>
    public async Task<long> PostCareConversationAsync(string text, string handle)
    {
        var body = JsonSerializer.Serialize(new { id = $"browser-{Guid.NewGuid():N}", platform = "x", text, author = new { handle, name = handle } });
        var response = await Api.PostAsync("/api/v1/posts", new StringContent(body, Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
        var postId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("post_ids")[0].GetInt64();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            var post = await Api.GetFromJsonAsync<JsonElement>($"/api/v1/posts/{postId}");
            if (post.TryGetProperty("conversation_id", out var id) && id.ValueKind == JsonValueKind.Number)
            {
                return id.GetInt64();
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"Post {postId} did not become a conversation:\n" + ServerOutput);
    }

    /// <summary>
    /// A care conversation the demo's simulated agents cannot take (it waits in a queue needing a skill nobody has), so
    /// a test can act on it whatever the bots do meanwhile; returns its id.
    /// </summary>
    public async Task<long> HoldConversationAsync(string text)
    {
        var holding = await Api.PostAsJsonAsync("/api/v1/queues", new { name = $"Holding {Guid.NewGuid():N}", required_skills = new Dictionary<string, int> { ["klingon"] = 5 } });
        holding.EnsureSuccessStatusCode();
        var holdingId = (await holding.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var id = await PostCareConversationAsync(text, $"held{Guid.NewGuid().ToString("N")[..8]}");
            if ((await Api.PostAsJsonAsync($"/api/v1/conversations/{id}/transfer", new { queue_id = holdingId, reason = "test: hold" })).IsSuccessStatusCode)
            {
                return id;
            }
        }
        throw new InvalidOperationException("Could not hold a conversation away from the demo's simulated agents.");
    }

    public async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, name + ".png") });
    }

    Process StartServer(int port)
    {
        var dll = Path.Combine(RepositoryRoot(), "src", "Earshot", "bin", Configuration(), "net10.0", "earshot.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"Build src/Earshot first: {dll} is missing.");
        }
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var arg in new[] { dll, "serve", "--demo", "--urls", $"http://127.0.0.1:{port}" })
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["ConnectionStrings__Earshot"] = $"Data Source={Path.Combine(_folder, "earshot.db")}";
        start.Environment["EARSHOT_ADMIN_KEY"] = AdminKey;
        // The build output serves blazor.web.js and the packages' static assets only in Development.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { lock (_output) { _output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (_output) { _output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    async Task WaitUntilUpAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(180);
        while (DateTime.UtcNow < deadline)
        {
            if (_server!.HasExited)
            {
                throw new InvalidOperationException("earshot exited at start-up:\n" + ServerOutput);
            }
            try
            {
                if ((await Api.GetAsync("/health")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
            }
            await Task.Delay(200);
        }
        throw new TimeoutException("earshot did not answer /health within 180 s:\n" + ServerOutput);
    }

    static string Configuration() =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";

    static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Earshot.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Earshot.slnx not found above the test folder.");
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        Api?.Dispose();
        if (_server is { HasExited: false })
        {
            _server.Kill(entireProcessTree: true);
            await _server.WaitForExitAsync();
        }
        _server?.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

[CollectionDefinition(Name)]
public sealed class DesktopCollection : ICollectionFixture<DesktopFixture>
{
    public const string Name = "desktop";
}
