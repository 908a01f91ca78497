namespace Earshot.Triage.Text;

/// <summary>"on hold for 2 hours", "3hrs", "45 mins", "10 days": in customer care an explicit wait is a grievance.</summary>
public static class WaitingTime
{
    /// <summary>Whether the number token at <paramref name="i"/> is a duration (its own suffix or the next word is a time unit).</summary>
    public static bool At(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int i)
    {
        if (tokens[i].Kind != TokenKind.Number)
        {
            return false;
        }
        var unit = tokens[i].Slice(text).TrimStart("0123456789.,:");
        if (unit.IsEmpty && i + 1 < tokens.Length && tokens[i + 1].Kind == TokenKind.Word)
        {
            unit = tokens[i + 1].Slice(text);
        }
        return unit.Length is > 0 and < 8 && (unit.StartsWith("hour", StringComparison.OrdinalIgnoreCase)
            || unit.StartsWith("hr", StringComparison.OrdinalIgnoreCase) || unit.StartsWith("min", StringComparison.OrdinalIgnoreCase)
            || unit.StartsWith("day", StringComparison.OrdinalIgnoreCase) || unit.StartsWith("week", StringComparison.OrdinalIgnoreCase)
            || unit.StartsWith("month", StringComparison.OrdinalIgnoreCase));
    }
}
