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

    readonly Dictionary<string, float> valences = new(StringComparer.Ordinal);
    readonly Dictionary<string, float>.AlternateLookup<ReadOnlySpan<char>> valenceLookup;
    readonly HashSet<string> phraseStarts = new(StringComparer.Ordinal);
    readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> phraseStartLookup;
    readonly Dictionary<string, float>.AlternateLookup<ReadOnlySpan<char>> boosterLookup;

    static readonly Dictionary<string, float> Boosters = BuildBoosters();

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
            valences[entry] = valence;
            var space = entry.IndexOf(' ');
            if (space > 0)
            {
                phraseStarts.Add(entry[..space]);
            }
        }
        valenceLookup = valences.GetAlternateLookup<ReadOnlySpan<char>>();
        phraseStartLookup = phraseStarts.GetAlternateLookup<ReadOnlySpan<char>>();
        boosterLookup = Boosters.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Number of entries.</summary>
    public int Count => valences.Count;

    /// <summary>The valence of a lower-case word, phrase ("still waiting"), emoji or emoticon.</summary>
    public bool TryGetValence(ReadOnlySpan<char> entry, out float valence) => valenceLookup.TryGetValue(entry, out valence);

    /// <summary>Whether some phrase starts with this lower-case word.</summary>
    public bool StartsPhrase(ReadOnlySpan<char> word) => phraseStartLookup.Contains(word);

    /// <summary>How much a lower-case word boosts (+) or dampens (-) the next sentiment word; 0 if it does neither.</summary>
    public float BoostOf(ReadOnlySpan<char> word) => boosterLookup.TryGetValue(word, out var boost) ? boost : 0f;

    static Dictionary<string, float> BuildBoosters()
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
