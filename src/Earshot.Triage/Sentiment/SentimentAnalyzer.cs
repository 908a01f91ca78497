using System.Buffers;
using Earshot.Triage.Text;

namespace Earshot.Triage.Sentiment;

/// <summary>
/// Sentiment in the VADER family: lexicon valences shifted by rules (negation, boosters and dampeners, ALL CAPS,
/// elongation, "but", "!!!"/"???", emoji, waiting durations), summed and normalised to a compound in [-1, 1].
/// </summary>
public sealed class SentimentAnalyzer(SentimentLexicon lexicon)
{
    /// <summary>The analyzer over the shipped lexicon.</summary>
    public static SentimentAnalyzer Default => Shared.Value;

    static readonly Lazy<SentimentAnalyzer> Shared = new(() => new SentimentAnalyzer(SentimentLexicon.Default));

    // Rule constants of the VADER method (Hutto & Gilbert 2014): published numbers, not data.
    const float CapsBoost = 0.733f, NegationScalar = -0.74f, ExclamationBoost = 0.292f, QuestionBoost = 0.18f;
    const float ElongationBoost = 0.3f, WaitingValence = -0.9f, Alpha = 15f;

    // Earshot's own rules for care posts, each tested in SentimentAnalyzerTests.
    // A post that asks (a question mark, no exclamation) does not praise: "is the lounge any good?" wants an answer, so
    // positive valence in it counts for 0.6. A negative question still complains ("why is my bag lost?") and is kept.
    const float QuestionWeight = 0.6f;

    /// <summary>The lexicon the analyzer reads.</summary>
    public SentimentLexicon Lexicon => lexicon;

    /// <summary>Scores a text (tokenizes it first).</summary>
    public SentimentScore Analyze(ReadOnlySpan<char> text)
    {
        var rented = text.Length > 1024 ? ArrayPool<Token>.Shared.Rent(Math.Min(text.Length, TriageLimits.MaxTokens)) : null;
        try
        {
            var tokens = rented ?? stackalloc Token[512];
            var count = Tokenizer.Tokenize(text, tokens);
            return Analyze(text, tokens[..count], out _);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<Token>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Scores already tokenized text; <paramref name="strongest"/> is the index of the token that weighed most (-1 if none).</summary>
    public SentimentScore Analyze(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, out int strongest)
    {
        var rentedChars = text.Length > 2048 ? ArrayPool<char>.Shared.Rent(text.Length) : null;
        var rentedPacked = tokens.Length > 512 ? ArrayPool<int>.Shared.Rent(tokens.Length) : null;
        try
        {
            var words = WordForms.Build(text, tokens, rentedChars ?? stackalloc char[Math.Min(text.Length, 2048)],
                rentedPacked ?? stackalloc int[Math.Min(tokens.Length, 512)]);
            return Analyze(text, tokens, words, out strongest);
        }
        finally
        {
            if (rentedChars is not null)
            {
                ArrayPool<char>.Shared.Return(rentedChars);
            }
            if (rentedPacked is not null)
            {
                ArrayPool<int>.Shared.Return(rentedPacked);
            }
        }
    }

    /// <summary>Scores tokenized text whose word forms are already normalized.</summary>
    public SentimentScore Analyze(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, WordForms words, out int strongest)
    {
        strongest = -1;
        if (tokens.IsEmpty)
        {
            return new SentimentScore(0, 0, 1, 0);
        }
        var rented = tokens.Length > 256 ? ArrayPool<float>.Shared.Rent(tokens.Length * 2) : null;
        var scratch = rented ?? stackalloc float[512];
        var valences = scratch[..tokens.Length];
        var boosts = scratch.Slice(tokens.Length, tokens.Length);
        valences.Clear();
        boosts.Clear();
        try
        {
            return Score(text, tokens, words, valences, boosts, ref strongest);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<float>.Shared.Return(rented);
            }
        }
    }

    SentimentScore Score(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, WordForms words, Span<float> valences, Span<float> boosts, ref int strongest)
    {
        Span<char> buffer = stackalloc char[TriageLimits.MaxWordChars];
        var shouting = IsShouting(tokens);
        int neutral = 0, butAt = -1, exclamations = 0, questions = 0;
        for (var i = 0; i < tokens.Length; i++)
        {
            var token = tokens[i];
            switch (token.Kind)
            {
                case TokenKind.Punctuation:
                    exclamations += text.Slice(token.Start, token.Length).Count('!');
                    questions += text.Slice(token.Start, token.Length).Count('?');
                    continue;
                case TokenKind.Emoji:
                    valences[i] = EmojiValence(token.Slice(text));
                    continue;
                case TokenKind.Emoticon:
                    var length = Tokenizer.Normalize(token.Slice(text), buffer);
                    valences[i] = length > 0 && lexicon.TryGetValence(buffer[..length], out var e) ? e : 0;
                    continue;
                case TokenKind.Number:
                    if (WaitingTime.At(text, tokens, i))
                    {
                        valences[i] = WaitingValence;
                    }
                    continue;
                case TokenKind.Word:
                    break;
                default:
                    continue;
            }
            var word = words[i];
            if (word.IsEmpty)
            {
                continue;
            }
            if (butAt < 0 && word is "but")
            {
                butAt = i;
            }
            var known = lexicon.TryGetEntry(word, out var entry);
            boosts[i] = entry.Boost;
            var v = entry.Valence;
            var phrase = 0f;
            var phraseEnd = entry.StartsPhrase ? MatchPhrase(text, tokens, words, i, word, out phrase) : -1;
            if (phraseEnd > 0)
            {
                v = phrase;
            }
            else if (!(known && entry.HasValence) && !(token.Has(TokenFlags.Elongated) && Squeezed(token.Slice(text), out v)))
            {
                neutral += entry.Boost == 0 ? 1 : 0;
                continue;
            }
            if (!shouting && token.Has(TokenFlags.AllCaps))
            {
                v += MathF.CopySign(CapsBoost, v);
            }
            if (token.Has(TokenFlags.Elongated))
            {
                v += MathF.CopySign(ElongationBoost, v);
            }
            valences[i] = ApplyContext(text, tokens, boosts, i, v, shouting);
            if (phraseEnd > i)
            {
                i = phraseEnd - 1;
            }
        }
        return Combine(valences, butAt, neutral, exclamations, questions, ref strongest);
    }

    /// <summary>"loooove" is not in the lexicon, "love" is: retry with every run of letters cut to one.</summary>
    bool Squeezed(ReadOnlySpan<char> raw, out float valence)
    {
        Span<char> squeezed = stackalloc char[TriageLimits.MaxWordChars];
        var n = Tokenizer.Normalize(raw, squeezed, maxRun: 1);
        valence = 0;
        return n > 0 && lexicon.TryGetValence(squeezed[..n], out valence);
    }

    /// <summary>Tries the phrases starting at token <paramref name="i"/>; returns the index after the phrase, or -1.</summary>
    int MatchPhrase(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, WordForms words, int i, ReadOnlySpan<char> first, out float valence)
    {
        valence = 0;
        Span<char> phrase = stackalloc char[TriageLimits.MaxWordChars * 2];
        first.CopyTo(phrase);
        var length = first.Length;
        var found = -1;
        var taken = 1;
        for (var j = i + 1; j < tokens.Length && taken < SentimentLexicon.MaxPhraseTokens; j++)
        {
            var t = tokens[j];
            if (t.Kind == TokenKind.Punctuation && t.Length == 1 && text[t.Start] == '-')
            {
                continue; // "rip-off" reads as "rip off"
            }
            if (t.Kind is not (TokenKind.Word or TokenKind.Number) || length + 1 + t.Length > phrase.Length)
            {
                break;
            }
            phrase[length++] = ' ';
            var form = words[j];
            var n = form.IsEmpty ? Tokenizer.Normalize(t.Slice(text), phrase[length..]) : form.TryCopyTo(phrase[length..]) ? form.Length : -1;
            if (n <= 0)
            {
                break;
            }
            length += n;
            taken++;
            if (!lexicon.TryGetEntry(phrase[..length], out var entry))
            {
                break;
            }
            if (entry.HasValence)
            {
                (found, valence) = (j + 1, entry.Valence);
            }
            if (!entry.StartsPhrase)
            {
                break;
            }
        }
        return found;
    }

    /// <summary>Boosters, dampeners and negators in the three words before token <paramref name="i"/>, within its sentence.</summary>
    static float ApplyContext(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, ReadOnlySpan<float> boosts, int i, float v, bool shouting)
    {
        var seen = 0;
        var negated = false;
        for (var j = i - 1; j >= 0 && seen < 3; j--)
        {
            var t = tokens[j];
            if (t.Kind == TokenKind.Punctuation && text[t.Start] is '.' or '!' or '?' or ';')
            {
                break;
            }
            if (t.Kind != TokenKind.Word)
            {
                continue;
            }
            seen++;
            if (t.Has(TokenFlags.Negation))
            {
                negated = true;
                continue;
            }
            var boost = boosts[j];
            if (boost != 0)
            {
                if (!shouting && t.Has(TokenFlags.AllCaps))
                {
                    boost += MathF.CopySign(CapsBoost, boost);
                }
                var decay = seen == 1 ? 1f : seen == 2 ? 0.95f : 0.9f;
                v += MathF.Sign(v) * boost * decay;
            }
        }
        // Negation flips and weakens: "not good" is mildly negative, "not bad" mildly positive.
        return negated ? v * NegationScalar : v;
    }

    float EmojiValence(ReadOnlySpan<char> emoji)
    {
        // The lexicon holds base emoji; skin tones, selectors and joined parts do not change the feeling.
        var baseLength = char.IsHighSurrogate(emoji[0]) && emoji.Length > 1 ? 2 : 1;
        return lexicon.TryGetValence(emoji[..baseLength], out var v) ? v : 0f;
    }

    static bool IsShouting(ReadOnlySpan<Token> tokens)
    {
        // Caps only emphasise when the rest is not caps too.
        int words = 0, caps = 0;
        foreach (var t in tokens)
        {
            if (t.Kind == TokenKind.Word && t.Length > 1)
            {
                words++;
                caps += t.Has(TokenFlags.AllCaps) ? 1 : 0;
            }
        }
        return words > 0 && caps == words;
    }

    static SentimentScore Combine(Span<float> valences, int butAt, int neutral, int exclamations, int questions, ref int strongest)
    {
        float sum = 0, pos = 0, neg = 0, best = 0;
        for (var i = 0; i < valences.Length; i++)
        {
            var v = valences[i];
            if (v == 0)
            {
                continue;
            }
            if (butAt >= 0)
            {
                v *= i < butAt ? 0.5f : i > butAt ? 1.5f : 1f;
            }
            sum += v;
            if (v > 0)
            {
                pos += v + 1;
            }
            else
            {
                neg += v - 1;
            }
            if (MathF.Abs(v) > best)
            {
                (best, strongest) = (MathF.Abs(v), i);
            }
        }
        if (sum == 0)
        {
            return new SentimentScore(0, 0, 1, 0);
        }
        var emphasis = Math.Min(exclamations, 4) * ExclamationBoost + (questions > 1 ? (questions <= 3 ? questions * QuestionBoost : 0.96f) : 0);
        sum += MathF.CopySign(emphasis, sum);
        if (sum > 0)
        {
            pos += emphasis;
        }
        else
        {
            neg -= emphasis;
        }
        if (questions > 0 && exclamations == 0 && sum > 0)
        {
            sum *= QuestionWeight;
        }
        var compound = Math.Clamp(sum / MathF.Sqrt(sum * sum + Alpha), -1f, 1f);
        var total = pos - neg + neutral;
        return new SentimentScore(Math.Round(compound, 4), Math.Round(pos / total, 3), Math.Round(neutral / total, 3), Math.Round(-neg / total, 3));
    }
}
