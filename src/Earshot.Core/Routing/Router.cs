namespace Earshot.Core.Routing;

/// <summary>
/// Chooses agents for waiting work. Pure: the same waiting list, candidates and clock give the same decisions.
/// Work is taken highest priority first, then longest waiting; among agents of the queue who have every required
/// skill and free capacity in the medium: best proficiency, then least occupied, then longest idle. A returning
/// customer's last agent (sticky) comes first when they qualify.
/// </summary>
public static class Router
{
    /// <summary>Chooses an agent for one piece of work, or null when nobody fits.</summary>
    public static RoutingDecision? Choose(WaitingWork work, IReadOnlyList<RoutingCandidate> candidates, DateTime now)
    {
        if (work.StickyAgentId is { } stickyId && candidates.FirstOrDefault(c => c.AgentId == stickyId) is { } sticky
            && Eligible(sticky, work) && Proficiency(sticky, work.RequiredSkills) is >= 0 and var stickyProficiency)
        {
            return new RoutingDecision(work.ConversationId, sticky.AgentId, "sticky, " + Explain(sticky, work, stickyProficiency, now) + ", served this customer last");
        }
        RoutingCandidate? best = null;
        var bestProficiency = -1;
        foreach (var agent in candidates)
        {
            if (!Eligible(agent, work))
            {
                continue;
            }
            var proficiency = Proficiency(agent, work.RequiredSkills);
            if (proficiency < 0)
            {
                continue;
            }
            if (best is null || IsBetter(agent, proficiency, best, bestProficiency))
            {
                best = agent;
                bestProficiency = proficiency;
            }
        }
        return best is null ? null : new RoutingDecision(work.ConversationId, best.AgentId, Explain(best, work, bestProficiency, now));
    }

    /// <summary>
    /// Routes a whole waiting list against the candidates, counting each offer against the agent's capacity so no
    /// agent is offered more than they can take.
    /// </summary>
    public static IReadOnlyList<RoutingDecision> ChooseAll(IEnumerable<WaitingWork> waiting, IReadOnlyList<RoutingCandidate> candidates, DateTime now)
    {
        var pool = candidates.ToList();
        var decisions = new List<RoutingDecision>();
        foreach (var work in waiting.OrderByDescending(w => w.Priority).ThenBy(w => w.WaitingSince).ThenBy(w => w.ConversationId))
        {
            if (Choose(work, pool, now) is not { } decision)
            {
                continue;
            }
            decisions.Add(decision);
            var index = pool.FindIndex(c => c.AgentId == decision.AgentId);
            var chosen = pool[index];
            var busy = new Dictionary<string, int>(chosen.Busy);
            busy[work.Medium] = busy.GetValueOrDefault(work.Medium) + 1;
            pool[index] = chosen with { Busy = busy, IdleSince = now };
        }
        return decisions;
    }

    static bool Eligible(RoutingCandidate agent, WaitingWork work) =>
        agent.Queues.Contains(work.QueueId) && !work.ExcludedAgents.Contains(agent.AgentId) && agent.FreeFor(work.Medium) > 0;

    /// <summary>The sum of the agent's proficiency in the required skills, or −1 when one is missing or too low.</summary>
    static int Proficiency(RoutingCandidate agent, IReadOnlyDictionary<string, int> required)
    {
        var total = 0;
        foreach (var (skill, minimum) in required)
        {
            if (!agent.Skills.TryGetValue(skill, out var level) || level < minimum)
            {
                return -1;
            }
            total += level;
        }
        return total;
    }

    static bool IsBetter(RoutingCandidate agent, int proficiency, RoutingCandidate best, int bestProficiency)
    {
        if (proficiency != bestProficiency)
        {
            return proficiency > bestProficiency;
        }
        if (agent.TotalBusy != best.TotalBusy)
        {
            return agent.TotalBusy < best.TotalBusy;
        }
        if (agent.IdleSince != best.IdleSince)
        {
            return agent.IdleSince < best.IdleSince;
        }
        return agent.AgentId < best.AgentId;
    }

    static string Explain(RoutingCandidate agent, WaitingWork work, int proficiency, DateTime now)
    {
        var skills = work.RequiredSkills.Count == 0
            ? "no skills required"
            : string.Join(", ", work.RequiredSkills.Keys.Select(s => $"skill {s} {agent.Skills[s]}"));
        var capacity = agent.Capacity.GetValueOrDefault(work.Medium);
        var busy = agent.Busy.GetValueOrDefault(work.Medium);
        var idle = now - agent.IdleSince;
        return $"agent {agent.Name}: {skills}, {busy} of {capacity} {work.Medium} busy, idle {FormatIdle(idle)}, priority {work.Priority}";
    }

    static string FormatIdle(TimeSpan idle) =>
        idle.TotalMinutes >= 1 ? $"{(int)idle.TotalMinutes} min" : $"{Math.Max(0, (int)idle.TotalSeconds)} s";
}
