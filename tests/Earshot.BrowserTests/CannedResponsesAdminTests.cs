using Microsoft.Playwright;

namespace Earshot.BrowserTests;

/// <summary>The canned responses admin section in real Chromium against earshot --demo.</summary>
[Collection(DesktopCollection.Name)]
public sealed class CannedResponsesAdminTests(DesktopFixture desktop)
{
    const string AdminEmail = "admin@acme-air.example";

    [Fact]
    public async Task Admin_CannedResponses_ValidatesNextToFields_AddsEditsAndDeletes()
    {
        var page = await desktop.SignInAsync(AdminEmail);
        await page.GotoAsync("/admin/canned");
        await DesktopFixture.WaitInteractiveAsync(page);
        var seeded = await page.GetByTestId("canned-row").First.GetAttributeAsync("data-title");
        var title = $"Browser canned {Guid.NewGuid().ToString("N")[..6]}";
        var add = page.GetByRole(AriaRole.Button, new() { Name = "Add canned response" });

        await add.ClickAsync();
        await Assertions.Expect(page.Locator(".form-field:has(#canned-title) .validation-message")).ToHaveTextAsync("Give the response a title agents will recognise.");
        await Assertions.Expect(page.Locator(".form-field:has(#canned-text) .validation-message")).ToHaveTextAsync("Write the text agents insert.");
        await page.GetByLabel("Title").FillAsync(seeded!);
        await page.GetByLabel("Text", new() { Exact = true }).FillAsync("Hi {first_name}, your case is {case_id}.");
        await page.GetByLabel("Keywords (separated by spaces or commas)").FillAsync("bag, lost/found");
        await add.ClickAsync();
        await Assertions.Expect(page.Locator(".form-field:has(#canned-keywords) .validation-message")).ToContainTextAsync("'lost/found'");
        await page.GetByLabel("Keywords (separated by spaces or commas)").FillAsync("Bag, lost");
        await add.ClickAsync();
        await Assertions.Expect(page.Locator(".form-field:has(#canned-title) .validation-message")).ToHaveTextAsync($"A canned response titled '{seeded}' already exists.");
        await desktop.ScreenshotAsync(page, "admin-canned-validation");
        await page.GetByLabel("Title").FillAsync(title);
        await add.ClickAsync();

        await Assertions.Expect(page.Locator(".mud-alert")).ToContainTextAsync($"Canned response '{title}' added.");
        var row = page.Locator($"[data-testid=canned-row][data-title='{title}']");
        await Assertions.Expect(row).ToContainTextAsync("bag lost");

        await row.GetByRole(AriaRole.Button, new() { Name = $"Edit {title}" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Title")).ToHaveValueAsync(title);
        await page.GetByLabel("Text", new() { Exact = true }).FillAsync("Hello {first_name}, we found your bag.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Assertions.Expect(page.Locator(".mud-alert")).ToContainTextAsync($"Canned response '{title}' saved.");
        await Assertions.Expect(row).ToContainTextAsync("we found your bag");

        await row.GetByRole(AriaRole.Button, new() { Name = $"Delete {title}" }).ClickAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = $"Confirm deleting {title}" }).ClickAsync();
        await Assertions.Expect(page.Locator(".mud-alert")).ToContainTextAsync($"Canned response '{title}' deleted.");
        await Assertions.Expect(row).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator($"[data-testid=canned-row][data-title='{seeded}']")).ToHaveCountAsync(1);
        await page.Context.CloseAsync();
    }
}
