using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Earshot.BrowserTests;

/// <summary>One-click triage corrections in the conversation view, in real Chromium against earshot --demo.</summary>
[Collection(DesktopCollection.Name)]
public sealed class TriageCorrectionTests(DesktopFixture desktop)
{
    [Fact]
    public async Task ConversationView_SentimentCorrection_PersistsAndIsRecordedAsATrainingLabel()
    {
        var conversationId = await desktop.HoldConversationAsync("@acmeair my bag is lost again and nobody answers the phone");
        var page = await desktop.SignInAsync(DesktopFixture.AgentEmail);
        await page.GotoAsync($"/conversations/{conversationId}");
        await DesktopFixture.WaitInteractiveAsync(page);
        var post = page.Locator("[data-post]").First;

        await post.GetByRole(AriaRole.Button, new() { Name = "Correct sentiment" }).ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "positive" }).ClickAsync();

        await Assertions.Expect(post.Locator(".post-sentiment")).ToContainTextAsync("positive");
        await Assertions.Expect(post).ToContainTextAsync("corrected");
        await page.ReloadAsync();
        await DesktopFixture.WaitInteractiveAsync(page);
        await Assertions.Expect(page.Locator("[data-post]").First.Locator(".post-sentiment")).ToContainTextAsync("positive");
        var postId = long.Parse((await page.Locator("[data-post]").First.GetAttributeAsync("data-post"))!);
        var stored = await desktop.Api.GetFromJsonAsync<JsonElement>($"/api/v1/posts/{postId}");
        Assert.True(stored.GetProperty("triage").GetProperty("sentiment").GetProperty("compound").GetDouble() >= 0.05, stored.ToString());

        await page.Locator("[data-post]").First.GetByRole(AriaRole.Button, new() { Name = "Correct bucket" }).ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "marketing" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-post]").First.Locator(".post-bucket")).ToHaveTextAsync("marketing");
        await desktop.ScreenshotAsync(page, "conversation-correction");
        await page.Context.CloseAsync();
    }
}
