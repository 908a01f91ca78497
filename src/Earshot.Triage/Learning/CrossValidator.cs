namespace Earshot.Triage.Learning;

/// <summary>
/// K-fold cross-validation that cannot cheat: examples are dealt into K folds (seeded shuffle), and each fold is scored
/// only by a model trained on the other K-1 folds (plus the seed set when the options include it, which never holds
/// the data's own posts). Each target is scored by its own head, over the examples that label it.
/// </summary>
public static class CrossValidator
{
    /// <summary>Runs the cross-validation.</summary>
    public static EvaluationReport Run(IReadOnlyList<LabelledPost> examples, int folds, TrainingOptions options) =>
        Run(examples, folds, options, null);

    /// <summary>
    /// Runs the cross-validation; <paramref name="onFold"/> sees, per fold, the indices trained on and the indices scored
    /// (so tests can prove they never overlap).
    /// </summary>
    public static EvaluationReport Run(IReadOnlyList<LabelledPost> examples, int folds, TrainingOptions options,
        Action<int, IReadOnlyList<int>, IReadOnlyList<int>>? onFold)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(examples.Count, folds);
        var foldOf = Deal(examples.Count, folds, options.Seed);
        var targets = new[] { TriageModel.IntentHead, TriageModel.ActionableHead, TriageModel.BucketHead, TriageModel.SentimentHead };
        var classes = targets.ToDictionary(t => t, t => examples.Select(e => TriageModel.LabelOf(e, t)).OfType<string>()
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray());
        var pairs = targets.ToDictionary(t => t, _ => new List<(int, int)>());
        Span<float> p = stackalloc float[64];
        for (var fold = 0; fold < folds; fold++)
        {
            var train = Enumerable.Range(0, examples.Count).Where(i => foldOf[i] != fold).ToArray();
            var test = Enumerable.Range(0, examples.Count).Where(i => foldOf[i] == fold).ToArray();
            onFold?.Invoke(fold, train, test);
            var model = TriageModel.Train(train.Select(i => examples[i]), options);
            foreach (var i in test)
            {
                var features = TriageModel.Featurize(examples[i].Text, model.Bits);
                foreach (var target in targets)
                {
                    if (TriageModel.LabelOf(examples[i], target) is not { } label || model.Head(target) is not { } head)
                    {
                        continue;
                    }
                    head.Predict(features, p);
                    var predicted = Best(head, p, classes[target]);
                    pairs[target].Add((Array.IndexOf(classes[target], label), predicted));
                }
            }
        }
        var reports = targets.Where(t => classes[t].Length >= 2 && pairs[t].Count > 0)
            .Select(t => TargetReport.From(t, classes[t], pairs[t])).ToList();
        return new EvaluationReport(folds, examples.Count, reports, foldOf);
    }

    /// <summary>The most probable of the data's own classes (a head trained with the seed set may know more classes).</summary>
    static int Best(LinearModel head, ReadOnlySpan<float> p, string[] classes)
    {
        int best = 0;
        var bestP = -1f;
        for (var c = 0; c < classes.Length; c++)
        {
            var h = head.IndexOf(classes[c]);
            if (h >= 0 && p[h] > bestP)
            {
                (best, bestP) = (c, p[h]);
            }
        }
        return best;
    }

    /// <summary>Deals example indices into folds of equal size, in a seeded random order.</summary>
    public static int[] Deal(int count, int folds, int seed)
    {
        var order = Enumerable.Range(0, count).ToArray();
        new Random(seed).Shuffle(order);
        var foldOf = new int[count];
        for (var k = 0; k < count; k++)
        {
            foldOf[order[k]] = k % folds;
        }
        return foldOf;
    }
}
