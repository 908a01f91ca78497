using System.Globalization;
using Earshot.Triage.Text;

namespace Earshot.Triage.Learning;

/// <summary>Names the features that weighed most in a model's decision, for the reasons an agent reads.</summary>
static class FeatureNamer
{
    static readonly string[] CueNames =
    [
        "question mark", "exclamation", "shouting", "negation", "very negative tone", "negative tone", "neutral tone",
        "positive tone", "very positive tone", "starts with @mention", "@mention", "link", "many hashtags", "many mentions",
        "a waiting time", "short post", "long post", "money amount", "phone or e-mail",
    ];

    /// <summary>"word 'lost' +0.84, 'my bag' +0.41": the <paramref name="top"/> features pushing most towards class <paramref name="c"/>.</summary>
    public static string Explain(LinearModel model, int c, ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens,
        ReadOnlySpan<int> features, ReadOnlySpan<FeatureOrigin> origins, int top)
    {
        Span<int> best = stackalloc int[top];
        Span<float> weight = stackalloc float[top];
        best.Fill(-1);
        for (var i = 0; i < features.Length; i++)
        {
            var w = model.Contribution(features[i], c, features.Length);
            if (w <= 0.01f || weight[^1] >= w || Duplicate(best, origins, tokens, text, i))
            {
                continue;
            }
            var slot = top - 1;
            while (slot > 0 && weight[slot - 1] < w)
            {
                best[slot] = best[slot - 1];
                weight[slot] = weight[slot - 1];
                slot--;
            }
            best[slot] = i;
            weight[slot] = w;
        }
        var parts = new List<string>(top);
        for (var k = 0; k < top && best[k] >= 0; k++)
        {
            parts.Add(Name(origins[best[k]], text, tokens) + " +" + weight[k].ToString("0.00", CultureInfo.InvariantCulture));
        }
        return parts.Count == 0 ? "prior of the model" : string.Join(", ", parts);
    }

    static bool Duplicate(ReadOnlySpan<int> best, ReadOnlySpan<FeatureOrigin> origins, ReadOnlySpan<Token> tokens, ReadOnlySpan<char> text, int i)
    {
        // Several character n-grams of one word would crowd the list: keep the word once.
        var o = origins[i];
        foreach (var b in best)
        {
            if (b >= 0 && origins[b].Kind == o.Kind && origins[b].A == o.A && (o.Kind == FeatureKind.CharGram || origins[b].B == o.B))
            {
                return true;
            }
        }
        return false;
    }

    static string Name(FeatureOrigin o, ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens) => o.Kind switch
    {
        FeatureKind.Word => $"word '{Word(o.A, text, tokens)}'",
        FeatureKind.Bigram => o.A < 0 ? $"starts with '{Word(o.B, text, tokens)}'" : $"'{Word(o.A, text, tokens)} {Word(o.B, text, tokens)}'",
        FeatureKind.CharGram => $"spelling of '{Word(o.A, text, tokens)}'",
        _ => (uint)o.A < (uint)CueNames.Length ? CueNames[o.A] : "cue",
    };

    static string Word(int index, ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens)
    {
        if ((uint)index >= (uint)tokens.Length)
        {
            return "?";
        }
        var t = tokens[index];
        return t.Kind switch
        {
            TokenKind.Url => "<link>",
            TokenKind.Mention => "@mention",
            TokenKind.Number => "<number>",
            _ => t.Slice(text)[..Math.Min(t.Length, 40)].ToString().ToLowerInvariant(),
        };
    }
}
