namespace Earshot.Triage.Listening.Matching;

/// <summary>
/// Every distinct term of a set of rules, numbered once. A post's tokens are looked up here by
/// span (no string is made), so the cost of a post depends on its length, not on how many rules
/// mention a term.
/// </summary>
internal sealed class TermDictionary
{
    // Words ("acme"), hashtags ("#acmefail") and handles ("@acmeair") share one table: the
    // tokenizer never makes a word that starts with # or @, so the keys cannot collide.
    private readonly Dictionary<string, int> _exact = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _prefixes = new(StringComparer.Ordinal);
    private readonly SortedSet<int> _prefixLengths = [];

    public TermDictionary()
    {
        Exact = _exact.GetAlternateLookup<ReadOnlySpan<char>>();
        Prefixes = _prefixes.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count { get; private set; }

    public Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> Exact { get; }

    public Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> Prefixes { get; }

    /// <summary>The distinct lengths of all prefixes, shortest first: a word is tried once per length.</summary>
    public int[] PrefixLengths { get; private set; } = [];

    public int GetOrAddExact(string key) => GetOrAdd(_exact, key);

    public int GetOrAddPrefix(string prefix)
    {
        if (_prefixLengths.Add(prefix.Length))
        {
            PrefixLengths = [.. _prefixLengths];
        }

        return GetOrAdd(_prefixes, prefix);
    }

    private int GetOrAdd(Dictionary<string, int> table, string key)
    {
        if (!table.TryGetValue(key, out var id))
        {
            id = Count++;
            table.Add(key, id);
        }

        return id;
    }
}
