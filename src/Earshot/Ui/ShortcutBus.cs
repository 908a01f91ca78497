namespace Earshot.Ui;

/// <summary>Keyboard shortcuts the layout receives from the browser, handed to the page that is open.</summary>
public sealed class ShortcutBus
{
    public event Func<string, Task>? Pressed;

    public Task RaiseAsync(string key) => Pressed?.Invoke(key) ?? Task.CompletedTask;
}
