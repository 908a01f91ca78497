using System.Diagnostics.Metrics;

namespace Earshot.Core.Pipeline;

/// <summary>Counters and latencies of every stage, published on /metrics.</summary>
public sealed class PipelineMetrics
{
    public const string MeterName = "Earshot";

    // One meter and one set of instruments per process, as .NET recommends: several hosts in one process (tests)
    // share them, instead of registering instruments of the same name that an exporter would see as duplicates.
    static readonly Meter Meter = new(MeterName);
    static readonly Counter<long> IngestedCounter = Meter.CreateCounter<long>("posts.ingested", description: "Posts stored by ingest");
    static readonly Counter<long> TriagedCounter = Meter.CreateCounter<long>("posts.triaged", description: "Posts triaged, tagged and bucketed");
    static readonly Counter<long> QueuedCounter = Meter.CreateCounter<long>("conversations.queued", description: "Conversations put in a queue");
    static readonly Counter<long> OfferedCounter = Meter.CreateCounter<long>("offers.made", description: "Offers made to agents");
    static readonly Counter<long> RepliesSentCounter = Meter.CreateCounter<long>("replies.sent", description: "Replies the platform accepted");
    static readonly Counter<long> RepliesFailedCounter = Meter.CreateCounter<long>("replies.failed", description: "Replies that failed for good");
    static readonly Histogram<double> StageSeconds = Meter.CreateHistogram<double>("stage.duration", unit: "s", description: "Time a stage spent on a batch");

    public void Ingested(int n) => IngestedCounter.Add(n);
    public void Triaged(int n) => TriagedCounter.Add(n);
    public void Queued(int n) => QueuedCounter.Add(n);
    public void Offered(int n) => OfferedCounter.Add(n);
    public void ReplySent() => RepliesSentCounter.Add(1);
    public void ReplyFailed() => RepliesFailedCounter.Add(1);
    public void StageTook(string stage, TimeSpan elapsed) =>
        StageSeconds.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("stage", stage));

}
