using System.Collections.Concurrent;
using Earshot.Core.Data;
using Earshot.Triage.Listening;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Earshot.Core.Listening;

/// <summary>
/// Each workspace's enabled rules compiled once into one matcher. Entries live a few seconds so rules changed
/// on another node take effect soon; changes on this node invalidate at once.
/// </summary>
public sealed class ListeningRuleCache(TimeProvider time, ILogger<ListeningRuleCache> log)
{
    static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);
    readonly ConcurrentDictionary<long, CompiledRules> _cache = new();

    public async Task<CompiledRules> GetAsync(EarshotDbContext db, long workspaceId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(workspaceId, out var cached) && now - cached.CompiledAt < Lifetime)
        {
            return cached;
        }
        var rules = await db.ListeningRules.IgnoreQueryFilters()
            .Where(r => r.WorkspaceId == workspaceId && r.Enabled)
            .Select(r => new { r.Id, r.Query, r.Tag })
            .ToListAsync(ct);
        var valid = new List<(long Id, string Query)>(rules.Count);
        foreach (var rule in rules)
        {
            // A rule saved by an older version or edited in the database must not stop the pipeline.
            if (RuleQuery.TryParse(rule.Query, out _, out var error))
            {
                valid.Add((rule.Id, rule.Query));
            }
            else
            {
                log.LogWarning("Listening rule {RuleId} is skipped: {Error}", rule.Id, error?.Message);
            }
        }
        var compiled = new CompiledRules(new ListeningRuleSet(valid), rules.ToDictionary(r => r.Id, r => r.Tag), now);
        _cache[workspaceId] = compiled;
        return compiled;
    }

    public void Invalidate(long workspaceId) => _cache.TryRemove(workspaceId, out _);
}
