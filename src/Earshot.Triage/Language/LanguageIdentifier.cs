using System.Buffers;
using Earshot.Triage.Learning;
using Earshot.Triage.Text;

namespace Earshot.Triage.Language;

/// <summary>
/// Language of short, noisy posts. Script first (ar, he, ru, uk, el, zh, ja, ko, th, hi, fa are told by their letters),
/// then, for Latin script, the <see cref="LatinLanguageModel"/> (en, es, fr, de, pt, it, nl). "und" when it cannot tell.
/// </summary>
public sealed class LanguageIdentifier(LatinLanguageModel latin)
{
    /// <summary>The identifier over the shipped profiles.</summary>
    public static LanguageIdentifier Default => Shared.Value;

    static readonly Lazy<LanguageIdentifier> Shared = new(() => new LanguageIdentifier(LatinLanguageModel.Load()));

    /// <summary>The code for "cannot tell".</summary>
    public const string Undetermined = "und";

    /// <summary>Identifies the language of a text (tokenizes it first).</summary>
    public LanguageGuess Identify(ReadOnlySpan<char> text)
    {
        var rented = text.Length > 1024 ? ArrayPool<Token>.Shared.Rent(Math.Min(text.Length, TriageLimits.MaxTokens)) : null;
        try
        {
            var tokens = rented ?? stackalloc Token[512];
            var count = Tokenizer.Tokenize(text, tokens);
            var hashes = count <= 512 ? stackalloc uint[count] : new uint[count];
            FeatureExtractor.WordHashes(text, tokens[..count], hashes);
            return Identify(text, tokens[..count], hashes);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<Token>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Identifies the language of already tokenized text, given each token's <see cref="FeatureExtractor.WordHash"/> (0 for non-words).</summary>
    public LanguageGuess Identify(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, ReadOnlySpan<uint> wordHashes)
    {
        Span<int> scripts = stackalloc int[(int)Script.Other + 1];
        var telltale = ' ';
        foreach (var t in tokens)
        {
            if (t.Kind == TokenKind.Word && !t.Has(TokenFlags.HashtagPart))
            {
                var word = t.Slice(text);
                ScriptCounter.Count(word, scripts);
                if (telltale == ' ' && !System.Text.Ascii.IsValid(word) && word.IndexOfAny("іїєґپچژگ") is var k and >= 0)
                {
                    telltale = word[k];
                }
            }
        }
        var letters = 0;
        foreach (var count in scripts)
        {
            letters += count;
        }
        if (letters < 2)
        {
            return new LanguageGuess(Undetermined, 0, "no letters to go by");
        }
        int kana = scripts[(int)Script.Kana], han = scripts[(int)Script.Han], hangul = scripts[(int)Script.Hangul];
        if (kana > 0 && (kana + han) * 10 >= letters * 3)
        {
            return new LanguageGuess("ja", 0.95f, "kana");
        }
        if (hangul * 10 >= letters * 3)
        {
            return new LanguageGuess("ko", 0.95f, "hangul");
        }
        if (han * 10 >= letters * 3)
        {
            return new LanguageGuess("zh", 0.9f, "han characters without kana");
        }
        var top = Script.Latin;
        for (var s = Script.Cyrillic; s < Script.Other; s++)
        {
            if (scripts[(int)s] > scripts[(int)top])
            {
                top = s;
            }
        }
        var share = (float)scripts[(int)top] / letters;
        return top switch
        {
            Script.Latin => IdentifyLatin(text, tokens, wordHashes),
            Script.Cyrillic => new(telltale is 'і' or 'ї' or 'є' or 'ґ' ? "uk" : "ru", share * 0.9f, "cyrillic letters"),
            Script.Greek => new("el", share, "greek letters"),
            Script.Arabic => new(telltale is 'پ' or 'چ' or 'ژ' or 'گ' ? "fa" : "ar", share * 0.9f, "arabic letters"),
            Script.Hebrew => new("he", share, "hebrew letters"),
            Script.Devanagari => new("hi", share * 0.85f, "devanagari letters"),
            Script.Thai => new("th", share, "thai letters"),
            _ => new(Undetermined, 0, "unknown script"),
        };
    }

    LanguageGuess IdentifyLatin(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, ReadOnlySpan<uint> wordHashes)
    {
        Span<float> scores = stackalloc float[latin.Languages.Count];
        var best = latin.Score(text, tokens, wordHashes, scores, out var byWords);
        if (best < 0)
        {
            return new LanguageGuess(Undetermined, 0, "no words to go by");
        }
        if (byWords)
        {
            return new LanguageGuess(latin.Languages[best], Math.Min(0.99f, 0.6f + 0.1f * scores[best]), "frequent words");
        }
        // Softmax over log-likelihoods: how much the best beats the rest.
        var sum = 0f;
        foreach (var s in scores)
        {
            sum += MathF.Exp(s - scores[best]);
        }
        var confidence = 1f / sum;
        return confidence < 0.34f
            ? new LanguageGuess(Undetermined, confidence, "too close to call")
            : new LanguageGuess(latin.Languages[best], confidence, "character trigrams");
    }
}
