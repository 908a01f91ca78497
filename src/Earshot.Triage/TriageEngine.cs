using System.Buffers;
using System.Globalization;
using Earshot.Triage.Language;
using Earshot.Triage.Learning;
using Earshot.Triage.Rules;
using Earshot.Triage.Sentiment;
using Earshot.Triage.Text;

namespace Earshot.Triage;

/// <summary>
/// Triage of one post: language, sentiment, intent, actionable, risks, spam and bucket, each with its reasons.
/// Pure and thread-safe: no I/O, no shared mutable state, a few microseconds per post.
/// </summary>
public sealed class TriageEngine
{
    static readonly Lazy<TriageEngine> Shared = new(() => Train([], new TrainingOptions { HashBits = 15 }));

    /// <summary>Compound at or below which a question or request reads as a complaint.</summary>
    const double AngryQuestion = -0.4;

    /// <summary>Share of the intent model in the reported compound (see <see cref="BlendIntent"/>).</summary>
    const double IntentWeight = 0.3;

    readonly TriageModel model;
    readonly SentimentAnalyzer sentiment;
    readonly LanguageIdentifier language;
    readonly CueRules rules;
    readonly LinearModel? intentHead, actionableHead, bucketHead, sentimentHead;
    readonly FusedHeads fused;
    readonly int intentAt, actionableAt, bucketAt, sentimentAt;

    /// <summary>Builds an engine over a trained model; the other parts default to the shipped ones.</summary>
    public TriageEngine(TriageModel model, SentimentAnalyzer? sentiment = null, LanguageIdentifier? language = null, CueRules? rules = null)
    {
        this.model = model;
        this.sentiment = sentiment ?? SentimentAnalyzer.Default;
        this.language = language ?? LanguageIdentifier.Default;
        this.rules = rules ?? CueRules.Default;
        intentHead = model.Head(TriageModel.IntentHead);
        actionableHead = model.Head(TriageModel.ActionableHead);
        bucketHead = model.Head(TriageModel.BucketHead);
        sentimentHead = model.Head(TriageModel.SentimentHead);
        var heads = new List<LinearModel>();
        intentAt = Fuse(intentHead);
        actionableAt = Fuse(actionableHead);
        bucketAt = Fuse(bucketHead);
        sentimentAt = Fuse(sentimentHead);
        fused = new FusedHeads(heads);

        int Fuse(LinearModel? head)
        {
            if (head is null)
            {
                return -1;
            }
            heads.Add(head);
            return heads.Count - 1;
        }
    }

    /// <summary>The engine with the built-in model, trained from Earshot's seed set on first use (well under a second) and cached.</summary>
    public static TriageEngine Default => Shared.Value;

    /// <summary>The trained model behind this engine.</summary>
    public TriageModel Model => model;

    /// <summary>Trains an engine from labelled posts (plus the seed set unless <see cref="TrainingOptions.IncludeSeedExamples"/> is off).</summary>
    public static TriageEngine Train(IEnumerable<LabelledPost> examples, TrainingOptions? options = null) =>
        new(TriageModel.Train(examples, options ?? new TrainingOptions()));

    /// <summary>Honest K-fold cross-validation: each fold is scored by a model trained on the other folds only.</summary>
    public static EvaluationReport CrossValidate(IReadOnlyList<LabelledPost> examples, int folds = 5, TrainingOptions? options = null) =>
        CrossValidator.Run(examples, folds, options ?? new TrainingOptions());

    /// <summary>Loads an engine saved by <see cref="Save"/>.</summary>
    public static TriageEngine Load(Stream model) => new(TriageModel.Read(model));

    /// <summary>Saves the trained model (not the shipped lexicon and language profiles, which belong to the version of Earshot).</summary>
    public void Save(Stream stream) => model.Write(stream);

    /// <summary>The language of a text as a BCP-47 code ("en", "es", "ja"...), or "und" when it cannot tell.</summary>
    public string IdentifyLanguage(ReadOnlySpan<char> text) => language.Identify(text).Language;

    /// <summary>The sentiment of a text alone.</summary>
    public SentimentScore AnalyzeSentiment(ReadOnlySpan<char> text) => sentiment.Analyze(text);

    /// <summary>Triage one post under a workspace's bucket policy.</summary>
    public TriageResult Classify(in TriageInput input, BucketPolicy policy)
    {
        var text = (input.Text ?? "").AsSpan();
        var rented = text.Length > 1024 ? ArrayPool<Token>.Shared.Rent(Math.Min(text.Length, TriageLimits.MaxTokens)) : null;
        try
        {
            var buffer = rented ?? stackalloc Token[512];
            var count = Tokenizer.Tokenize(text, buffer);
            return Classify(input, text, buffer[..count], policy);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<Token>.Shared.Return(rented);
            }
        }
    }

    TriageResult Classify(in TriageInput input, ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, BucketPolicy policy)
    {
        var reasons = new List<TriageReason>(8);

        var rentedChars = text.Length > 2048 ? ArrayPool<char>.Shared.Rent(text.Length) : null;
        var rentedPacked = tokens.Length > 512 ? ArrayPool<int>.Shared.Rent(tokens.Length) : null;
        var words = WordForms.Build(text, tokens, rentedChars ?? stackalloc char[Math.Min(text.Length, 2048)],
            rentedPacked ?? stackalloc int[Math.Min(tokens.Length, 512)]);
        var mood = sentiment.Analyze(text, tokens, words, out var strongest);
        var lexicalCompound = mood.Compound;
        Span<int> features = stackalloc int[FeatureExtractor.MaxFeatures];
        Span<FeatureOrigin> origins = stackalloc FeatureOrigin[FeatureExtractor.MaxFeatures];
        var rentedHashes = tokens.Length > 512 ? ArrayPool<uint>.Shared.Rent(tokens.Length) : null;
        var hashes = (rentedHashes ?? stackalloc uint[512])[..tokens.Length];
        var n = FeatureExtractor.Extract(text, tokens, words, mood, model.Bits, features, origins, hashes);
        features = features[..n];
        var lang = string.IsNullOrWhiteSpace(input.LanguageHint) ? language.Identify(text, tokens, hashes) : new(input.LanguageHint, 1, "declared by the platform");
        reasons.Add(new TriageReason(LanguageDecisions.GetValueOrDefault(lang.Language) ?? "lang=" + lang.Language, lang.Because));
        origins = origins[..n];
        Span<float> all = stackalloc float[fused.Width];
        fused.Predict(features, all);
        if (sentimentHead is not null)
        {
            mood = Blend(mood, all[fused.Offset(sentimentAt)..]);
        }
        else if (intentHead is not null)
        {
            mood = BlendIntent(mood, all[fused.Offset(intentAt)..]);
        }
        reasons.Add(new TriageReason("sentiment", SentimentBecause(mood, text, tokens, strongest)));

        var intent = Intent.Other;
        if (intentHead is not null)
        {
            var p = all[fused.Offset(intentAt)..];
            var c = ArgMax(p[..intentHead.Classes.Count]);
            intent = ParseIntent(intentHead.Classes[c]);
            reasons.Add(new TriageReason(IntentDecisions[(int)intent], FeatureNamer.Explain(fused, intentAt, c, p[c], text, tokens, features, origins, 3)));
            // "Why is my flight delayed AGAIN??" asks, but above all it complains: an angry question is a complaint.
            var complaint = intentHead.IndexOf("complaint");
            if (intent is Intent.Question or Intent.Request && complaint >= 0 && lexicalCompound <= AngryQuestion && p[complaint] >= 0.15f)
            {
                intent = Intent.Complaint;
                reasons.Add(new TriageReason(IntentDecisions[(int)intent], "rule: negative tone turns a question or request into a complaint"));
            }
        }

        Span<int> fired = stackalloc int[8];
        var risks = RiskFlags.None;
        var spamRule = false;
        var firedCount = rules.Match(text, tokens, hashes, fired);
        if (rentedHashes is not null)
        {
            ArrayPool<uint>.Shared.Return(rentedHashes);
        }
        if (rentedChars is not null)
        {
            ArrayPool<char>.Shared.Return(rentedChars);
        }
        if (rentedPacked is not null)
        {
            ArrayPool<int>.Shared.Return(rentedPacked);
        }
        foreach (var r in fired[..firedCount])
        {
            var rule = rules.Rules[r];
            if (rule.Signal == CueSignal.Spam)
            {
                spamRule = true;
                reasons.Add(new TriageReason("spam", $"rule: '{rule.Cue.TrimEnd('*')}'"));
                continue;
            }
            var risk = rule.Signal switch
            {
                CueSignal.Legal => RiskFlags.Legal, CueSignal.Churn => RiskFlags.Churn,
                CueSignal.Safety => RiskFlags.Safety, _ => RiskFlags.Privacy,
            };
            risks |= risk;
            reasons.Add(new TriageReason("risk=" + Name(risk), $"rule: '{rule.Cue.TrimEnd('*')}'"));
        }
        if (Viral(input, mood) is { } viral)
        {
            risks |= RiskFlags.Viral;
            reasons.Add(new TriageReason("risk=viral", viral));
        }

        var spam = intent == Intent.Spam || (spamRule && intent is not (Intent.Complaint or Intent.Question or Intent.Request));
        if (spam && intent != Intent.Spam)
        {
            intent = Intent.Spam;
            reasons.Add(new TriageReason("intent=spam", "spam rule outweighs the model"));
        }

        double actionableScore;
        if (spam)
        {
            actionableScore = 0;
            reasons.Add(new TriageReason("actionable=no", "spam"));
        }
        else if (actionableHead is not null && actionableHead.IndexOf("yes") is var yes and >= 0)
        {
            var p = all[fused.Offset(actionableAt)..];
            actionableScore = p[yes];
            var decided = actionableScore >= 0.5 ? yes : 1 - yes;
            reasons.Add(new TriageReason(actionableScore >= 0.5 ? "actionable=yes" : "actionable=no",
                FeatureNamer.Explain(fused, actionableAt, decided, p[decided], text, tokens, features, origins, 2)));
        }
        else
        {
            actionableScore = intent is Intent.Complaint or Intent.Question or Intent.Request ? 0.75 : 0.15;
            reasons.Add(new TriageReason(actionableScore >= 0.5 ? "actionable=yes" : "actionable=no", "intent " + Name(intent)));
        }
        var actionable = actionableScore >= 0.5;

        var (bucket, because) = policy.Decide(intent, actionable, spam, risks, input.AuthorFollowers, input.Tags);
        if (bucketHead is not null && !spam && (risks & policy.CareRisks) == 0 && input.Tags is not { Count: > 0 })
        {
            var p = all[fused.Offset(bucketAt)..];
            var c = ArgMax(p[..bucketHead.Classes.Count]);
            if (Enum.TryParse<Bucket>(bucketHead.Classes[c], ignoreCase: true, out var learned) && learned != bucket && p[c] >= 0.6)
            {
                (bucket, because) = (learned, $"learned from labelled buckets, p={p[c]:0.00}");
            }
        }
        reasons.Add(new TriageReason(BucketDecisions[(int)bucket], because));
        return new TriageResult(lang.Language, mood, intent, actionable, Math.Round(actionableScore, 3), spam, risks, bucket, reasons);
    }

    SentimentScore Blend(SentimentScore lexical, ReadOnlySpan<float> p)
    {
        // A head trained on the workspace's own sentiment labels corrects the lexicon where its domain differs.
        var head = sentimentHead!;
        int pos = head.IndexOf("positive"), neg = head.IndexOf("negative");
        var learned = (pos >= 0 ? p[pos] : 0) - (neg >= 0 ? p[neg] : 0);
        var compound = Math.Clamp(0.5 * lexical.Compound + 0.5 * learned, -1, 1);
        return lexical with { Compound = Math.Round(compound, 4) };
    }

    SentimentScore BlendIntent(SentimentScore lexical, ReadOnlySpan<float> p)
    {
        // "my bag still hasn't arrived" has no sentiment word but is plainly unhappy: the intent model, which reads
        // the whole post, moves the lexicon's compound towards complaint (-) or praise (+). The lexicon stays primary.
        int complaint = intentHead!.IndexOf("complaint"), praise = intentHead.IndexOf("praise");
        if (complaint < 0 || praise < 0)
        {
            return lexical;
        }
        // Only a confident model speaks: a post it is unsure about keeps the lexicon's (often neutral) score.
        var margin = p[praise] - p[complaint];
        var learned = Math.Sign(margin) * Math.Max(0, Math.Abs(margin) - 0.25) / 0.75;
        return lexical with { Compound = Math.Round(Math.Clamp((1 - IntentWeight) * lexical.Compound + IntentWeight * learned, -1, 1), 4) };
    }

    static string SentimentBecause(SentimentScore mood, ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int strongest)
    {
        var writer = new ReasonWriter(stackalloc char[96]);
        writer.Append("compound ");
        writer.Append(mood.Compound);
        if (strongest < 0)
        {
            writer.Append(": no sentiment words");
        }
        else
        {
            writer.Append(", strongest '");
            writer.Append(tokens[strongest].Slice(text)[..Math.Min(tokens[strongest].Length, 40)]);
            writer.Append("'");
        }
        return writer.ToString();
    }

    static string? Viral(in TriageInput input, SentimentScore mood) =>
        input.Reposts >= 100 ? $"{input.Reposts} reposts"
        : input.Likes >= 1000 ? $"{input.Likes} likes"
        : input.AuthorFollowers >= 100_000 && mood.Compound <= -0.5 ? $"negative post by an author with {input.AuthorFollowers:N0} followers"
        : null;

    static int ArgMax(ReadOnlySpan<float> p)
    {
        var best = 0;
        for (var c = 1; c < p.Length; c++)
        {
            best = p[c] > p[best] ? c : best;
        }
        return best;
    }

    static Intent ParseIntent(string label) => Enum.TryParse<Intent>(label, ignoreCase: true, out var intent) ? intent : Intent.Other;

    static readonly string[] IntentNames = Enum.GetNames<Intent>().Select(n => n.ToLowerInvariant()).ToArray();
    static readonly string[] BucketNames = Enum.GetNames<Bucket>().Select(n => n.ToLowerInvariant()).ToArray();

    static readonly string[] IntentDecisions = IntentNames.Select(n => "intent=" + n).ToArray();
    static readonly string[] BucketDecisions = BucketNames.Select(n => "bucket=" + n).ToArray();
    static readonly Dictionary<string, string> LanguageDecisions = "und en es fr de pt it nl ar he ru uk el zh ja ko th hi fa id tr pl sv da no fi ro cs hu tl ca"
        .Split(' ').ToDictionary(l => l, l => "lang=" + l);

    static string Name(Intent intent) => IntentNames[(int)intent];

    static string Name(Bucket bucket) => BucketNames[(int)bucket];

    static string Name(RiskFlags risk) => risk switch
    {
        RiskFlags.Legal => "legal", RiskFlags.Churn => "churn", RiskFlags.Safety => "safety", RiskFlags.Privacy => "privacy", _ => "viral",
    };
}
