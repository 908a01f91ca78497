using Earshot.Core.Conversations;

namespace Earshot.Core.Prioritisation;

/// <summary>Keeps a waiting conversation's "wait" part in step with the share of its SLA target used.</summary>
public static class PriorityAging
{
    public const string WaitPart = "wait";

    /// <summary>Sets the wait part from <paramref name="shareUsed"/> (0 to 1) and re-totals; true when it changed.</summary>
    public static bool Apply(Conversation conversation, double shareUsed, PriorityPolicy policy)
    {
        var wait = (int)Math.Round(Math.Clamp(shareUsed, 0, 1) * policy.Wait, MidpointRounding.AwayFromZero);
        if (conversation.PriorityParts.TryGetValue(WaitPart, out var current) && current == wait)
        {
            return false;
        }
        var parts = new Dictionary<string, int>(conversation.PriorityParts) { [WaitPart] = wait };
        conversation.PriorityParts = parts;
        conversation.Priority = Math.Min(100, parts.Values.Sum());
        return true;
    }
}
