using Earshot.Core.Channels.Polling;
using Earshot.Core.Data;
using Earshot.Core.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Workers;

/// <summary>Polls the sources whose connector polls (feeds, Mastodon...), one node per source at a time.</summary>
public sealed class SourcePollingWorker(IDbContextFactory<EarshotDbContext> contexts, SourcePoller poller, ILogger<SourcePollingWorker> log)
    : LoopWorker(contexts, log)
{
    // Nothing signals that a feed has news: the loop wakes on its own and the poller picks the due sources.
    readonly WorkSignal _timer = new();

    protected override WorkSignal Signal => _timer;
    protected override TimeSpan PollInterval => TimeSpan.FromSeconds(1);
    protected override Task<int> RunOnceAsync(EarshotDbContext db, CancellationToken ct) => poller.RunOnceAsync(db, ct);
}
