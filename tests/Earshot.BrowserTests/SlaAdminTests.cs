using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Earshot.BrowserTests;

/// <summary>The SLA policy admin form, in real Chromium against earshot --demo.</summary>
[Collection(DesktopCollection.Name)]
public sealed class SlaAdminTests(DesktopFixture desktop)
{
    [Fact]
    public async Task Admin_SlaPolicy_BandPriorityOutOfRangeShownNextToIt_FixedBandIsSaved()
    {
        var name = $"Gold {Guid.NewGuid().ToString("N")[..6]}";
        var created = await desktop.Api.PostAsJsonAsync("/api/v1/sla-policies", new
        {
            name,
            bands = new[] { new { name = "urgent", min_priority = 80, first_response_seconds = 900, next_response_seconds = 1800, resolution_seconds = 14400 } },
        });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        try
        {
            var page = await desktop.SignInAsync("admin@acme-air.example");
            await page.GotoAsync("/admin/sla");
            await DesktopFixture.WaitInteractiveAsync(page);
            var row = page.Locator($"[data-testid=sla-row][data-name='{name}']");

            await row.GetByRole(AriaRole.Button, new() { Name = $"Edit {name}" }).ClickAsync();
            await Assertions.Expect(page.Locator("#sla-name")).ToBeFocusedAsync();
            var min = page.GetByLabel("Band 1 from priority (0–100)");
            await Assertions.Expect(min).ToHaveValueAsync("80");
            await min.FillAsync("150");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save policy" }).ClickAsync();
            var error = page.Locator(".form-field:has(#band-0-min) .validation-message");
            await Assertions.Expect(error).ToHaveTextAsync("This must be 0–100.");
            await desktop.ScreenshotAsync(page, "admin-sla-band-validation");
            await min.FillAsync("85");
            await page.GetByLabel("Band 1 first response (minutes)").FillAsync("10");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save policy" }).ClickAsync();

            await Assertions.Expect(page.Locator("[data-testid=sla-saved]")).ToContainTextAsync($"Policy '{name}' saved.");
            await Assertions.Expect(row).ToContainTextAsync("urgent ≥ 85");
            await Assertions.Expect(error).ToHaveCountAsync(0);
            var band = (await desktop.Api.GetFromJsonAsync<JsonElement>($"/api/v1/sla-policies/{id}")).GetProperty("bands")[0];
            Assert.Equal((85, 600), (band.GetProperty("min_priority").GetInt32(), band.GetProperty("first_response_seconds").GetInt32()));
            await page.Context.CloseAsync();
        }
        finally
        {
            await desktop.Api.DeleteAsync($"/api/v1/sla-policies/{id}");
        }
    }
}
