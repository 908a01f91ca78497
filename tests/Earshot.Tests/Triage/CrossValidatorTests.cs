using Earshot.Triage;
using Earshot.Triage.Learning;

namespace Earshot.Tests.Triage;

public class CrossValidatorTests
{
    static IReadOnlyList<LabelledPost> Posts(int count, Func<int, string> label) =>
        Enumerable.Range(0, count).Select(i => new LabelledPost($"post number {i} unique token tok{i}x about thing {i % 7}", label(i))).ToList();

    [Fact]
    public void Run_EveryFold_NeverScoresAnExampleItTrainedOn()
    {
        var posts = Posts(50, i => i % 2 == 0 ? "complaint" : "other");
        var seen = new List<(IReadOnlyList<int> Train, IReadOnlyList<int> Test)>();

        var report = CrossValidator.Run(posts, 5, new TrainingOptions { IncludeSeedExamples = false }, (_, train, test) => seen.Add((train, test)));

        Assert.Equal(5, seen.Count);
        Assert.All(seen, fold => Assert.Empty(fold.Train.Intersect(fold.Test)));
        Assert.Equal(Enumerable.Range(0, 50), seen.SelectMany(f => f.Test).Order());
        Assert.Equal(50, report["intent"]!.Count);
    }

    [Fact]
    public void Run_RandomLabels_ScoresNearChanceAlthoughTrainingMemorises()
    {
        // Each post has a unique token, so a model can memorise its training set; honest folds cannot profit from that.
        var random = new Random(7);
        var labels = Enumerable.Range(0, 200).Select(_ => random.Next(2) == 0 ? "complaint" : "other").ToArray();
        var posts = Posts(200, i => labels[i]);
        var options = new TrainingOptions { IncludeSeedExamples = false, Epochs = 30, HashBits = 18 };
        var memorised = TriageEngine.Train(posts, options);
        var trainingAccuracy = posts.Count(p => memorised.Classify(new TriageInput(p.Text), BucketPolicy.Default).Intent.ToString()
            .Equals(p.Intent, StringComparison.OrdinalIgnoreCase)) / 200.0;

        var report = TriageEngine.CrossValidate(posts, 5, options);

        Assert.True(trainingAccuracy > 0.9, $"training accuracy {trainingAccuracy}");
        Assert.InRange(report["intent"]!.Accuracy, 0.3, 0.7);
    }

    [Fact]
    public void Run_LearnableLabels_ReportsEveryMetric()
    {
        var posts = Enumerable.Range(0, 60).Select(i => i % 2 == 0
            ? new LabelledPost($"@acme my order {i} never arrived, still waiting", "complaint", true, "care", "negative")
            : new LabelledPost($"@acme thanks, order {i} was perfect", "praise", false, "marketing", "positive")).ToList();

        var report = TriageEngine.CrossValidate(posts, 3);

        Assert.Equal(["intent", "actionable", "bucket", "sentiment"], report.Targets.Select(t => t.Target));
        var intent = report["intent"]!;
        Assert.True(intent.MacroF1 > 0.9);
        Assert.Equal(2, intent.PerClass.Count);
        Assert.Equal(60, intent.Confusion.Sum(row => row.Sum()));
        Assert.Contains("macro-F1", report.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void From_KnownPairs_ComputesPrecisionRecallF1()
    {
        var pairs = new[] { (0, 0), (0, 0), (0, 1), (1, 1), (1, 0), (1, 1) };

        var report = TargetReport.From("intent", ["complaint", "other"], pairs);

        Assert.Equal(2.0 / 3, report.PerClass[0].Precision, 3);
        Assert.Equal(2.0 / 3, report.PerClass[0].Recall, 3);
        Assert.Equal(4.0 / 6, report.Accuracy, 3);
        Assert.Equal([[2, 1], [1, 2]], report.Confusion.Select(r => r.ToArray()).ToArray());
    }
}
