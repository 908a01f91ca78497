using Earshot.Core.Listening;

namespace Earshot.Tests.Listening;

public class IncidentDetectorTests
{
    static readonly DateTime End = new(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(10, 10, false, "steady traffic")]
    [InlineData(40, 10, true, "four times the usual")]
    [InlineData(8, 0, false, "a jump from nothing, but under the minimum count")]
    [InlineData(12, 0, false, "no history to compare with")]
    [InlineData(15, 10, false, "a little busier than usual")]
    public void Evaluate_CurrentAgainstFlatBaseline(int current, int usual, bool forming, string why)
    {
        var baseline = Enumerable.Repeat(usual, 24).ToArray();

        var signal = IncidentDetector.Evaluate(End.AddHours(-1), End, current, current / 2, baseline);

        Assert.True(signal.Forming == forming, $"{why}: {signal.Reason}");
    }

    [Fact]
    public void Evaluate_JumpFromAQuietDay_IsForming()
    {
        int[] quiet = [.. Enumerable.Repeat(0, 23), 1];

        var signal = IncidentDetector.Evaluate(End.AddHours(-1), End, 12, 6, quiet);

        Assert.True(signal.Forming, signal.Reason);
    }

    [Fact]
    public void Evaluate_NoisyBaseline_NeedsAJumpBeyondItsSpread()
    {
        int[] noisy = [0, 40, 0, 40, 0, 40, 0, 40, 0, 40, 0, 40, 0, 40, 0, 40, 0, 40, 0, 40, 0, 40, 0, 40];

        var signal = IncidentDetector.Evaluate(End.AddHours(-1), End, 50, 10, noisy);

        Assert.False(signal.Forming, signal.Reason);
        Assert.Equal(20, signal.BaselineMean);
        Assert.Equal(20, signal.BaselineSpread);
    }

    [Fact]
    public void Evaluate_Forming_SaysHowBigAndHowNegative()
    {
        var signal = IncidentDetector.Evaluate(End.AddHours(-1), End, 50, 35, Enumerable.Repeat(5, 24).ToArray());

        Assert.True(signal.Forming);
        Assert.Equal(10, signal.Ratio);
        Assert.Contains("50 posts in the last 60 min", signal.Reason);
        Assert.Contains("35 negative", signal.Reason);
    }
}
