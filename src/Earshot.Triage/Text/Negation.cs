namespace Earshot.Triage.Text;

/// <summary>Recognises negators, including the apostrophe-less contractions common in posts ("dont", "cant").</summary>
public static class Negation
{
    /// <summary>Whether <paramref name="word"/> negates what follows.</summary>
    public static bool IsNegator(ReadOnlySpan<char> word)
    {
        // Every negator starts with 'n' or ends with 't' ("without", "cannot", "dont"): most words leave here.
        if (word.Length is < 2 or > 9 || (word[0] | 0x20) != 'n' && (word[^1] | 0x20) != 't')
        {
            return false;
        }
        if (word.EndsWith("n't", StringComparison.OrdinalIgnoreCase) || word.EndsWith("n\u2019t", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        Span<char> lower = stackalloc char[9];
        var n = word.ToLowerInvariant(lower);
        return lower[..n] switch
        {
            "not" or "no" or "never" or "cannot" or "nothing" or "nobody" or "none" or "neither" or "nor" or "nowhere"
                or "without" or "aint" or "dont" or "cant" or "wont" or "didnt" or "doesnt" or "isnt" or "wasnt"
                or "werent" or "arent" or "havent" or "hasnt" or "hadnt" or "shouldnt" or "wouldnt" or "couldnt"
                or "nope" or "nah" or "neva" or "dnt" or "nt" => true,
            _ => false,
        };
    }
}
