using Microsoft.Playwright;

namespace Earshot.BrowserTests;

[Collection(DesktopCollection.Name)]
public sealed class SignInTests(DesktopFixture desktop)
{
    [Fact]
    public async Task SignIn_DemoAgent_LandsInInboxWithAgentNavigationOnly()
    {
        var page = await desktop.NewPageAsync();

        await page.GotoAsync("/inbox");
        await desktop.ScreenshotAsync(page, "sign-in");
        await page.GetByLabel("E-mail").FillAsync(DesktopFixture.AgentEmail);
        await page.GetByLabel("Password").FillAsync(DesktopFixture.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await DesktopFixture.WaitInteractiveAsync(page);

        Assert.EndsWith("/inbox", page.Url);
        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Inbox" })).ToBeVisibleAsync();
        await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Console" })).ToHaveCountAsync(0);
        await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Admin" })).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SignIn_WrongPassword_StaysOnSignInWithMessage()
    {
        var page = await desktop.NewPageAsync();

        await page.GotoAsync("/sign-in");
        await page.GetByLabel("E-mail").FillAsync(DesktopFixture.AgentEmail);
        await page.GetByLabel("Password").FillAsync("not-the-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Wrong e-mail or password.");
        Assert.Contains("/sign-in", page.Url);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SignOut_Supervisor_SeesConsoleNavThenReturnsToSignIn()
    {
        var page = await desktop.SignInAsync(DesktopFixture.SupervisorEmail);
        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Console" })).ToBeVisibleAsync();
        await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Approvals" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await page.WaitForURLAsync(url => url.Contains("/sign-in"));
        await page.GotoAsync("/inbox");
        Assert.Contains("/sign-in", page.Url);
        await page.Context.CloseAsync();
    }
}
