namespace Earshot.Triage.Learning;

/// <summary>
/// A multinomial logistic regression over hashed features: one weight row of <see cref="Classes"/> floats per hash
/// bucket, so one feature costs one cache line. Trained by averaged stochastic gradient descent.
/// </summary>
public sealed class LinearModel
{
    readonly float[] weights;
    readonly float[] bias;

    LinearModel(string name, string[] classes, int bits, float[] weights, float[] bias)
    {
        (Name, Classes, Bits, this.weights, this.bias) = (name, classes, bits, weights, bias);
    }

    /// <summary>What the model predicts ("intent", "actionable", "bucket", "sentiment").</summary>
    public string Name { get; }

    /// <summary>Class labels, in score order.</summary>
    public IReadOnlyList<string> Classes { get; }

    /// <summary>Hash bits: the model has 2^Bits weight rows.</summary>
    public int Bits { get; }

    /// <summary>The weights, row by row (one row of <see cref="Classes"/> floats per hash bucket).</summary>
    internal ReadOnlySpan<float> Weights => weights;

    /// <summary>The per-class bias.</summary>
    internal ReadOnlySpan<float> Bias => bias;

    /// <summary>Writes class probabilities for a post's features into <paramref name="probabilities"/>.</summary>
    public void Predict(ReadOnlySpan<int> features, Span<float> probabilities)
    {
        var k = Classes.Count;
        var scores = probabilities[..k];
        bias.CopyTo(scores);
        var x = Scale(features.Length);
        foreach (var f in features)
        {
            var row = weights.AsSpan(f * k, k);
            for (var c = 0; c < k; c++)
            {
                scores[c] += row[c] * x;
            }
        }
        Softmax(scores);
    }

    /// <summary>How much one feature pushes towards class <paramref name="c"/> in a post of <paramref name="featureCount"/> features.</summary>
    public float Contribution(int feature, int c, int featureCount)
    {
        var k = Classes.Count;
        var row = weights.AsSpan(feature * k, k);
        var mean = 0f;
        foreach (var w in row)
        {
            mean += w;
        }
        return (row[c] - mean / k) * Scale(featureCount);
    }

    /// <summary>Index of a class label, -1 if the model does not know it.</summary>
    public int IndexOf(string label)
    {
        for (var c = 0; c < Classes.Count; c++)
        {
            if (string.Equals(Classes[c], label, StringComparison.OrdinalIgnoreCase))
            {
                return c;
            }
        }
        return -1;
    }

    // Features are binary; dividing by the root of their number keeps long and short posts on one scale.
    internal static float Scale(int count) => count == 0 ? 0 : 1f / MathF.Sqrt(count);

    internal static void Softmax(Span<float> scores)
    {
        var max = float.NegativeInfinity;
        foreach (var s in scores)
        {
            max = MathF.Max(max, s);
        }
        var sum = 0f;
        for (var c = 0; c < scores.Length; c++)
        {
            scores[c] = MathF.Exp(scores[c] - max);
            sum += scores[c];
        }
        for (var c = 0; c < scores.Length; c++)
        {
            scores[c] /= sum;
        }
    }

    /// <summary>Trains a model on examples given as feature indices and class index.</summary>
    public static LinearModel Train(string name, IReadOnlyList<string> classes, IReadOnlyList<(int[] Features, int Label)> examples,
        TrainingOptions options)
    {
        var k = classes.Count;
        var size = (1 << options.HashBits) * k;
        var w = new float[size];
        var u = new float[size]; // running sum of step-weighted updates, for averaging
        var b = new float[k];
        var ub = new float[k];
        var weightOf = ClassWeights(classes.Count, examples, options.BalanceClasses);
        var order = Enumerable.Range(0, examples.Count).ToArray();
        var random = new Random(options.Seed);
        Span<float> p = stackalloc float[k];
        var step = 1f;
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            random.Shuffle(order);
            var rate = options.LearningRate / (1 + 0.1f * epoch);
            foreach (var index in order)
            {
                var (features, label) = examples[index];
                var x = Scale(features.Length);
                b.CopyTo(p);
                foreach (var f in features)
                {
                    for (var c = 0; c < k; c++)
                    {
                        p[c] += w[f * k + c] * x;
                    }
                }
                Softmax(p);
                var weight = weightOf[label] * rate;
                for (var c = 0; c < k; c++)
                {
                    var g = (p[c] - (c == label ? 1f : 0f)) * weight;
                    if (g == 0)
                    {
                        continue;
                    }
                    b[c] -= g;
                    ub[c] -= step * g;
                    foreach (var f in features)
                    {
                        w[f * k + c] -= g * x;
                        u[f * k + c] -= step * g * x;
                    }
                }
                step++;
            }
        }
        for (var i = 0; i < size; i++)
        {
            w[i] -= u[i] / step;
        }
        for (var c = 0; c < k; c++)
        {
            b[c] -= ub[c] / step;
        }
        return new LinearModel(name, [.. classes], options.HashBits, w, b);
    }

    static float[] ClassWeights(int k, IReadOnlyList<(int[] Features, int Label)> examples, bool balance)
    {
        var weights = new float[k];
        Array.Fill(weights, 1f);
        if (!balance || examples.Count == 0)
        {
            return weights;
        }
        var counts = new int[k];
        foreach (var (_, label) in examples)
        {
            counts[label]++;
        }
        for (var c = 0; c < k; c++)
        {
            // Square root of the inverse frequency: rare classes are heard without drowning the common ones.
            weights[c] = counts[c] == 0 ? 1f : MathF.Min(5f, MathF.Sqrt(examples.Count / (float)(k * counts[c])));
        }
        return weights;
    }

    /// <summary>Writes the model (name, classes, bits, weights, bias).</summary>
    public void Write(BinaryWriter writer)
    {
        writer.Write(Name);
        writer.Write(Classes.Count);
        foreach (var c in Classes)
        {
            writer.Write(c);
        }
        writer.Write(Bits);
        foreach (var v in bias)
        {
            writer.Write(v);
        }
        // Sparse: hashed tables are mostly zero after training on a few thousand posts.
        var nonZero = 0;
        foreach (var v in weights)
        {
            nonZero += v != 0 ? 1 : 0;
        }
        writer.Write(nonZero);
        for (var i = 0; i < weights.Length; i++)
        {
            if (weights[i] != 0)
            {
                writer.Write(i);
                writer.Write(weights[i]);
            }
        }
    }

    /// <summary>Reads a model written by <see cref="Write"/>.</summary>
    public static LinearModel Read(BinaryReader reader)
    {
        var name = reader.ReadString();
        var classes = new string[reader.ReadInt32()];
        for (var c = 0; c < classes.Length; c++)
        {
            classes[c] = reader.ReadString();
        }
        var bits = reader.ReadInt32();
        if (bits is < 8 or > 24 || classes.Length is < 1 or > 64)
        {
            throw new InvalidDataException("Not an Earshot triage model (bad header).");
        }
        var bias = new float[classes.Length];
        for (var c = 0; c < bias.Length; c++)
        {
            bias[c] = reader.ReadSingle();
        }
        var weights = new float[(1 << bits) * classes.Length];
        var nonZero = reader.ReadInt32();
        for (var n = 0; n < nonZero; n++)
        {
            var i = reader.ReadInt32();
            if ((uint)i >= (uint)weights.Length)
            {
                throw new InvalidDataException("Not an Earshot triage model (weight out of range).");
            }
            weights[i] = reader.ReadSingle();
        }
        return new LinearModel(name, classes, bits, weights, bias);
    }
}
