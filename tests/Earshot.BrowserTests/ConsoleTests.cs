using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Earshot.BrowserTests;

/// <summary>The supervisor console, listening view, search and admin forms in real Chromium against earshot --demo.</summary>
[Collection(DesktopCollection.Name)]
public sealed class ConsoleTests(DesktopFixture desktop)
{
    const string AdminEmail = "admin@acme-air.example";

    [Fact]
    public async Task Console_Supervisor_SeesWallboardNumbersAndTransfersAConversationWithAReason()
    {
        var id = await HeldConversationAsync();
        var page = await desktop.SignInAsync(DesktopFixture.SupervisorEmail);

        await page.GotoAsync("/console");
        await DesktopFixture.WaitInteractiveAsync(page);
        var care = page.Locator("[data-testid=queue-row][data-queue=Care]");
        await Assertions.Expect(care).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("total-waiting")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^[1-9]\d*$"));
        var row = page.Locator($"[data-testid=live-row][data-conversation='{id}']");
        await Assertions.Expect(row).ToBeVisibleAsync();
        await desktop.ScreenshotAsync(page, "console");

        await row.GetByRole(AriaRole.Button, new() { Name = $"Transfer conversation {id}" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Transfer", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".form-field:has(#transfer-reason) .validation-message")).ToHaveTextAsync("Say why the conversation moves.");
        await page.GetByLabel("Move to queue").SelectOptionAsync(new SelectOptionValue { Label = "Marketing" });
        await page.GetByLabel("Reason").FillAsync("Asks about a partnership, not a care issue");
        await page.GetByRole(AriaRole.Button, new() { Name = "Transfer", Exact = true }).ClickAsync();

        await Assertions.Expect(page.Locator(".mud-alert").Last).ToContainTextAsync($"Conversation {id} transferred");
        var queues = await desktop.Api.GetFromJsonAsync<JsonElement>("/api/v1/queues");
        var marketing = queues.EnumerateArray().Single(q => q.GetProperty("name").GetString() == "Marketing").GetProperty("id").GetInt64();
        var detail = await desktop.Api.GetFromJsonAsync<JsonElement>($"/api/v1/conversations/{id}");
        Assert.Equal(marketing, detail.GetProperty("conversation").GetProperty("queue_id").GetInt64());
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// A conversation the demo's simulated agents cannot take (it waits in a queue needing a skill nobody has), so the
    /// supervisor can move it whatever the bots do meanwhile.
    /// </summary>
    async Task<long> HeldConversationAsync()
    {
        var holding = await desktop.Api.PostAsJsonAsync("/api/v1/queues", new { name = $"Holding {Guid.NewGuid():N}", required_skills = new Dictionary<string, int> { ["klingon"] = 5 } });
        holding.EnsureSuccessStatusCode();
        var holdingId = (await holding.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var word = $"zh{Guid.NewGuid().ToString("N")[..8]}";
            (await desktop.Api.PostAsJsonAsync("/api/v1/posts", new
            {
                id = $"console-{word}", platform = "x", text = $"@acmeair my refund {word} never arrived, this is a disgrace",
                author = new { handle = $"c{word}", followers = 120 },
            })).EnsureSuccessStatusCode();
            long? id = null;
            for (var poll = 0; poll < 40 && id is null; poll++)
            {
                var page = await desktop.Api.GetFromJsonAsync<JsonElement>($"/api/v1/search?q={word}");
                var hit = page.GetProperty("items").EnumerateArray().FirstOrDefault();
                if (hit.ValueKind == JsonValueKind.Object && hit.GetProperty("conversation_id").ValueKind == JsonValueKind.Number)
                {
                    id = hit.GetProperty("conversation_id").GetInt64();
                }
                else
                {
                    await Task.Delay(100);
                }
            }
            if (id is { } found && (await desktop.Api.PostAsJsonAsync($"/api/v1/conversations/{found}/transfer", new { queue_id = holdingId, reason = "test: hold" })).IsSuccessStatusCode)
            {
                return found;
            }
        }
        throw new InvalidOperationException("Could not hold a conversation away from the demo's simulated agents.");
    }

    [Fact]
    public async Task Admin_NewQueue_ShowsValidationNextToTheFieldThenSaves()
    {
        var page = await desktop.SignInAsync(AdminEmail);
        await page.GotoAsync("/admin/queues");
        await DesktopFixture.WaitInteractiveAsync(page);
        var name = $"Browser VIP {Guid.NewGuid().ToString("N")[..6]}";

        await page.GetByRole(AriaRole.Button, new() { Name = "Add queue" }).ClickAsync();
        await Assertions.Expect(page.Locator(".form-field:has(#queue-name) .validation-message")).ToHaveTextAsync("Give the queue a name.");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await page.GetByLabel("Required skills (skill:level, …)").FillAsync("es:9");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add queue" }).ClickAsync();
        await Assertions.Expect(page.Locator(".form-field:has(#queue-skills) .validation-message")).ToContainTextAsync("es:9");
        await desktop.ScreenshotAsync(page, "admin-queue-validation");
        await page.GetByLabel("Required skills (skill:level, …)").FillAsync("es:4");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add queue" }).ClickAsync();

        await Assertions.Expect(page.Locator(".mud-alert")).ToContainTextAsync($"Queue '{name}' added.");
        await Assertions.Expect(page.GetByRole(AriaRole.Rowheader, new() { Name = name })).ToBeVisibleAsync();
        var queues = await desktop.Api.GetFromJsonAsync<JsonElement>("/api/v1/queues");
        Assert.Contains(queues.EnumerateArray(), q => q.GetProperty("name").GetString() == name);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Search_Agent_FindsAPostByItsWords()
    {
        var word = $"zq{Guid.NewGuid().ToString("N")[..8]}";
        var posted = await desktop.Api.PostAsJsonAsync("/api/v1/posts", new
        {
            id = $"search-{word}", platform = "x", text = $"@acmeair lost luggage code {word} at the gate", author = new { handle = "searchtest" },
        });
        posted.EnsureSuccessStatusCode();
        var page = await desktop.SignInAsync(DesktopFixture.AgentEmail);
        await page.GotoAsync("/search");
        await DesktopFixture.WaitInteractiveAsync(page);

        await page.GetByLabel("Words").FillAsync($"{word} luggage");
        var hit = page.GetByTestId("search-hit").Filter(new() { HasText = word });
        for (var attempt = 0; attempt < 20 && await hit.CountAsync() == 0; attempt++)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
            await page.WaitForTimeoutAsync(250);
        }

        await Assertions.Expect(hit).ToHaveCountAsync(1);
        await desktop.ScreenshotAsync(page, "search");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Listening_Supervisor_SeesChartsAndTopTerms()
    {
        var page = await desktop.SignInAsync(DesktopFixture.SupervisorEmail);
        await page.GotoAsync("/listening");
        await DesktopFixture.WaitInteractiveAsync(page);

        await Assertions.Expect(page.GetByTestId("listening-posts")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+$"));
        await Assertions.Expect(page.Locator(".mud-chart svg").First).ToBeVisibleAsync();
        await desktop.ScreenshotAsync(page, "listening");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Console_Agent_IsNotLetIn()
    {
        var page = await desktop.SignInAsync(DesktopFixture.AgentEmail);

        await page.GotoAsync("/console");

        await Assertions.Expect(page.GetByTestId("total-waiting")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }
}
