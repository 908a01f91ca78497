using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Earshot.Cli;
using Earshot.Core.Demo;
using Earshot.Core.Ingestion;
using Earshot.Triage;

namespace Earshot.Bench.Cli;

/// <summary>`earshot classify` end to end: JSON lines in, triage JSON lines out, over 10,000 different demo posts.</summary>
[MemoryDiagnoser]
public class ClassifyBenchmarks
{
    const int Posts = 10_000;
    string _input = "";

    [GlobalSetup]
    public void Setup()
    {
        var generator = new DemoPostGenerator(1720);
        var start = new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
        _input = string.Join('\n', Enumerable.Range(0, Posts).Select(i => JsonSerializer.Serialize(generator.Next(start.AddSeconds(i)), PostJsonContext.Default.PostDocument)));
        TriageEngine.Default.Classify(new TriageInput("warm up"), BucketPolicy.Default);
    }

    [Benchmark(OperationsPerInvoke = Posts)]
    public long ClassifyJsonLines() =>
        ClassifyCommand.Classify(new StringReader(_input), Stream.Null, TriageEngine.Default, BucketPolicy.Default, DateTimeOffset.UnixEpoch, default).Posts;
}
