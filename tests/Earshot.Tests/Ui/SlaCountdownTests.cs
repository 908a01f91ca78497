using Earshot.Ui.Desktop;

namespace Earshot.Tests.Ui;

public sealed class SlaCountdownTests
{
    static readonly DateTime Start = new(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(0, SlaLevel.Ok, "1h 00m")]
    [InlineData(44, SlaLevel.Ok, "16m 00s")]
    [InlineData(46, SlaLevel.Amber, "14m 00s")]
    [InlineData(59.5, SlaLevel.Amber, "30s")]
    [InlineData(60, SlaLevel.Red, "0s over")]
    [InlineData(63.5, SlaLevel.Red, "3m 30s over")]
    public void Evaluate_OneHourTarget_GreenThenAmberInTheLastQuarterThenRed(double minutesIn, SlaLevel level, string text)
    {
        var countdown = SlaCountdown.Evaluate(Start, Start.AddHours(1), Start.AddMinutes(minutesIn));

        Assert.Equal((level, text), (countdown.Level, countdown.Text));
    }

    [Fact]
    public void Evaluate_NoTarget_ShowsNoColour()
    {
        var countdown = SlaCountdown.Evaluate(Start, null, Start);

        Assert.Equal((SlaLevel.None, ""), (countdown.Level, countdown.CssClass));
    }
}
