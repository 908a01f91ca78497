namespace Earshot.Tests.Infrastructure;

/// <summary>Polls a condition until it holds or the time is up; tests wait for workers this way, never by sleeping.</summary>
public static class Eventually
{
    public static async Task<T> ReturnsAsync<T>(Func<Task<T?>> probe, TimeSpan? within = null, string? what = null) where T : class
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what ?? "a condition"}.");
            }
            await Task.Delay(20);
        }
    }

    public static async Task<T> ReturnsValueAsync<T>(Func<Task<T?>> probe, TimeSpan? within = null, string? what = null) where T : struct =>
        (T)(await ReturnsAsync<object>(async () => await probe() is { } value ? value : null, within, what));

    public static async Task HoldsAsync(Func<Task<bool>> probe, TimeSpan? within = null, string? what = null) =>
        await ReturnsAsync<object>(async () => await probe() ? new object() : null, within, what);
}
