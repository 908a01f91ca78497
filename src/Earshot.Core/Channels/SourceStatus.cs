namespace Earshot.Core.Channels;

public enum SourceStatus { Active, Paused, Failing }
