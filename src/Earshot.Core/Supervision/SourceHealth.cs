using Earshot.Core.Channels;
using Earshot.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Core.Supervision;

/// <summary>How a source is doing: its state, its last error, failures in a row, and the posts it brought lately.</summary>
public sealed record SourceHealth(
    long SourceId,
    string Name,
    string Platform,
    string Connector,
    SourceStatus Status,
    string? LastError,
    DateTime? LastErrorAt,
    int ConsecutiveFailures,
    int PostsLast24Hours,
    DateTime? LastPostAt)
{
    /// <summary>ok, failing (the last poll failed), or paused/disabled as the source's own state says.</summary>
    public string Verdict => Status != SourceStatus.Active ? Status.ToString().ToLowerInvariant() : ConsecutiveFailures > 0 ? "failing" : "ok";

    /// <summary>The workspace's sources with their health; two queries whatever the number of posts.</summary>
    public static async Task<IReadOnlyList<SourceHealth>> ReadAsync(EarshotDbContext db, long workspaceId, DateTime now, CancellationToken ct)
    {
        var since = now.AddHours(-24);
        var recent = await db.Posts.AsNoTracking().Where(p => p.WorkspaceId == workspaceId && p.ReceivedAt >= since)
            .GroupBy(p => p.SourceId).Select(g => new { SourceId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.SourceId, x => x.Count, ct);
        var last = await db.Posts.AsNoTracking().Where(p => p.WorkspaceId == workspaceId)
            .GroupBy(p => p.SourceId).Select(g => new { SourceId = g.Key, At = g.Max(p => p.ReceivedAt) })
            .ToDictionaryAsync(x => x.SourceId, x => x.At, ct);
        var sources = await db.Sources.AsNoTracking().Where(s => s.WorkspaceId == workspaceId).OrderBy(s => s.Name).ToListAsync(ct);
        return [.. sources.Select(s => new SourceHealth(s.Id, s.Name, s.Platform, s.Connector, s.Status, s.LastError, s.LastErrorAt,
            s.ConsecutiveFailures, recent.GetValueOrDefault(s.Id), last.TryGetValue(s.Id, out var at) ? at : null))];
    }
}
