namespace Earshot.Core.Pipeline;

/// <summary>
/// Wakes a worker as soon as there is work in this process; workers also poll, so work written by other nodes
/// is picked up within one poll interval.
/// </summary>
public sealed class WorkSignal
{
    readonly SemaphoreSlim _semaphore = new(0, 1);

    public void Notify()
    {
        try
        {
            if (_semaphore.CurrentCount == 0)
            {
                _semaphore.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: one wake-up is enough.
        }
    }

    /// <summary>Waits for a signal or the timeout; returns true when signalled.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _semaphore.WaitAsync(timeout, ct);
}
