using Bunit;
using Earshot.Core.Replies;
using Earshot.Ui.Components;
using Earshot.Ui.Desktop;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Earshot.Tests.Ui;

/// <summary>The composer component: counter, visibility wording, canned responses, sending.</summary>
public sealed class ComposerTests : BunitContext
{
    readonly List<(ComposerMode Mode, string Text)> _sent = [];

    public ComposerTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    IRenderedComponent<Composer> Render(string channel, ComposerMode mode = ComposerMode.PublicReply) => Render<Composer>(p => p
        .Add(c => c.Channel, channel)
        .Add(c => c.ConversationId, 42)
        .Add(c => c.CustomerName, "Maria Garcia")
        .Add(c => c.AgentName, "Ana Agent")
        .Add(c => c.Mode, mode)
        .Add(c => c.CannedResponses, [new CannedResponse { Title = "Lost bag", Text = "Hi {first_name}, case {case_id}.", Keywords = "bag" }])
        .Add(c => c.OnSend, (m, t) => { _sent.Add((m, t)); return Task.FromResult(true); }));

    [Fact]
    public void Counter_OverTheXLimit_TurnsRedAndDisablesSend()
    {
        var composer = Render("x");

        composer.Find("#composer-text").Input(new string('a', 281));

        Assert.Contains("281 / 280 characters", composer.Find("#length-counter").TextContent);
        Assert.Contains("length-over", composer.Find("#length-counter").ClassName);
        Assert.True(composer.FindAll("button").Single(b => b.TextContent.Contains("Send public reply")).HasAttribute("disabled"));
    }

    [Fact]
    public void Counter_Bluesky_CountsGraphemes()
    {
        var composer = Render("bluesky");

        composer.Find("#composer-text").Input("👍🏽 ok");

        Assert.Contains("4 / 300 graphemes", composer.Find("#length-counter").TextContent);
    }

    [Fact]
    public void PrivateMode_SaysWhoSeesIt_AndSendsPrivately()
    {
        var composer = Render("x", ComposerMode.PrivateReply);

        composer.Find("#composer-text").Input("Please DM us your booking reference.");
        composer.FindAll("button").Single(b => b.TextContent.Contains("Send private direct message")).Click();

        Assert.Contains("only the customer receives this direct message", composer.Find("#visibility-note").TextContent);
        Assert.Equal([(ComposerMode.PrivateReply, "Please DM us your booking reference.")], _sent);
    }

    [Fact]
    public void CannedResponse_Insert_FillsThePlaceholders()
    {
        var composer = Render("mastodon");

        composer.Find("#canned-search").Input("bag");
        composer.FindAll("button").Single(b => b.TextContent.Contains("Lost bag")).Click();

        Assert.Equal("Hi Maria, case C-000042.", composer.Find("#composer-text").GetAttribute("value"));
    }
}
