namespace Earshot.Triage;

/// <summary>
/// First, deliberately simple triage: a small lexicon with negation for sentiment, keyword cues for intent
/// and risks, common words for language. Honest about what it sees; the triage issue replaces the models.
/// </summary>
public sealed class TriageEngine
{
    /// <summary>The engine with the built-in model.</summary>
    public static TriageEngine Default { get; } = new();

    static readonly Dictionary<string, double> Valence = new(StringComparer.OrdinalIgnoreCase)
    {
        ["love"] = 3.2, ["great"] = 3.1, ["thanks"] = 1.9, ["thank"] = 1.5, ["awesome"] = 3.1, ["amazing"] = 2.8,
        ["good"] = 1.9, ["best"] = 3.2, ["happy"] = 2.7, ["excellent"] = 3.2, ["nice"] = 1.8, ["helpful"] = 1.8,
        ["bad"] = -2.5, ["worst"] = -3.1, ["terrible"] = -2.9, ["awful"] = -2.9, ["hate"] = -2.7, ["angry"] = -2.3,
        ["lost"] = -1.3, ["cancelled"] = -1.8, ["canceled"] = -1.8, ["delayed"] = -1.6, ["broken"] = -2.0,
        ["rude"] = -2.4, ["fail"] = -2.3, ["refund"] = -0.9, ["waiting"] = -0.8, ["never"] = -0.6,
        ["disappointed"] = -2.2, ["useless"] = -2.4, ["ridiculous"] = -2.1, ["stuck"] = -1.5, ["late"] = -1.2,
    };

    static readonly string[] ComplaintCues = ["lost", "cancelled", "canceled", "delayed", "broken", "worst", "still waiting", "no one", "fail", "refund", "never", "terrible"];
    static readonly string[] QuestionCues = ["?", "how do", "how can", "when will", "where is", "is there", "can i", "can you"];
    static readonly string[] RequestCues = ["please", "dm me", "help me", "need help", "fix", "call me"];
    static readonly string[] SpamCues = ["free followers", "click here", "promo code", "giveaway", "follow back", "earn $", "crypto"];
    static readonly (string Cue, RiskFlags Risk)[] RiskCues =
    [
        ("lawyer", RiskFlags.Legal), ("sue ", RiskFlags.Legal), ("lawsuit", RiskFlags.Legal),
        ("cancel my", RiskFlags.Churn), ("switching to", RiskFlags.Churn), ("never again", RiskFlags.Churn),
        ("unsafe", RiskFlags.Safety), ("injur", RiskFlags.Safety), ("fire", RiskFlags.Safety),
        ("my password", RiskFlags.Privacy), ("my card number", RiskFlags.Privacy),
    ];
    static readonly (string Lang, string[] Words)[] LanguageWords =
    [
        ("en", ["the", "and", "my", "is", "you", "to", "it", "not", "for", "with"]),
        ("es", ["el", "la", "que", "de", "mi", "por", "con", "no", "es", "los"]),
        ("fr", ["le", "la", "les", "est", "mon", "pas", "je", "et", "pour", "avec"]),
        ("de", ["der", "die", "und", "ist", "nicht", "mein", "ich", "das", "mit", "für"]),
    ];

    /// <summary>Triage one post under a workspace's bucket policy.</summary>
    public TriageResult Classify(in TriageInput input, BucketPolicy policy)
    {
        var reasons = new List<TriageReason>();
        var text = input.Text ?? "";
        var lower = text.ToLowerInvariant();
        var words = lower.Split([' ', '\t', '\n', '\r', ',', '.', '!', '?', ';', ':', '"', '(', ')'], StringSplitOptions.RemoveEmptyEntries);

        double pos = 0, neg = 0;
        for (var i = 0; i < words.Length; i++)
        {
            if (!Valence.TryGetValue(words[i].TrimStart('#', '@'), out var v))
            {
                continue;
            }
            if (i > 0 && words[i - 1] is "not" or "no" or "never" or "don't" or "isn't")
            {
                v *= -0.74;
            }
            if (v > 0) { pos += v; } else { neg -= v; }
        }
        var sum = pos - neg;
        var compound = sum / Math.Sqrt(sum * sum + 15);
        var neutral = Math.Max(0, words.Length - (pos > 0 ? 1 : 0) - (neg > 0 ? 1 : 0));
        var total = pos + neg + neutral;
        var sentiment = total == 0 ? new SentimentScore(0, 0, 1, 0) : new SentimentScore(compound, pos / total, neutral / total, neg / total);

        var spam = SpamCues.FirstOrDefault(lower.Contains) is { } spamCue;
        var intent = spam ? Intent.Spam
            : ComplaintCues.FirstOrDefault(lower.Contains) is { } c && compound < 0.3 ? Decided(Intent.Complaint, $"cue '{c}'")
            : QuestionCues.FirstOrDefault(lower.Contains) is { } q ? Decided(Intent.Question, $"cue '{q}'")
            : RequestCues.FirstOrDefault(lower.Contains) is { } r ? Decided(Intent.Request, $"cue '{r}'")
            : compound >= 0.5 ? Decided(Intent.Praise, $"positive sentiment {compound:0.00}")
            : compound <= -0.3 ? Decided(Intent.Complaint, $"negative sentiment {compound:0.00}")
            : Intent.Other;
        if (spam)
        {
            reasons.Add(new("spam", "promotion cue"));
        }

        var risks = RiskFlags.None;
        foreach (var (cue, risk) in RiskCues)
        {
            if (lower.Contains(cue) && (risks & risk) == 0)
            {
                risks |= risk;
                reasons.Add(new($"risk={risk.ToString().ToLowerInvariant()}", $"cue '{cue.Trim()}'"));
            }
        }
        if (input.Reposts >= 100)
        {
            risks |= RiskFlags.Viral;
            reasons.Add(new("risk=viral", $"{input.Reposts} reposts"));
        }

        var actionableScore = intent switch
        {
            Intent.Complaint => 0.8, Intent.Question => 0.75, Intent.Request => 0.85,
            _ => 0.1,
        };
        var actionable = actionableScore >= 0.5;
        reasons.Add(new($"actionable={(actionable ? "yes" : "no")}", $"intent {intent.ToString().ToLowerInvariant()}"));

        var language = input.LanguageHint ?? GuessLanguage(words);
        var (bucket, because) = policy.Decide(intent, actionable, spam, risks, input.AuthorFollowers, input.Tags);
        reasons.Add(new($"bucket={bucket.ToString().ToLowerInvariant()}", because));
        return new TriageResult(language, sentiment, intent, actionable, actionableScore, spam, risks, bucket, reasons);

        Intent Decided(Intent decided, string why)
        {
            reasons.Add(new($"intent={decided.ToString().ToLowerInvariant()}", why));
            return decided;
        }
    }

    /// <summary>The language of a text ("und" when it cannot tell).</summary>
    public string IdentifyLanguage(ReadOnlySpan<char> text) =>
        GuessLanguage(text.ToString().ToLowerInvariant().Split([' ', '\t', '\n', '\r', ',', '.', '!', '?'], StringSplitOptions.RemoveEmptyEntries));

    static string GuessLanguage(string[] words)
    {
        var best = "und";
        var bestHits = 0;
        foreach (var (lang, common) in LanguageWords)
        {
            var hits = words.Count(w => common.Contains(w));
            if (hits > bestHits)
            {
                (best, bestHits) = (lang, hits);
            }
        }
        return best;
    }
}
