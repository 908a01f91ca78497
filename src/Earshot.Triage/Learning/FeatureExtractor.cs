using Earshot.Triage.Text;

namespace Earshot.Triage.Learning;

/// <summary>
/// Turns a tokenized post into hashed feature indices: word unigrams and bigrams (lower-cased, elongations cut),
/// character 4-grams of longer words (robust to spelling, inflection and other languages), and post-level cues
/// (question mark, caps, sentiment band, leading @mention, URL...). Writes into caller buffers; allocates nothing.
/// </summary>
public static class FeatureExtractor
{
    /// <summary>Most features taken from one post.</summary>
    public const int MaxFeatures = 768;

    const uint WordSeed = 0x9E3779B9, BigramSeed = 0x85EBCA6B, CharSeed = 0xC2B2AE35, CueSeed = 0x27D4EB2F;

    /// <summary>Extracts features; returns how many were written to <paramref name="indices"/> and <paramref name="origins"/>.</summary>
    public static int Extract(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, SentimentScore sentiment, int bits,
        Span<int> indices, Span<FeatureOrigin> origins) => Extract(text, tokens, sentiment, bits, indices, origins, []);

    /// <summary>Extracts features and writes each token's word hash into <paramref name="wordHashes"/> (when it is long enough) for the cue rules.</summary>
    public static int Extract(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, SentimentScore sentiment, int bits,
        Span<int> indices, Span<FeatureOrigin> origins, Span<uint> wordHashes)
    {
        var chars = text.Length > 2048 ? new char[text.Length] : stackalloc char[text.Length];
        var packed = tokens.Length > 512 ? new int[tokens.Length] : stackalloc int[tokens.Length];
        var words = WordForms.Build(text, tokens, chars, packed);
        return Extract(text, tokens, words, sentiment, bits, indices, origins, wordHashes);
    }

    /// <summary>Extracts features from tokens whose word forms are already normalized; see the other overloads.</summary>
    public static int Extract(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, WordForms words, SentimentScore sentiment, int bits,
        Span<int> indices, Span<FeatureOrigin> origins, Span<uint> wordHashes)
    {
        var recordHashes = wordHashes.Length >= tokens.Length;
        if (recordHashes)
        {
            wordHashes[..tokens.Length].Clear();
        }
        var max = Math.Min(indices.Length, origins.Length);
        var n = 0;
        Span<char> word = stackalloc char[TriageLimits.MaxWordChars + 2];
        uint previous = 0x5EED; // sentence start
        short previousIndex = -1;
        int mentions = 0, hashtags = 0;
        var i = 0;
        for (; i < tokens.Length && i < short.MaxValue && n < max - 24; i++)
        {
            var t = tokens[i];
            uint h;
            switch (t.Kind)
            {
                case TokenKind.Word:
                    var form = words[i];
                    if (form.IsEmpty)
                    {
                        continue;
                    }
                    var length = form.Length;
                    h = Hash(form, WordSeed);
                    if (recordHashes)
                    {
                        wordHashes[i] = h;
                    }
                    if (length >= 5)
                    {
                        form.CopyTo(word[1..]);
                        word[0] = '^';
                        word[length + 1] = '$';
                        for (var k = 0; k + 4 <= length + 2 && n < max - 24; k++)
                        {
                            Add(indices, origins, ref n, bits, Hash(word.Slice(k, 4), CharSeed), new FeatureOrigin(FeatureKind.CharGram, (short)i, (short)k));
                        }
                    }
                    break;
                case TokenKind.Number:
                    h = Hash("<num>", WordSeed);
                    break;
                case TokenKind.Url:
                    h = Hash("<url>", WordSeed);
                    break;
                case TokenKind.Mention:
                    mentions++;
                    h = Hash("<mention>", WordSeed);
                    break;
                case TokenKind.Hashtag:
                    hashtags++;
                    var tag = Tokenizer.Normalize(t.Slice(text), word);
                    if (tag > 0)
                    {
                        Add(indices, origins, ref n, bits, Hash(word[..tag], WordSeed), new FeatureOrigin(FeatureKind.Word, (short)i, 0));
                    }
                    continue;
                case TokenKind.Emoji:
                    h = Hash(t.Slice(text)[..(char.IsHighSurrogate(text[t.Start]) && t.Length > 1 ? 2 : 1)], WordSeed);
                    break;
                case TokenKind.Emoticon:
                    var e = Tokenizer.Normalize(t.Slice(text), word);
                    h = Hash(word[..Math.Max(e, 0)], WordSeed);
                    break;
                case TokenKind.Punctuation when text[t.Start] is '?' or '!':
                    h = Hash(text[t.Start] == '?' ? "?" : "!", WordSeed);
                    break;
                default:
                    continue;
            }
            Add(indices, origins, ref n, bits, h, new FeatureOrigin(FeatureKind.Word, (short)i, 0));
            Add(indices, origins, ref n, bits, Mix(previous * 0x01000193 ^ h, BigramSeed), new FeatureOrigin(FeatureKind.Bigram, previousIndex, (short)i));
            (previous, previousIndex) = (h, (short)i);
        }
        if (recordHashes && i < tokens.Length)
        {
            // The feature budget ran out on a long text: cue rules still read all of it.
            WordHashes(text, tokens[i..], wordHashes[i..]);
        }
        AddCues(text, tokens, sentiment, mentions, hashtags, ref n, indices, origins, bits);
        return n;
    }

    static void Add(Span<int> indices, Span<FeatureOrigin> origins, ref int n, int bits, uint hash, FeatureOrigin origin)
    {
        indices[n] = (int)(hash >> (32 - bits));
        origins[n++] = origin;
    }

    static void AddCues(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, SentimentScore sentiment, int mentions, int hashtags,
        ref int n, Span<int> indices, Span<FeatureOrigin> origins, int bits)
    {
        Span<bool> cues = stackalloc bool[(int)FeatureCue.PhoneOrEmail + 1];
        cues[(int)(sentiment.Compound switch
        {
            <= -0.6 => FeatureCue.VeryNegative,
            <= -0.1 => FeatureCue.Negative,
            < 0.1 => FeatureCue.Neutral,
            < 0.6 => FeatureCue.Positive,
            _ => FeatureCue.VeryPositive,
        })] = true;
        var words = 0;
        for (var i = 0; i < tokens.Length; i++)
        {
            var t = tokens[i];
            switch (t.Kind)
            {
                case TokenKind.Punctuation:
                    cues[(int)FeatureCue.QuestionMark] |= text.Slice(t.Start, t.Length).Contains('?');
                    cues[(int)FeatureCue.Exclamation] |= text.Slice(t.Start, t.Length).Contains('!');
                    break;
                case TokenKind.Word:
                    words++;
                    cues[(int)FeatureCue.Shouting] |= t.Has(TokenFlags.AllCaps) && t.Length > 2;
                    cues[(int)FeatureCue.Negation] |= t.Has(TokenFlags.Negation);
                    cues[(int)FeatureCue.PhoneOrEmail] |= i + 1 < tokens.Length && tokens[i + 1].Kind == TokenKind.Mention && tokens[i + 1].Start == t.Start + t.Length;
                    break;
                case TokenKind.Number:
                    cues[(int)FeatureCue.Duration] |= WaitingTime.At(text, tokens, i);
                    cues[(int)FeatureCue.MoneyAmount] |= t.Start > 0 && text[t.Start - 1] is '$' or '€' or '£';
                    cues[(int)FeatureCue.PhoneOrEmail] |= t.Length >= 9;
                    break;
                case TokenKind.Url:
                    cues[(int)FeatureCue.Url] = true;
                    break;
            }
        }
        cues[(int)FeatureCue.StartsWithMention] = tokens.Length > 0 && tokens[0].Kind == TokenKind.Mention;
        cues[(int)FeatureCue.Mention] = mentions > 0;
        cues[(int)FeatureCue.ManyMentions] = mentions >= 3;
        cues[(int)FeatureCue.ManyHashtags] = hashtags >= 3;
        cues[(int)FeatureCue.Short] = words <= 4;
        cues[(int)FeatureCue.Long] = words >= 30;
        for (var c = 0; c < cues.Length && n < indices.Length; c++)
        {
            if (cues[c])
            {
                indices[n] = (int)(Mix((uint)c + 1, CueSeed) >> (32 - bits));
                origins[n++] = new FeatureOrigin(FeatureKind.Cue, (short)c, 0);
            }
        }
    }

    /// <summary>The hash of a normalized word, as features and cue rules see it.</summary>
    public static uint WordHash(ReadOnlySpan<char> normalizedWord) => Hash(normalizedWord, WordSeed);

    /// <summary>Writes each token's word hash (0 for tokens that are not words) without extracting features.</summary>
    public static void WordHashes(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, Span<uint> hashes)
    {
        Span<char> word = stackalloc char[TriageLimits.MaxWordChars];
        for (var i = 0; i < tokens.Length; i++)
        {
            var n = tokens[i].Kind == TokenKind.Word ? Tokenizer.Normalize(tokens[i].Slice(text), word) : 0;
            hashes[i] = n > 0 ? Hash(word[..n], WordSeed) : 0;
        }
    }

    /// <summary>FNV-1a over the chars, finished with a mixer so the high bits (used as the index) are well spread.</summary>
    public static uint Hash(ReadOnlySpan<char> s, uint seed)
    {
        var h = 2166136261u ^ seed;
        foreach (var c in s)
        {
            h = (h ^ c) * 16777619u;
        }
        return Mix(h, seed);
    }

    static uint Mix(uint h, uint seed)
    {
        h ^= seed;
        h ^= h >> 16;
        h *= 0x7FEB352D;
        h ^= h >> 15;
        h *= 0x846CA68B;
        h ^= h >> 16;
        return h;
    }
}
