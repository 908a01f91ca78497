namespace Earshot.Core.Ingestion;

/// <summary>What ingest did with a batch: new posts stored, and posts already known.</summary>
public sealed record IngestResult(int Accepted, int Duplicates, IReadOnlyList<long> PostIds);
