using System.Numerics;
using System.Runtime.InteropServices;
using Earshot.Triage.Learning;
using Earshot.Triage.Resources;
using Earshot.Triage.Text;

namespace Earshot.Triage.Language;

/// <summary>
/// Tells the Latin-script languages apart (en, es, fr, de, pt, it, nl): frequent-word hits first, which settle most
/// posts cheaply, then a character-trigram naive Bayes model and a few tell-tale letters (ñ, ß, ã...). Both are built
/// from <c>language-profiles.txt</c>, text written for Earshot.
/// </summary>
public sealed class LatinLanguageModel
{
    /// <summary>Languages in model order.</summary>
    public IReadOnlyList<string> Languages => languages;

    readonly string[] languages;
    // Frequent words by their feature hash (FeatureExtractor.WordHash), which the engine computes once per token.
    readonly Dictionary<uint, uint> wordMasks = [];
    readonly Dictionary<ulong, int> trigramRows = [];
    // The same map as open addressing over plain arrays, for the hot path: a probe is a multiply and a compare.
    readonly ulong[] slotKeys;
    readonly int[] slotRows;
    readonly int slotShift;
    readonly float[] trigramLogProb;
    readonly float[] unseenLogProb;
    readonly int stride;

    const float WordWeight = 3f;

    /// <summary>Builds the model from the embedded profiles.</summary>
    public static LatinLanguageModel Load() => new(ResourceText.Lines("language-profiles.txt"));

    LatinLanguageModel(IEnumerable<string> profileLines)
    {
        var texts = new List<(string Lang, List<string> Lines)>();
        var words = new Dictionary<string, uint>(StringComparer.Ordinal);
        foreach (var line in profileLines)
        {
            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                texts.Add((line[1..^1], []));
            }
            else if (line.StartsWith("words:", StringComparison.Ordinal))
            {
                foreach (var w in line[6..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    words[w] = words.GetValueOrDefault(w) | (1u << (texts.Count - 1));
                }
                texts[^1].Lines.Add(line[6..]);
            }
            else
            {
                texts[^1].Lines.Add(line);
            }
        }
        languages = texts.Select(t => t.Lang).ToArray();
        foreach (var (word, mask) in words)
        {
            wordMasks[FeatureExtractor.WordHash(word)] = mask;
        }

        var counts = new List<float[]>();
        var totals = new float[languages.Length];
        for (var l = 0; l < languages.Length; l++)
        {
            foreach (var line in texts[l].Lines)
            {
                ForEachTrigram(line.ToLowerInvariant(), key =>
                {
                    if (!trigramRows.TryGetValue(key, out var row))
                    {
                        trigramRows[key] = row = counts.Count;
                        counts.Add(new float[languages.Length]);
                    }
                    counts[row][l]++;
                    totals[l]++;
                });
            }
        }
        var slots = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, trigramRows.Count * 2));
        slotShift = 64 - System.Numerics.BitOperations.Log2((uint)slots);
        slotKeys = new ulong[slots];
        slotRows = new int[slots];
        foreach (var (key, row) in trigramRows)
        {
            var slot = Slot(key);
            while (slotKeys[slot] != 0)
            {
                slot = (slot + 1) & (slots - 1);
            }
            (slotKeys[slot], slotRows[slot]) = (key, row);
        }

        // Additive smoothing; the log probabilities are laid out row by row so one lookup reads all languages.
        const float alpha = 0.5f;
        var vocabulary = counts.Count;
        // Rows padded to whole SIMD vectors: adding a trigram's log probabilities for every language is a few vector adds.
        stride = (languages.Length + Vector<float>.Count - 1) / Vector<float>.Count * Vector<float>.Count;
        trigramLogProb = new float[vocabulary * stride];
        unseenLogProb = new float[languages.Length];
        for (var l = 0; l < languages.Length; l++)
        {
            var denominator = totals[l] + alpha * vocabulary;
            unseenLogProb[l] = MathF.Log(alpha / denominator);
            for (var row = 0; row < vocabulary; row++)
            {
                trigramLogProb[row * stride + l] = MathF.Log((counts[row][l] + alpha) / denominator);
            }
        }
    }

    /// <summary>Scores each language for the word tokens of a text; returns the best index, or -1 when nothing is known.</summary>
    public int Score(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, ReadOnlySpan<uint> wordHashes, Span<float> scores, out bool byWords)
    {
        Span<char> buffer = stackalloc char[TriageLimits.MaxWordChars + 2];
        Span<float> wordScores = stackalloc float[languages.Length];
        var letters = 0;
        for (var i = 0; i < tokens.Length; i++)
        {
            var t = tokens[i];
            if (t.Kind != TokenKind.Word || t.Has(TokenFlags.HashtagPart))
            {
                continue;
            }
            letters += t.Length;
            if (wordHashes[i] != 0 && wordMasks.TryGetValue(wordHashes[i], out var mask))
            {
                var share = 1f / System.Numerics.BitOperations.PopCount(mask);
                for (var l = 0; l < languages.Length; l++)
                {
                    wordScores[l] += (mask >> l & 1) * share;
                }
            }
        }
        var (best, second) = TopTwo(wordScores);
        // Two or more frequent words and a clear lead settle most posts without the trigram model.
        byWords = (wordScores[best] >= 1.5f && wordScores[second] * 2.5f <= wordScores[best])
            || (wordScores[best] >= 1f && wordScores[second] == 0);
        if (byWords || letters == 0)
        {
            wordScores.CopyTo(scores);
            return letters == 0 ? -1 : best;
        }
        scores.Clear();
        Span<float> sums = stackalloc float[stride];
        sums.Clear();
        var sumVectors = MemoryMarshal.Cast<float, Vector<float>>(sums);
        var table = MemoryMarshal.Cast<float, Vector<float>>(trigramLogProb.AsSpan());
        var perRow = stride / Vector<float>.Count;
        var unseen = 0;
        var trigrams = 0;
        foreach (var t in tokens)
        {
            if (t.Kind != TokenKind.Word || t.Has(TokenFlags.HashtagPart) || trigrams > 80)
            {
                continue;
            }
            var n = Tokenizer.Normalize(t.Slice(text), buffer[1..^1]);
            if (n <= 0)
            {
                continue;
            }
            buffer[0] = ' ';
            buffer[n + 1] = ' ';
            for (var k = 0; k + 3 <= n + 2; k++)
            {
                var key = Pack(buffer.Slice(k, 3));
                trigrams++;
                var row = Find(key);
                if (row < 0)
                {
                    unseen++;
                    continue;
                }
                var logs = table.Slice(row * perRow, perRow);
                for (var v = 0; v < perRow; v++)
                {
                    sumVectors[v] += logs[v];
                }
            }
            AddLetterHints(buffer.Slice(1, n), scores);
        }
        for (var l = 0; l < scores.Length; l++)
        {
            scores[l] += sums[l] + unseen * unseenLogProb[l] + WordWeight * wordScores[l];
        }
        return TopTwo(scores).Best;
    }

    void AddLetterHints(ReadOnlySpan<char> word, Span<float> scores)
    {
        foreach (var c in word)
        {
            if (c < 128)
            {
                continue;
            }
            var (lang, bonus) = c switch
            {
                'ñ' or '¿' or '¡' => ("es", 4f),
                'ã' or 'õ' => ("pt", 4f),
                'ß' => ("de", 4f),
                'ä' or 'ü' => ("de", 2.5f),
                'ì' or 'ò' => ("it", 2.5f),
                'ê' or 'â' or 'î' or 'û' or 'œ' or 'ë' or 'ï' => ("fr", 1.5f),
                _ => ("", 0f),
            };
            var index = Array.IndexOf(languages, lang);
            if (index >= 0)
            {
                scores[index] += bonus;
            }
        }
    }

    static (int Best, int Second) TopTwo(ReadOnlySpan<float> scores)
    {
        int best = 0, second = 1;
        if (scores[second] > scores[best])
        {
            (best, second) = (second, best);
        }
        for (var l = 2; l < scores.Length; l++)
        {
            if (scores[l] > scores[best])
            {
                (second, best) = (best, l);
            }
            else if (scores[l] > scores[second])
            {
                second = l;
            }
        }
        return (best, second);
    }

    int Slot(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> slotShift);

    int Find(ulong key)
    {
        var mask = slotKeys.Length - 1;
        for (var slot = Slot(key); ; slot = (slot + 1) & mask)
        {
            var k = slotKeys[slot];
            if (k == key)
            {
                return slotRows[slot];
            }
            if (k == 0)
            {
                return -1;
            }
        }
    }

    static ulong Pack(ReadOnlySpan<char> tri) => (ulong)tri[0] << 32 | (ulong)tri[1] << 16 | tri[2];

    static void ForEachTrigram(string line, Action<ulong> add)
    {
        Span<char> word = stackalloc char[TriageLimits.MaxWordChars + 2];
        foreach (var raw in line.Split([' ', ',', '.', '?', '!', ':', ';', '"', '(', ')'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (raw.Length > TriageLimits.MaxWordChars)
            {
                continue;
            }
            word[0] = ' ';
            raw.CopyTo(word[1..]);
            word[raw.Length + 1] = ' ';
            for (var k = 0; k + 3 <= raw.Length + 2; k++)
            {
                add(Pack(word.Slice(k, 3)));
            }
        }
    }
}
