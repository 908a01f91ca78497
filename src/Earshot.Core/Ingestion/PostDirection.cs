namespace Earshot.Core.Ingestion;

public enum PostDirection { Inbound, Outbound }
