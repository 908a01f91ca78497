using System.Diagnostics.Metrics;

namespace Earshot.Core.Pipeline;

/// <summary>Counters and latencies of every stage, published on /metrics.</summary>
public sealed class PipelineMetrics
{
    public const string MeterName = "Earshot";

    // One meter per process, as .NET recommends: several hosts in one process (tests) share its instruments.
    static readonly Meter SharedMeter = new(MeterName);
    readonly Meter _meter = SharedMeter;
    readonly Counter<long> _ingested;
    readonly Counter<long> _triaged;
    readonly Counter<long> _queued;
    readonly Counter<long> _offered;
    readonly Counter<long> _repliesSent;
    readonly Counter<long> _repliesFailed;
    readonly Histogram<double> _stageSeconds;

    public PipelineMetrics()
    {
        _ingested = _meter.CreateCounter<long>("posts.ingested", description: "Posts stored by ingest");
        _triaged = _meter.CreateCounter<long>("posts.triaged", description: "Posts triaged, tagged and bucketed");
        _queued = _meter.CreateCounter<long>("conversations.queued", description: "Conversations put in a queue");
        _offered = _meter.CreateCounter<long>("offers.made", description: "Offers made to agents");
        _repliesSent = _meter.CreateCounter<long>("replies.sent", description: "Replies the platform accepted");
        _repliesFailed = _meter.CreateCounter<long>("replies.failed", description: "Replies that failed for good");
        _stageSeconds = _meter.CreateHistogram<double>("stage.duration", unit: "s", description: "Time a stage spent on a batch");
    }

    public void Ingested(int n) => _ingested.Add(n);
    public void Triaged(int n) => _triaged.Add(n);
    public void Queued(int n) => _queued.Add(n);
    public void Offered(int n) => _offered.Add(n);
    public void ReplySent() => _repliesSent.Add(1);
    public void ReplyFailed() => _repliesFailed.Add(1);
    public void StageTook(string stage, TimeSpan elapsed) =>
        _stageSeconds.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("stage", stage));

}
