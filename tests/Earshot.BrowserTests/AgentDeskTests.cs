using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Earshot.BrowserTests;

/// <summary>The agent's day in the real desktop: presence, offers, the conversation view, replies, resolve.</summary>
[Collection(DesktopCollection.Name)]
public sealed class AgentDeskTests(DesktopFixture desktop)
{
    [Fact]
    public async Task Agent_GoesAvailable_AcceptsOffer_ReadsCustomer_RepliesPublicAndPrivate_Resolves()
    {
        var page = await desktop.SignInAsync(DesktopFixture.AgentEmail);

        await page.GetByRole(AriaRole.Button, new() { Name = "Available" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Available" })).ToHaveAttributeAsync("aria-pressed", "true");
        // The demo stream routes a new conversation to the agent within seconds; it appears without a reload.
        var offer = page.Locator("[data-offer]").First;
        await offer.WaitForAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(offer.GetByRole(AriaRole.Timer)).ToContainTextAsync("expires in");
        var conversationId = await offer.GetAttributeAsync("data-conversation-id");
        await offer.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
        var row = page.Locator($"tr[data-conversation='{conversationId}']");
        await Assertions.Expect(row).ToBeVisibleAsync();
        await Assertions.Expect(row.GetByRole(AriaRole.Timer)).Not.ToBeEmptyAsync();
        await desktop.ScreenshotAsync(page, "inbox");
        await row.GetByRole(AriaRole.Link).ClickAsync();

        await page.WaitForURLAsync($"**/conversations/{conversationId}");
        var panel = page.GetByRole(AriaRole.Complementary);
        await Assertions.Expect(panel.GetByRole(AriaRole.Heading, new() { Name = "Customer" })).ToBeVisibleAsync();
        await Assertions.Expect(panel.Locator(".identities li").First).ToContainTextAsync("followers");
        await Assertions.Expect(page.Locator("[data-post]").First.GetByLabel("Triage")).ToContainTextAsync("intent:");

        await page.Locator("#composer-text").FillAsync("Thanks for telling us, we are looking into it right now.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send public reply" }).ClickAsync();
        var publicReply = page.Locator("[data-reply]").Filter(new() { HasText = "looking into it right now" });
        await Assertions.Expect(publicReply).ToContainTextAsync("public reply");
        await Assertions.Expect(publicReply.Locator(".reply-status")).ToHaveTextAsync("sent", new() { Timeout = 15_000 });

        await page.Locator("h1").ClickAsync();
        await page.Keyboard.PressAsync("p");
        await Assertions.Expect(page.Locator("#composer-text")).ToBeFocusedAsync();
        await page.Locator("#canned-search").FillAsync("bag");
        await page.GetByRole(AriaRole.Button, new() { Name = "Insert “Lost bag: take it to DM”" }).ClickAsync();
        await Assertions.Expect(page.Locator("#composer-text")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex($"C-{long.Parse(conversationId!):D6}"));
        await Assertions.Expect(page.Locator("#length-counter")).ToContainTextAsync("/");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send private direct message" }).ClickAsync();
        var privateReply = page.Locator("[data-reply]").Filter(new() { HasText = "bag tag number" });
        await Assertions.Expect(privateReply).ToContainTextAsync("private direct message");
        await desktop.ScreenshotAsync(page, "conversation");

        await page.Locator("#disposition").SelectOptionAsync("answered");
        await page.Locator("#tags").FillAsync("baggage, desktop-test");
        await page.GetByRole(AriaRole.Button, new() { Name = "Resolve conversation" }).ClickAsync();

        await Assertions.Expect(page.Locator(".conversation-status")).ToHaveTextAsync("resolved");
        var json = await desktop.Api.GetFromJsonAsync<JsonElement>($"/api/v1/conversations/{conversationId}");
        Assert.Equal("answered", json.GetProperty("conversation").GetProperty("disposition").GetString());
        Assert.Contains("desktop-test", json.GetProperty("conversation").GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task UntrustedPostText_ShowsLiterally_AndRunsNoScript()
    {
        const string payload = "<img src=x onerror=alert(1)><script>alert(2)</script>";
        var conversationId = await desktop.PostCareConversationAsync($"@acmeair my bag is lost and nobody helps {payload}", "mallory");
        var page = await desktop.SignInAsync(DesktopFixture.AgentEmail);
        var dialogs = 0;
        page.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };

        await page.GotoAsync($"/conversations/{conversationId}");
        await DesktopFixture.WaitInteractiveAsync(page);

        var post = page.Locator("[data-post] .post-text").First;
        await Assertions.Expect(post).ToContainTextAsync(payload);
        Assert.Equal(0, await page.Locator("[data-post] img, [data-post] script").CountAsync());
        await page.WaitForTimeoutAsync(1000);
        Assert.Equal(0, dialogs);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task RiskyReply_IsHeldForApproval_SupervisorSeesViewerAndApproves()
    {
        var conversationId = await desktop.PostCareConversationAsync("@acmeair you lost my bag and I want answers today", "riskytester");
        var agent = await desktop.SignInAsync(DesktopFixture.AgentEmail);
        await agent.GotoAsync($"/conversations/{conversationId}");
        await DesktopFixture.WaitInteractiveAsync(agent);

        await agent.Locator("#composer-text").FillAsync("THIS IS NOT OUR PROBLEM, YOU SHOULD HAVE READ THE RULES");
        await agent.GetByRole(AriaRole.Button, new() { Name = "Send public reply" }).ClickAsync();

        var held = agent.Locator("[data-reply]").Filter(new() { HasText = "READ THE RULES" });
        await Assertions.Expect(held.Locator(".reply-status")).ToHaveTextAsync("awaiting approval");
        await Assertions.Expect(held.Locator(".review-reasons")).ToContainTextAsync("shouting");
        var approvals = await desktop.Api.GetFromJsonAsync<JsonElement>("/api/v1/approvals");
        var approval = approvals.EnumerateArray().Single(a => a.GetProperty("conversation_id").GetInt64() == conversationId);
        Assert.Contains(approval.GetProperty("reply").GetProperty("review_reasons").EnumerateArray(), r => r.GetString()!.Contains("blames the customer"));

        var supervisor = await desktop.SignInAsync(DesktopFixture.SupervisorEmail);
        await supervisor.GotoAsync($"/conversations/{conversationId}");
        await DesktopFixture.WaitInteractiveAsync(supervisor);
        await Assertions.Expect(agent.Locator(".viewers")).ToContainTextAsync("Sam Supervisor", new() { Timeout = 10_000 });
        await desktop.ScreenshotAsync(agent, "approval-held");
        var detail = await desktop.Api.GetFromJsonAsync<JsonElement>($"/api/v1/conversations/{conversationId}");
        Assert.True(detail.GetProperty("viewers").GetArrayLength() >= 2);

        var replyId = approval.GetProperty("reply").GetProperty("id").GetInt64();
        var approved = await desktop.Api.PostAsync($"/api/v1/replies/{replyId}/approve", null);
        approved.EnsureSuccessStatusCode();
        await Assertions.Expect(held.Locator(".reply-status")).ToHaveTextAsync("sent", new() { Timeout = 15_000 });
        await agent.Context.CloseAsync();
        await supervisor.Context.CloseAsync();
    }

    [Fact]
    public async Task QuestionMark_ShowsKeyboardShortcuts()
    {
        var page = await desktop.SignInAsync(DesktopFixture.AgentEmail);

        await page.Locator("h1").ClickAsync();
        await page.Keyboard.PressAsync("?");

        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Keyboard shortcuts" })).ToContainTextAsync("reply privately");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ConversationView_At200PercentZoom_NeedsNoSidewaysScrolling()
    {
        var conversationId = await desktop.PostCareConversationAsync("@acmeair flight to Paris delayed again, any news?", "zoomtester");
        var page = await desktop.SignInAsync(DesktopFixture.AgentEmail);
        // A 1366 × 860 laptop at 200 % zoom lays out like a 683 × 430 window.
        await page.SetViewportSizeAsync(683, 430);

        await page.GotoAsync($"/conversations/{conversationId}");
        await DesktopFixture.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Customer" })).ToBeVisibleAsync();

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 1, $"the page is {overflow}px wider than the window");
        await Assertions.Expect(page.Locator("#composer-text")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
