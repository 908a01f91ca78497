namespace Earshot.Core.Pipeline;

/// <summary>The in-process wake-ups between pipeline stages.</summary>
public sealed class WorkSignals
{
    public WorkSignal Pipeline { get; } = new();
    public WorkSignal Routing { get; } = new();
    public WorkSignal Outbox { get; } = new();
    public WorkSignal Sla { get; } = new();
    /// <summary>Offers were made: desktops waiting for offers look again.</summary>
    public WorkSignal Offers { get; } = new();
    /// <summary>Agents corrected triage: the model trainer looks again.</summary>
    public WorkSignal Training { get; } = new();
}
