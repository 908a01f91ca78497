using System.Collections.Concurrent;
using Earshot.Core.Data;
using Earshot.Triage;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Core.Learning;

/// <summary>
/// The triage engine each workspace uses: its active retrained model, or the built-in one. Loaded models are kept
/// for a short while so a model switched on another node is picked up soon.
/// </summary>
public sealed class WorkspaceTriageEngines(TriageEngine builtIn, TimeProvider time)
{
    static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    readonly ConcurrentDictionary<long, (long ModelId, TriageEngine Engine, DateTimeOffset LoadedAt)> _cache = new();

    public TriageEngine BuiltIn => builtIn;

    public async Task<TriageEngine> GetAsync(EarshotDbContext db, long workspaceId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(workspaceId, out var cached) && now - cached.LoadedAt < Lifetime)
        {
            return cached.Engine;
        }
        var activeId = await db.WorkspaceModels.IgnoreQueryFilters()
            .Where(m => m.WorkspaceId == workspaceId && m.Active).Select(m => (long?)m.Id).SingleOrDefaultAsync(ct);
        TriageEngine engine;
        if (activeId is null)
        {
            engine = builtIn;
        }
        else if (cached.ModelId == activeId)
        {
            engine = cached.Engine;
        }
        else
        {
            var bytes = await db.WorkspaceModels.IgnoreQueryFilters().Where(m => m.Id == activeId).Select(m => m.Model).SingleAsync(ct);
            engine = TriageEngine.Load(new MemoryStream(bytes));
        }
        _cache[workspaceId] = (activeId ?? 0, engine, now);
        return engine;
    }

    public void Invalidate(long workspaceId) => _cache.TryRemove(workspaceId, out _);
}
