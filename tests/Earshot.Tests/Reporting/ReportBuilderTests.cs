using Earshot.Core.Reporting;

namespace Earshot.Tests.Reporting;

public class ReportBuilderTests
{
    [Theory]
    [InlineData(new double[] { 10 }, 0.5, 10)]
    [InlineData(new double[] { 10, 20 }, 0.5, 15)]
    [InlineData(new double[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, 0.9, 9.1)]
    [InlineData(new double[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, 0.5, 5.5)]
    public void Percentile_InterpolatesBetweenRanks(double[] values, double p, double expected)
    {
        Assert.Equal(expected, ReportBuilder.Percentile(values, p));
    }

    [Fact]
    public void Percentile_NoValues_IsNull()
    {
        Assert.Null(ReportBuilder.Percentile([], 0.5));
    }

    [Theory]
    [InlineData(0, 0, null)]
    [InlineData(4, 1, 75.0)]
    [InlineData(3, 1, 66.7)]
    public void CompliancePercent_OpenedAndBreached_IsShareMet(int opened, int breached, double? expected)
    {
        var percent = ReportBuilder.CompliancePercent(opened, breached);

        Assert.Equal(expected, percent);
    }
}
