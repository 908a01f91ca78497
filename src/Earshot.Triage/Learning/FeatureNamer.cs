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

    /// <summary>"p=0.91: word 'lost' +0.84, 'my bag' +0.41": the <paramref name="top"/> features pushing most towards class <paramref name="c"/>.</summary>
    public static string Explain(FusedHeads model, int head, int c, float probability, ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens,
        ReadOnlySpan<int> features, ReadOnlySpan<FeatureOrigin> origins, int top)
    {
        Span<int> best = stackalloc int[top];
        Span<float> weight = stackalloc float[top];
        best.Fill(-1);
        var scale = LinearModel.Scale(features.Length);
        var threshold = 0.01f / scale;
        for (var i = 0; i < features.Length; i++)
        {
            // Character n-grams are left out: "spelling of 'cancelled'" says less than the word itself, which has its own feature.
            if (origins[i].Kind == FeatureKind.CharGram)
            {
                continue;
            }
            var w = model.RawContribution(features[i], head, c);
            if (w <= threshold || weight[^1] >= w || Duplicate(best, origins, i))
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
        // Composed on the stack into one string: reasons are built for every post, so they must be cheap.
        var writer = new ReasonWriter(stackalloc char[400]);
        writer.Append("p=");
        writer.Append(probability);
        writer.Append(": ");
        if (best[0] < 0)
        {
            writer.Append("prior of the model");
        }
        for (var k = 0; k < top && best[k] >= 0; k++)
        {
            var o = origins[best[k]];
            writer.Append(k > 0 ? ", " : "");
            switch (o.Kind)
            {
                case FeatureKind.Word:
                    writer.Append("word '");
                    writer.Append(Word(o.A, text, tokens));
                    writer.Append("'");
                    break;
                case FeatureKind.Bigram when o.A < 0:
                    writer.Append("starts with '");
                    writer.Append(Word(o.B, text, tokens));
                    writer.Append("'");
                    break;
                case FeatureKind.Bigram:
                    writer.Append("'");
                    writer.Append(Word(o.A, text, tokens));
                    writer.Append(" ");
                    writer.Append(Word(o.B, text, tokens));
                    writer.Append("'");
                    break;
                case FeatureKind.CharGram:
                    writer.Append("spelling of '");
                    writer.Append(Word(o.A, text, tokens));
                    writer.Append("'");
                    break;
                default:
                    writer.Append((uint)o.A < (uint)CueNames.Length ? CueNames[o.A] : "cue");
                    break;
            }
            writer.Append(" +");
            writer.Append(weight[k] * scale);
        }
        return writer.ToString();
    }

    static bool Duplicate(ReadOnlySpan<int> best, ReadOnlySpan<FeatureOrigin> origins, int i)
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

    static ReadOnlySpan<char> Word(int index, ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens)
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
            _ => t.Slice(text)[..Math.Min(t.Length, 40)],
        };
    }
}
