namespace Earshot.Triage;

/// <summary>Bounds that keep triage fast and its memory flat whatever a post contains.</summary>
public static class TriageLimits
{
    /// <summary>Tokens read from one post; a 100 KB paste is judged on its first part, which says what it is about.</summary>
    public const int MaxTokens = 4096;

    /// <summary>Chars of one word looked up in lexicons and hashed as a feature; longer runs are not words.</summary>
    public const int MaxWordChars = 64;
}
