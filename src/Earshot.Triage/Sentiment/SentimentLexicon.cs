using System.Globalization;
using Earshot.Triage.Resources;

namespace Earshot.Triage.Sentiment;

/// <summary>
/// Word, phrase, emoji and emoticon valences (-4..+4) from the embedded <c>sentiment-lexicon.tsv</c>, which was written
/// for Earshot, plus the booster and dampener words of the rules. Lookups take spans and never allocate.
/// </summary>
public sealed class SentimentLexicon
{
    /// <summary>The lexicon shipped with Earshot.</summary>
    public static SentimentLexicon Default => Shared.Value;

    static readonly Lazy<SentimentLexicon> Shared = new(() => new SentimentLexicon(ResourceText.Lines("sentiment-lexicon.tsv")));

    /// <summary>Longest phrase, in tokens.</summary>
    public const int MaxPhraseTokens = 5;

    // One table for valences, boosters and phrase starts: a word costs one lookup.
    readonly Dictionary<string, LexiconEntry> entries = new(StringComparer.Ordinal);
    readonly Dictionary<string, LexiconEntry>.AlternateLookup<ReadOnlySpan<char>> lookup;
    readonly int count;

    /// <summary>Builds a lexicon from "entry&lt;TAB&gt;valence" lines.</summary>
    public SentimentLexicon(IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            var tab = line.IndexOf('\t');
            if (tab <= 0 || !float.TryParse(line.AsSpan(tab + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var valence))
            {
                continue;
            }
            var entry = line[..tab].ToLowerInvariant();
            entries[entry] = entries.GetValueOrDefault(entry) with { Valence = valence, HasValence = true };
            count++;
            // Every proper prefix of a phrase ("still", "still not") is marked, so matching stops at the first dead end.
            for (var space = entry.IndexOf(' '); space > 0; space = entry.IndexOf(' ', space + 1))
            {
                entries[entry[..space]] = entries.GetValueOrDefault(entry[..space]) with { StartsPhrase = true };
            }
        }
        foreach (var (word, boost) in Boosters())
        {
            entries[word] = entries.GetValueOrDefault(word) with { Boost = boost };
        }
        lookup = entries.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Number of valence entries (words, phrases, emoji, emoticons).</summary>
    public int Count => count;

    /// <summary>Everything the lexicon knows about a lower-case word, phrase, emoji or emoticon.</summary>
    public bool TryGetEntry(ReadOnlySpan<char> key, out LexiconEntry entry) => lookup.TryGetValue(key, out entry);

    /// <summary>The valence of a lower-case word, phrase ("still waiting"), emoji or emoticon.</summary>
    public bool TryGetValence(ReadOnlySpan<char> key, out float valence)
    {
        var found = lookup.TryGetValue(key, out var entry) && entry.HasValence;
        valence = entry.Valence;
        return found;
    }

    /// <summary>How much a lower-case word boosts (+) or dampens (-) the next sentiment word; 0 if it does neither.</summary>
    public float BoostOf(ReadOnlySpan<char> word) => lookup.TryGetValue(word, out var entry) ? entry.Boost : 0f;

    static Dictionary<string, float> Boosters()
    {
        // Degree adverbs of English and of posts ("hella", "sooo"): they shift the word they qualify, not the post.
        const float up = 0.293f, down = -0.293f;
        var boosters = new Dictionary<string, float>(StringComparer.Ordinal);
        foreach (var w in ("absolutely awfully completely considerably decidedly deeply effing enormously entirely especially " +
            "exceptionally extremely extraordinarily flipping flippin fricking frickin frigging friggin fully freaking freakin " +
            "greatly hella highly hugely incredibly intensely majorly more most particularly purely quite really remarkably so " +
            "soo substantially thoroughly totally tremendously uber unbelievably unusually utterly very super mega seriously " +
            "truly insanely crazy ridiculously beyond too such damn bloody fucking way wayyy much").Split(' '))
        {
            boosters[w] = up;
        }
        foreach (var w in "almost barely hardly kinda kindof less little marginally occasionally partly scarcely slightly somewhat sorta bit fairly rather mildly".Split(' '))
        {
            boosters[w] = down;
        }
        return boosters;
    }
}
