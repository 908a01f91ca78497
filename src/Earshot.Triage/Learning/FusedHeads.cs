namespace Earshot.Triage.Learning;

/// <summary>
/// Several heads' weights interleaved into one table (row = every head's classes for one hash bucket), so scoring a
/// post reads one cache line per feature instead of one per feature per head. Built once per engine.
/// </summary>
sealed class FusedHeads
{
    readonly int stride;
    readonly float[] weights;
    readonly float[] bias;
    readonly int[] offsets;
    readonly int[] counts;
    readonly float[] means; // per row and head: the mean weight, so a contribution is two loads

    public FusedHeads(IReadOnlyList<LinearModel> heads)
    {
        offsets = new int[heads.Count];
        counts = new int[heads.Count];
        for (var h = 0; h < heads.Count; h++)
        {
            offsets[h] = stride;
            counts[h] = heads[h].Classes.Count;
            stride += counts[h];
        }
        var rows = heads.Count == 0 ? 0 : 1 << heads[0].Bits;
        weights = new float[rows * stride];
        bias = new float[stride];
        means = new float[rows * heads.Count];
        for (var h = 0; h < heads.Count; h++)
        {
            var source = heads[h].Weights;
            var k = counts[h];
            heads[h].Bias.CopyTo(bias.AsSpan(offsets[h]));
            for (var row = 0; row < rows; row++)
            {
                var cells = source.Slice(row * k, k);
                cells.CopyTo(weights.AsSpan(row * stride + offsets[h], k));
                var sum = 0f;
                foreach (var w in cells)
                {
                    sum += w;
                }
                means[row * heads.Count + h] = sum / k;
            }
        }
    }

    /// <summary>Width of the output: every head's classes, head after head.</summary>
    public int Width => stride;

    /// <summary>Where head <paramref name="h"/>'s probabilities start in the output.</summary>
    public int Offset(int h) => offsets[h];

    /// <summary>
    /// How much one feature pushes head <paramref name="h"/> towards class <paramref name="c"/> against the head's mean,
    /// before the post's feature scaling (the same for every feature of a post, so rankings do not need it).
    /// </summary>
    public float RawContribution(int feature, int h, int c) =>
        weights[feature * stride + offsets[h] + c] - means[feature * offsets.Length + h];

    /// <summary>Writes every head's class probabilities into <paramref name="output"/> (at least <see cref="Width"/> long).</summary>
    public void Predict(ReadOnlySpan<int> features, Span<float> output)
    {
        var scores = output[..stride];
        bias.CopyTo(scores);
        var x = LinearModel.Scale(features.Length);
        var table = weights.AsSpan();
        foreach (var f in features)
        {
            var row = table.Slice(f * stride, stride);
            for (var c = 0; c < row.Length; c++)
            {
                scores[c] += row[c] * x;
            }
        }
        for (var h = 0; h < offsets.Length; h++)
        {
            LinearModel.Softmax(scores.Slice(offsets[h], counts[h]));
        }
    }
}
