using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace Earshot.BrowserTests;

/// <summary>The admin forms for workflows, the business calendar and sources, in real Chromium against earshot --demo.</summary>
[Collection(DesktopCollection.Name)]
public sealed class AdminFormsTests(DesktopFixture desktop)
{
    const string AdminEmail = "admin@acme-air.example";

    [Fact]
    public async Task Admin_Workflow_RiskTypoShowsTheErrorNextToRisks_FixedRuleIsAddedEditedAndDeleted()
    {
        var page = await desktop.SignInAsync(AdminEmail);
        await page.GotoAsync("/admin/workflows");
        await DesktopFixture.WaitInteractiveAsync(page);
        var name = $"Lawyers {Guid.NewGuid().ToString("N")[..6]}";
        var add = page.GetByRole(AriaRole.Button, new() { Name = "Add rule" });

        await page.GetByLabel("Name").FillAsync(name);
        await page.GetByLabel("Send to queue").SelectOptionAsync(new SelectOptionValue { Label = "Care" });
        await page.GetByLabel("care", new() { Exact = true }).CheckAsync();
        await page.Locator("#workflow-risks").FillAsync("legal, lawsuit");
        await page.GetByLabel("Priority boost (-100 to 100)").FillAsync("20");
        await add.ClickAsync();
        var riskError = page.Locator(".form-field:has(#workflow-risks) .validation-message");
        await Assertions.Expect(riskError).ToContainTextAsync("Value 2 must be one of");
        await desktop.ScreenshotAsync(page, "admin-workflows-validation");
        await page.Locator("#workflow-risks").FillAsync("legal, churn");
        await add.ClickAsync();

        await Assertions.Expect(page.Locator(".mud-alert")).ToContainTextAsync($"Rule '{name}' added.");
        var row = page.Locator($"[data-testid=workflow-row][data-name='{name}']");
        await Assertions.Expect(row).ToContainTextAsync("risk legal or churn");
        var rules = await desktop.Api.GetFromJsonAsync<JsonElement>("/api/v1/workflows");
        var stored = rules.EnumerateArray().Single(r => r.GetProperty("name").GetString() == name);
        Assert.Equal(20, stored.GetProperty("priority_boost").GetInt32());
        Assert.Equal(["care"], stored.GetProperty("conditions").GetProperty("buckets").EnumerateArray().Select(b => b.GetString()));
        await desktop.ScreenshotAsync(page, "admin-workflows");

        await row.GetByRole(AriaRole.Button, new() { Name = $"Edit {name}" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Name")).ToHaveValueAsync(name);
        await Assertions.Expect(page.Locator("#workflow-name")).ToBeFocusedAsync();
        await page.GetByLabel("Enabled").UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Assertions.Expect(page.Locator(".mud-alert")).ToContainTextAsync($"Rule '{name}' saved.");
        await row.GetByRole(AriaRole.Button, new() { Name = $"Delete {name}" }).ClickAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = $"Confirm deleting {name}" }).ClickAsync();
        await Assertions.Expect(row).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Admin_Calendar_BadTimeZoneShownNextToIt_HolidayAddedThenEdited()
    {
        var original = await desktop.Api.GetStringAsync("/api/v1/calendar");
        try
        {
            var page = await desktop.SignInAsync(AdminEmail);
            await page.GotoAsync("/admin/sla");
            await DesktopFixture.WaitInteractiveAsync(page);
            var zone = page.GetByLabel("Time zone (IANA, e.g. Europe/Madrid)");
            var save = page.GetByRole(AriaRole.Button, new() { Name = "Save calendar" });

            await zone.FillAsync("Mars/Olympus");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add holiday" }).ClickAsync();
            var holiday = page.Locator("[data-testid=holiday-row] input[type=date]").Last;
            await holiday.FillAsync("2031-12-25");
            await save.ClickAsync();
            await Assertions.Expect(page.Locator(".form-field:has(#calendar-zone) .validation-message")).ToHaveTextAsync("Unknown time zone 'Mars/Olympus'.");
            await Assertions.Expect(zone).ToHaveAttributeAsync("aria-invalid", "true");
            await zone.FillAsync("Europe/Madrid");
            await save.ClickAsync();
            await Assertions.Expect(page.Locator(".mud-alert")).ToContainTextAsync("Calendar saved.");
            await AssertHolidaysAsync(has: "2031-12-25", hasNot: null);

            // Edit the holiday: the date moves a day.
            await holiday.FillAsync("2031-12-26");
            await save.ClickAsync();
            await Assertions.Expect(page.Locator(".mud-alert")).ToContainTextAsync("Calendar saved.");
            await AssertHolidaysAsync(has: "2031-12-26", hasNot: "2031-12-25");
            await Assertions.Expect(page.Locator("[data-testid=holiday-row] input[type=date]").Last).ToHaveValueAsync("2031-12-26");
            await desktop.ScreenshotAsync(page, "admin-calendar");
            await page.Context.CloseAsync();
        }
        finally
        {
            (await desktop.Api.PutAsync("/api/v1/calendar", new StringContent(original, Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        }
    }

    /// <summary>The stored calendar, polled briefly: the page's "saved" message may still be the previous save's.</summary>
    async Task AssertHolidaysAsync(string has, string? hasNot)
    {
        List<string?> holidays = [];
        for (var deadline = DateTime.UtcNow.AddSeconds(10); DateTime.UtcNow < deadline; await Task.Delay(100))
        {
            var calendar = await desktop.Api.GetFromJsonAsync<JsonElement>("/api/v1/calendar");
            holidays = [.. calendar.GetProperty("holidays").EnumerateArray().Select(h => h.GetString())];
            if (holidays.Contains(has) && (hasNot is null || !holidays.Contains(hasNot)))
            {
                Assert.Equal("Europe/Madrid", calendar.GetProperty("time_zone").GetString());
                return;
            }
        }
        Assert.Fail($"holidays are [{string.Join(", ", holidays)}]; expected {has}{(hasNot is null ? "" : $" and not {hasNot}")}");
    }

    [Fact]
    public async Task Admin_Source_EditKeepsTheMaskedSecret_PauseAndResume()
    {
        var name = $"Browser feed {Guid.NewGuid().ToString("N")[..6]}";
        var created = await desktop.Api.PostAsJsonAsync("/api/v1/sources",
            new { platform = "webhook", name, connector = "webhook", settings = new { secret = "hush-hush-123" } });
        created.EnsureSuccessStatusCode();
        var page = await desktop.SignInAsync(AdminEmail);
        await page.GotoAsync("/admin/sources");
        await DesktopFixture.WaitInteractiveAsync(page);
        var row = page.Locator($"[data-testid=source-row][data-name='{name}']");

        await row.GetByRole(AriaRole.Button, new() { Name = $"Edit {name}" }).ClickAsync();
        var settings = page.Locator("#source-settings");
        await Assertions.Expect(settings).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(@"\*{8}"));
        Assert.DoesNotContain("hush-hush-123", await page.ContentAsync());
        await page.GetByLabel("Name").FillAsync(name + " renamed");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Assertions.Expect(page.Locator(".mud-alert")).ToContainTextAsync($"Source '{name} renamed' saved.");
        row = page.Locator($"[data-testid=source-row][data-name='{name} renamed']");
        await row.GetByRole(AriaRole.Button, new() { Name = $"Pause {name} renamed" }).ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("paused");
        await row.GetByRole(AriaRole.Button, new() { Name = $"Resume {name} renamed" }).ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("ok");
        await desktop.ScreenshotAsync(page, "admin-sources");

        await row.GetByRole(AriaRole.Button, new() { Name = $"Delete {name} renamed" }).ClickAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = $"Confirm deleting {name} renamed" }).ClickAsync();
        await Assertions.Expect(row).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }
}

/// <summary>The admin sections at 200 % zoom, in real Chromium.</summary>
[Collection(DesktopCollection.Name)]
public sealed class AdminZoomTests(DesktopFixture desktop)
{
    [Theory]
    [InlineData("workflows")]
    [InlineData("queues")]
    [InlineData("sla")]
    [InlineData("sources")]
    public async Task AdminSection_640PixelsWide_NeedsNoSidewaysScrollingOfThePage(string section)
    {
        var page = await desktop.SignInAsync("admin@acme-air.example");
        await page.SetViewportSizeAsync(640, 800);

        await page.GotoAsync($"/admin/{section}");
        await DesktopFixture.WaitInteractiveAsync(page);
        await Assertions.Expect(page.Locator("form").First).ToBeVisibleAsync();

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        // What sticks out, to say which element to fix when it fails.
        var widest = await page.EvaluateAsync<string>("() => [...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1).slice(0, 4).map(e => e.tagName + '.' + e.className).join(' | ')");
        Assert.True(overflow <= 1, $"/admin/{section} is {overflow}px wider than the window: {widest}");
        await page.Context.CloseAsync();
    }
}
