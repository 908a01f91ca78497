using BenchmarkDotNet.Running;
using Earshot.Bench.Triage;

namespace Earshot.Bench;

/// <summary>
/// Benchmarks of every folder of this project (BenchmarkDotNet finds them by reflection), plus
/// <c>quality DATA_DIR</c>: triage quality on public human-labelled data kept outside the repository.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args is ["quality", var dataDirectory, ..])
        {
            return QualityHarness.Run(dataDirectory, Console.Out);
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
