using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Earshot.BrowserTests;

/// <summary>The supervisor's approvals page in real Chromium against earshot --demo.</summary>
[Collection(DesktopCollection.Name)]
public sealed class ApprovalTests(DesktopFixture desktop)
{
    [Fact]
    public async Task Approvals_AgentsRiskyDraftIsHeld_SupervisorSeesReasonsAndApproves_ReplyGoesOut()
    {
        var id = await desktop.HoldConversationAsync("@acmeair you lost my bag and nobody answers, I will cancel my account");
        var agent = await desktop.SignInAsync(DesktopFixture.AgentEmail);
        await agent.GotoAsync($"/conversations/{id}");
        await DesktopFixture.WaitInteractiveAsync(agent);
        await agent.Locator("#composer-text").FillAsync("YOU SHOULD HAVE READ THE RULES, BUT WE WILL REFUND YOU <b>TODAY</b>");
        await agent.GetByRole(AriaRole.Button, new() { Name = "Send public reply" }).ClickAsync();
        var held = agent.Locator("[data-reply]").Filter(new() { HasText = "READ THE RULES" });
        await Assertions.Expect(held.Locator(".reply-status")).ToHaveTextAsync("awaiting approval");
        await agent.Context.CloseAsync();

        var supervisor = await desktop.SignInAsync(DesktopFixture.SupervisorEmail);
        await supervisor.GotoAsync("/approvals");
        await DesktopFixture.WaitInteractiveAsync(supervisor);
        var item = supervisor.Locator($"[data-testid=approval][data-conversation='{id}']");
        await Assertions.Expect(item).ToBeVisibleAsync();
        var reasons = item.Locator(".review-reasons");
        await Assertions.Expect(reasons).ToContainTextAsync("shouting");
        await Assertions.Expect(reasons).ToContainTextAsync("blames the customer");
        await Assertions.Expect(reasons).ToContainTextAsync("promises a refund");
        await Assertions.Expect(item.GetByTestId("author")).ToHaveTextAsync("Ana Agent");
        await Assertions.Expect(item.GetByTestId("risks")).ToContainTextAsync("churn");
        await Assertions.Expect(item.GetByTestId("draft")).ToHaveTextAsync("YOU SHOULD HAVE READ THE RULES, BUT WE WILL REFUND YOU <b>TODAY</b>");
        await Assertions.Expect(item.GetByTestId("draft").Locator("b")).ToHaveCountAsync(0);
        await Assertions.Expect(item.GetByRole(AriaRole.Link, new() { Name = $"Conversation {id}" })).ToHaveAttributeAsync("href", $"/conversations/{id}");
        var replyId = long.Parse((await item.GetAttributeAsync("data-reply"))!);
        await desktop.ScreenshotAsync(supervisor, "approvals");

        await item.GetByRole(AriaRole.Button, new() { Name = $"Reject reply {replyId}" }).ClickAsync();
        await item.GetByRole(AriaRole.Button, new() { Name = $"Confirm rejection of reply {replyId}" }).ClickAsync();
        await Assertions.Expect(item.Locator(".form-field:has(input) .validation-message")).ToHaveTextAsync("Tell the agent what to change.");
        Assert.Equal("awaiting_approval", await ReplyStatusAsync(id, replyId));
        await item.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();

        await item.GetByRole(AriaRole.Button, new() { Name = $"Approve reply {replyId}" }).ClickAsync();
        await Assertions.Expect(supervisor.Locator(".mud-alert").Last).ToContainTextAsync($"Reply {replyId} on conversation {id} approved");
        await Assertions.Expect(item).ToHaveCountAsync(0);
        var status = await ReplyStatusAsync(id, replyId);
        for (var poll = 0; poll < 75 && status != "sent"; poll++)
        {
            await Task.Delay(200);
            status = await ReplyStatusAsync(id, replyId);
        }
        Assert.Equal("sent", status);
        await supervisor.Context.CloseAsync();
    }

    [Fact]
    public async Task Approvals_RejectWithAReason_StopsTheReplyAndTellsTheAgentWhy()
    {
        var id = await desktop.HoldConversationAsync("@acmeair my flight was cancelled and I am furious about it");
        var posted = await desktop.Api.PostAsJsonAsync($"/api/v1/conversations/{id}/replies", new { text = "Calm down, it is not our problem.", visibility = "public" });
        posted.EnsureSuccessStatusCode();
        var replyId = (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        Assert.Equal("awaiting_approval", await ReplyStatusAsync(id, replyId));

        var supervisor = await desktop.SignInAsync(DesktopFixture.SupervisorEmail);
        await supervisor.GotoAsync("/approvals");
        await DesktopFixture.WaitInteractiveAsync(supervisor);
        var item = supervisor.Locator($"[data-testid=approval][data-reply='{replyId}']");
        await Assertions.Expect(item.Locator(".review-reasons")).ToContainTextAsync("dismissive tone");
        await item.GetByRole(AriaRole.Button, new() { Name = $"Reject reply {replyId}" }).ClickAsync();
        await item.GetByLabel("Reason for the agent").FillAsync("Apologise and offer to check the rebooking options");
        await item.GetByRole(AriaRole.Button, new() { Name = $"Confirm rejection of reply {replyId}" }).ClickAsync();

        await Assertions.Expect(supervisor.Locator(".mud-alert").Last).ToContainTextAsync($"Reply {replyId} on conversation {id} rejected");
        await Assertions.Expect(item).ToHaveCountAsync(0);
        Assert.Equal("rejected", await ReplyStatusAsync(id, replyId));
        await supervisor.Context.CloseAsync();
    }

    [Fact]
    public async Task Approvals_Agent_IsNotLetIn()
    {
        var page = await desktop.SignInAsync(DesktopFixture.AgentEmail);

        await page.GotoAsync("/approvals");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Approvals" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("approval")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    async Task<string> ReplyStatusAsync(long conversationId, long replyId)
    {
        var detail = await desktop.Api.GetFromJsonAsync<JsonElement>($"/api/v1/conversations/{conversationId}");
        return detail.GetProperty("replies").EnumerateArray().Single(r => r.GetProperty("id").GetInt64() == replyId).GetProperty("status").GetString()!;
    }
}
