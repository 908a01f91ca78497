namespace Earshot.Core.Ingestion;

public enum PostStatus { Received, Processed }
