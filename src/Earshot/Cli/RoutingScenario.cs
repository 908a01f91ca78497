using Earshot.Core.Routing;

namespace Earshot.Cli;

/// <summary>
/// A synthetic contact center for routing benchmarks: agents across three queues with four languages at mixed
/// proficiency, and waiting work needing one language, in social and e-mail. Seeded, so every run is the same.
/// </summary>
public static class RoutingScenario
{
    static readonly string[] Languages = ["en", "es", "fr", "de"];

    public static List<RoutingCandidate> Agents(int count, DateTime now)
    {
        var random = new Random(7);
        return [.. Enumerable.Range(1, count).Select(i => new RoutingCandidate(i, $"agent{i}",
            new Dictionary<string, int> { [Languages[i % 4]] = 1 + i % 5, ["en"] = 3 },
            new Dictionary<string, int> { ["social"] = 3, ["email"] = 1 }, new Dictionary<string, int>(),
            now.AddMinutes(-random.Next(0, 60)), new HashSet<long> { 1 + i % 3 }))];
    }

    public static List<WaitingWork> Waiting(int count, DateTime now)
    {
        var random = new Random(11);
        return [.. Enumerable.Range(1, count).Select(i => new WaitingWork(i, 1 + i % 3, i % 5 == 0 ? "email" : "social", random.Next(0, 100),
            now.AddSeconds(-random.Next(0, 3600)), new Dictionary<string, int> { [Languages[i % 4]] = 1 + i % 3 }, new HashSet<long>()))];
    }
}
