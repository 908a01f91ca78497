using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Earshot.BrowserTests;

/// <summary>The desktop's keyboard, presence switch and small-window layout in real Chromium against earshot --demo.</summary>
[Collection(DesktopCollection.Name)]
public sealed class KeyboardTests(DesktopFixture desktop)
{
    /// <summary>
    /// Two held conversations transferred to the demo agent, so their inbox has rows to move through; resolved again
    /// when the test ends so the agent keeps room for the offers other tests expect.
    /// </summary>
    async Task<IAsyncDisposable> AssignTwoToTheAgentAsync()
    {
        var ids = new List<long>();
        var agents = await desktop.Api.GetFromJsonAsync<JsonElement>("/api/v1/agents");
        var agentId = agents.EnumerateArray().Single(a => a.GetProperty("email").GetString() == DesktopFixture.AgentEmail).GetProperty("id").GetInt64();
        foreach (var text in new[] { "@acmeair where is my refund, it has been weeks", "@acmeair seat 14C was broken the whole flight" })
        {
            var id = await desktop.HoldConversationAsync(text);
            var moved = await desktop.Api.PostAsJsonAsync($"/api/v1/conversations/{id}/transfer", new { agent_id = agentId, reason = "test: keyboard" });
            moved.EnsureSuccessStatusCode();
            ids.Add(id);
        }
        return new Resolver(desktop, ids);
    }

    sealed class Resolver(DesktopFixture desktop, List<long> ids) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            foreach (var id in ids)
            {
                await desktop.Api.PostAsJsonAsync($"/api/v1/conversations/{id}/resolve", new { disposition = "answered" });
            }
        }
    }

    [Fact]
    public async Task Inbox_JAndKMoveTheSelection_EnterOpensIt_QuestionMarkShowsShortcuts_SlashFocusesSearch()
    {
        await using var assigned = await AssignTwoToTheAgentAsync();
        var page = await desktop.SignInAsync(DesktopFixture.AgentEmail);
        var rows = page.Locator("table.inbox-table tbody tr");
        await Assertions.Expect(rows.Nth(1)).ToBeVisibleAsync();
        await page.Locator("h1").ClickAsync();

        await page.Keyboard.PressAsync("j");
        await Assertions.Expect(rows.Nth(1)).ToHaveAttributeAsync("aria-selected", "true");
        await Assertions.Expect(rows.Nth(0)).ToHaveAttributeAsync("aria-selected", "false");
        await page.Keyboard.PressAsync("k");
        await Assertions.Expect(rows.Nth(0)).ToHaveAttributeAsync("aria-selected", "true");
        await page.Keyboard.PressAsync("j");
        await Assertions.Expect(rows.Nth(1)).ToHaveAttributeAsync("aria-selected", "true");
        var second = await rows.Nth(1).GetAttributeAsync("data-conversation");
        await page.Keyboard.PressAsync("Enter");
        // Blazor navigates inside the page (no load event): poll the address instead of waiting for a load.
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/conversations/{second}$"));

        await page.Locator("h1").ClickAsync();
        await page.Keyboard.PressAsync("?");
        var help = page.GetByRole(AriaRole.Table, new() { Name = "Keyboard shortcuts" });
        await Assertions.Expect(help).ToContainTextAsync("next / previous conversation");
        await page.GetByRole(AriaRole.Button, new() { Name = "Close", Exact = true }).Last.ClickAsync();
        await Assertions.Expect(help).ToHaveCountAsync(0);

        await page.Keyboard.PressAsync("/");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/search$"));
        await Assertions.Expect(page.Locator("#search-q")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("refund");
        await Assertions.Expect(page.Locator("#search-q")).ToHaveValueAsync("refund");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task PresenceSwitch_WrapUp_IsEnteredAndLeftByHand()
    {
        var page = await desktop.SignInAsync(DesktopFixture.AgentEmail);
        var wrapUp = page.GetByRole(AriaRole.Button, new() { Name = "Wrap-up" });

        await wrapUp.ClickAsync();

        await Assertions.Expect(wrapUp).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(page.GetByTestId("wrap-up-status")).ToContainTextAsync("no offers");
        var agents = await desktop.Api.GetFromJsonAsync<JsonElement>("/api/v1/agents");
        Assert.Equal("wrap_up", agents.EnumerateArray().Single(a => a.GetProperty("email").GetString() == DesktopFixture.AgentEmail).GetProperty("presence").GetString());
        var offline = page.GetByRole(AriaRole.Button, new() { Name = "Offline" });
        await offline.ClickAsync();
        await Assertions.Expect(offline).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(page.GetByTestId("wrap-up-status")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Inbox_640PixelsWide_NeedsNoSidewaysScrolling()
    {
        await using var assigned = await AssignTwoToTheAgentAsync();
        var page = await desktop.SignInAsync(DesktopFixture.AgentEmail);
        // 1280 px at 200 % zoom lays out like 640 px.
        await page.SetViewportSizeAsync(640, 800);

        await page.GotoAsync("/inbox");
        await DesktopFixture.WaitInteractiveAsync(page);
        await Assertions.Expect(page.Locator("table.inbox-table tbody tr").First).ToBeVisibleAsync();

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        var widest = await page.EvaluateAsync<string>("() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1).slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join(' | ')");
        Assert.True(overflow <= 1, $"the inbox is {overflow}px wider than the window: {widest}");
        await page.Context.CloseAsync();
    }
}
