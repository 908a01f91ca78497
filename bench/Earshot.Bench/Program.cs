using BenchmarkDotNet.Running;
using Earshot.Bench.Triage;

namespace Earshot.Bench;

/// <summary>
/// Benchmarks of every folder of this project (BenchmarkDotNet finds them by reflection), plus
/// <c>quality DATA_DIR</c>: triage quality on public human-labelled data kept outside the repository, and
/// <c>explain TEXT...</c>: what triage decides about each text, and why.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args is ["quality", var dataDirectory, ..])
        {
            return QualityHarness.Run(dataDirectory, Console.Out);
        }
        if (args is ["stages"])
        {
            return StageTimer.Run(Console.Out);
        }
        if (args is ["explain", .. var texts])
        {
            // A quick look at what triage decides and why, for people tuning the lexicon and rules.
            foreach (var text in texts)
            {
                var result = Earshot.Triage.TriageEngine.Default.Classify(new Earshot.Triage.TriageInput(text), Earshot.Triage.BucketPolicy.Default);
                Console.WriteLine($"{text}\n  {result with { Reasons = [] }}");
                foreach (var reason in result.Reasons)
                {
                    Console.WriteLine($"  {reason.Decision}: {reason.Because}");
                }
            }
            return 0;
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
