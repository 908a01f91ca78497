using BenchmarkDotNet.Attributes;
using Earshot.Cli;
using Earshot.Core.Routing;

namespace Earshot.Bench.Routing;

/// <summary>
/// The pure router over the synthetic center of <see cref="RoutingScenario"/>: one decision against 1,000 agents
/// (averaged over 1,000 different waiting conversations), and a whole round of 10,000 waiting conversations.
/// </summary>
[MemoryDiagnoser]
public class RouterBenchmarks
{
    static readonly DateTime Now = new(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc);
    List<RoutingCandidate> _agents = [];
    List<WaitingWork> _waiting = [];

    [GlobalSetup]
    public void Setup()
    {
        _agents = RoutingScenario.Agents(1_000, Now);
        _waiting = RoutingScenario.Waiting(10_000, Now);
    }

    [Benchmark(OperationsPerInvoke = 1_000)]
    public int ChooseOneOf1000Agents()
    {
        var chosen = 0;
        for (var i = 0; i < 1_000; i++)
        {
            chosen += Router.Choose(_waiting[i], _agents, Now) is null ? 0 : 1;
        }
        return chosen;
    }

    [Benchmark]
    public int ChooseAll10000Waiting1000Agents() => Router.ChooseAll(_waiting, _agents, Now).Count;
}
