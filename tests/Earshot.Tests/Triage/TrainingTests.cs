using Earshot.Triage;
using Earshot.Triage.Learning;

namespace Earshot.Tests.Triage;

public class TrainingTests
{
    static readonly LabelledPost[] Corrections =
    [
        .. Enumerable.Range(0, 30).Select(i => new LabelledPost($"@ZebraCo the zorblax widget {i} is squeaking again", "complaint", true, "care")),
        .. Enumerable.Range(0, 30).Select(i => new LabelledPost($"@ZebraCo reading about widgets number {i} tonight", "other", false, "analytics")),
    ];

    [Fact]
    public void Train_SaveLoad_ClassifiesTheSame()
    {
        var engine = TriageEngine.Train(Corrections);
        using var stream = new MemoryStream();

        engine.Save(stream);
        stream.Position = 0;
        var loaded = TriageEngine.Load(stream);

        var input = new TriageInput("@ZebraCo my zorblax is squeaking");
        Assert.Equal(engine.Classify(input, BucketPolicy.Default), loaded.Classify(input, BucketPolicy.Default), new ResultComparer());
        Assert.Equal(Intent.Complaint, loaded.Classify(input, BucketPolicy.Default).Intent);
    }

    [Fact]
    public void Train_WorkspaceCorrections_AreLearned()
    {
        var engine = TriageEngine.Train(Corrections);

        var result = engine.Classify(new TriageInput("the zorblax squeaking is back @ZebraCo"), BucketPolicy.Default);

        Assert.Equal(Intent.Complaint, result.Intent);
        Assert.True(result.Actionable);
    }

    [Fact]
    public void Train_WithoutSeedSet_KeepsOnlyLabelledTargets()
    {
        var posts = Corrections.Select(p => p with { Actionable = null, Bucket = null });

        var engine = TriageEngine.Train(posts, new TrainingOptions { IncludeSeedExamples = false });

        Assert.Equal([TriageModel.IntentHead], engine.Model.Heads.Keys);
        Assert.Equal(Intent.Complaint, engine.Classify(new TriageInput("zorblax squeaking"), BucketPolicy.Default).Intent);
    }

    [Fact]
    public void Load_NotAModel_ThrowsInvalidData()
    {
        using var stream = new MemoryStream("hello world, not a model"u8.ToArray());

        Assert.Throws<InvalidDataException>(() => TriageEngine.Load(stream));
    }

    [Fact]
    public void Load_TruncatedModel_ThrowsInvalidData()
    {
        using var full = new MemoryStream();
        TriageEngine.Train(Corrections, new TrainingOptions { IncludeSeedExamples = false }).Save(full);
        using var truncated = new MemoryStream(full.ToArray()[..(int)(full.Length / 2)]);

        Assert.Throws<InvalidDataException>(() => TriageEngine.Load(truncated));
    }

    [Fact]
    public void SeedSet_Generated_HasThousandsOfPostsInEveryIntentAndLanguage()
    {
        var seed = SeedSet.Examples;

        Assert.InRange(seed.Count, 2000, 10_000);
        Assert.All(Enum.GetNames<Intent>(), intent => Assert.Contains(seed, p => p.Intent == intent.ToLowerInvariant()));
        var languages = seed.Select(p => TriageEngine.Default.IdentifyLanguage(p.Text)).ToHashSet();
        Assert.Superset(new HashSet<string> { "en", "es", "fr", "de", "pt", "it", "nl" }, languages);
    }

    [Fact]
    public void DefaultEngine_TrainsQuickly()
    {
        var model = TriageEngine.Default.Model;

        Assert.True(model.TrainingTime < TimeSpan.FromSeconds(5), model.TrainingTime.ToString());
        Assert.Contains(TriageModel.IntentHead, model.Heads.Keys);
        Assert.Contains(TriageModel.ActionableHead, model.Heads.Keys);
    }

    sealed class ResultComparer : IEqualityComparer<TriageResult>
    {
        public bool Equals(TriageResult? x, TriageResult? y) => x is not null && y is not null
            && (x.Language, x.Sentiment, x.Intent, x.Actionable, x.ActionableScore, x.Spam, x.Risks, x.Bucket)
            == (y.Language, y.Sentiment, y.Intent, y.Actionable, y.ActionableScore, y.Spam, y.Risks, y.Bucket)
            && x.Reasons.SequenceEqual(y.Reasons);

        public int GetHashCode(TriageResult obj) => obj.Intent.GetHashCode();
    }
}
