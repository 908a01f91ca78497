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
        var sticky = work.StickyAgentId is { } stickyId ? candidates.FirstOrDefault(c => c.AgentId == stickyId) : null;
        return Choose(work, candidates, null, sticky, now);
    }

    /// <summary>
    /// Routes a whole waiting list against the candidates, counting each offer against the agent's capacity so no
    /// agent is offered more than they can take.
    /// </summary>
    /// <remarks>
    /// Each piece of work scans only the agents of its queue who still have room in its medium, and once a queue,
    /// medium and skill set found nobody, later work asking the same is skipped (capacity only shrinks within a
    /// round). That keeps a decision in microseconds with thousands of agents and waiting conversations.
    /// </remarks>
    public static IReadOnlyList<RoutingDecision> ChooseAll(IEnumerable<WaitingWork> waiting, IReadOnlyList<RoutingCandidate> candidates, DateTime now)
    {
        var pool = candidates.ToArray();
        var indexById = new Dictionary<long, int>(pool.Length);
        for (var i = 0; i < pool.Length; i++)
        {
            indexById[pool[i].AgentId] = i;
        }
        // (queue, medium) → agents of that queue with room in that medium, built on first use.
        var open = new Dictionary<(long Queue, string Medium), List<int>>();
        var nobodyFits = new HashSet<string>();
        var decisions = new List<RoutingDecision>();
        foreach (var work in waiting.OrderByDescending(w => w.Priority).ThenBy(w => w.WaitingSince).ThenBy(w => w.ConversationId))
        {
            var key = (work.QueueId, work.Medium);
            if (!open.TryGetValue(key, out var room))
            {
                room = [];
                for (var i = 0; i < pool.Length; i++)
                {
                    if (pool[i].Queues.Contains(work.QueueId) && pool[i].FreeFor(work.Medium) > 0)
                    {
                        room.Add(i);
                    }
                }
                open[key] = room;
            }
            if (room.Count == 0)
            {
                continue;
            }
            var shape = work.ExcludedAgents.Count == 0 && work.StickyAgentId is null ? Shape(work) : null;
            if (shape is not null && nobodyFits.Contains(shape))
            {
                continue;
            }
            var sticky = work.StickyAgentId is { } stickyId && indexById.TryGetValue(stickyId, out var s) ? pool[s] : null;
            if (Choose(work, pool, room, sticky, now) is not { } decision)
            {
                if (shape is not null)
                {
                    nobodyFits.Add(shape);
                }
                continue;
            }
            decisions.Add(decision);
            var index = indexById[decision.AgentId];
            var chosen = pool[index];
            var busy = new Dictionary<string, int>(chosen.Busy);
            busy[work.Medium] = busy.GetValueOrDefault(work.Medium) + 1;
            pool[index] = chosen = new RoutingCandidate(chosen.AgentId, chosen.Name, chosen.Skills, chosen.Capacity, busy, now, chosen.Queues);
            if (chosen.FreeFor(work.Medium) <= 0)
            {
                foreach (var ((_, medium), list) in open)
                {
                    if (medium == work.Medium)
                    {
                        list.Remove(index);
                    }
                }
            }
        }
        return decisions;
    }

    static RoutingDecision? Choose(WaitingWork work, IReadOnlyList<RoutingCandidate> pool, List<int>? room, RoutingCandidate? sticky, DateTime now)
    {
        if (sticky is not null && Eligible(sticky, work) && Proficiency(sticky, work.RequiredList) is >= 0 and var stickyProficiency)
        {
            return new RoutingDecision(work.ConversationId, sticky.AgentId, "sticky, " + Explain(sticky, work, stickyProficiency, now) + ", served this customer last");
        }
        RoutingCandidate? best = null;
        var bestProficiency = -1;
        var count = room?.Count ?? pool.Count;
        for (var i = 0; i < count; i++)
        {
            var agent = pool[room is null ? i : room[i]];
            if (!Eligible(agent, work))
            {
                continue;
            }
            var proficiency = Proficiency(agent, work.RequiredList);
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

    /// <summary>Queue, medium and required skills: work of the same shape fits the same agents.</summary>
    static string Shape(WaitingWork work)
    {
        if (work.RequiredSkills.Count == 0)
        {
            return $"{work.QueueId}|{work.Medium}";
        }
        return $"{work.QueueId}|{work.Medium}|{string.Join(",", work.RequiredSkills.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}={s.Value}"))}";
    }

    static bool Eligible(RoutingCandidate agent, WaitingWork work) =>
        agent.Queues.Contains(work.QueueId) && !work.ExcludedAgents.Contains(agent.AgentId) && agent.FreeFor(work.Medium) > 0;

    /// <summary>The sum of the agent's proficiency in the required skills, or −1 when one is missing or too low.</summary>
    static int Proficiency(RoutingCandidate agent, KeyValuePair<string, int>[] required)
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
