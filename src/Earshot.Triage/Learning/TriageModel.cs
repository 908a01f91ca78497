using System.Diagnostics;
using Earshot.Triage.Text;
using Earshot.Triage.Sentiment;

namespace Earshot.Triage.Learning;

/// <summary>
/// The trained part of triage: one <see cref="LinearModel"/> per labelled target ("intent", "actionable", and, when the
/// training data labels them, "bucket" and "sentiment"), all over the same hashed features.
/// </summary>
public sealed class TriageModel
{
    /// <summary>Target names.</summary>
    public const string IntentHead = "intent", ActionableHead = "actionable", BucketHead = "bucket", SentimentHead = "sentiment";

    static ReadOnlySpan<byte> Magic => "ESTM"u8;
    const int Version = 1;

    readonly Dictionary<string, LinearModel> heads;

    TriageModel(int bits, Dictionary<string, LinearModel> heads, int exampleCount, TimeSpan trainingTime)
    {
        (Bits, this.heads, ExampleCount, TrainingTime) = (bits, heads, exampleCount, trainingTime);
    }

    /// <summary>Hash bits shared by all heads.</summary>
    public int Bits { get; }

    /// <summary>Examples the model was trained on (seed set included).</summary>
    public int ExampleCount { get; }

    /// <summary>How long training took (featurising included).</summary>
    public TimeSpan TrainingTime { get; }

    /// <summary>The trained targets.</summary>
    public IReadOnlyDictionary<string, LinearModel> Heads => heads;

    /// <summary>The head for a target, or null when the training data did not label it.</summary>
    public LinearModel? Head(string target) => heads.GetValueOrDefault(target);

    /// <summary>Trains every target that the examples label with at least two distinct values.</summary>
    public static TriageModel Train(IEnumerable<LabelledPost> examples, TrainingOptions options)
    {
        var clock = Stopwatch.StartNew();
        var posts = options.IncludeSeedExamples ? examples.Concat(SeedSet.Examples).ToList() : examples.ToList();
        var features = posts.Select(p => Featurize(p.Text, options.HashBits)).ToArray();
        var heads = new Dictionary<string, LinearModel>(StringComparer.Ordinal);
        foreach (var target in new[] { IntentHead, ActionableHead, BucketHead, SentimentHead })
        {
            var labelled = new List<(int[] Features, string Label)>();
            for (var i = 0; i < posts.Count; i++)
            {
                if (LabelOf(posts[i], target) is { } label)
                {
                    labelled.Add((features[i], label));
                }
            }
            var classes = labelled.Select(l => l.Label).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            if (classes.Length < 2)
            {
                continue;
            }
            var data = labelled.Select(l => (l.Features, Array.IndexOf(classes, l.Label))).ToArray();
            heads[target] = LinearModel.Train(target, classes, data, options);
        }
        return new TriageModel(options.HashBits, heads, posts.Count, clock.Elapsed);
    }

    /// <summary>The label of a post for a target, normalised to lower case; null when the post does not label it.</summary>
    public static string? LabelOf(LabelledPost post, string target) => target switch
    {
        IntentHead => post.Intent?.Trim().ToLowerInvariant() is { Length: > 0 } intent ? intent : null,
        ActionableHead => post.Actionable is { } yes ? (yes ? "yes" : "no") : null,
        BucketHead => post.Bucket?.Trim().ToLowerInvariant() is { Length: > 0 } bucket ? bucket : null,
        SentimentHead => post.Sentiment?.Trim().ToLowerInvariant() is { Length: > 0 } sentiment ? sentiment : null,
        _ => null,
    };

    /// <summary>The feature indices of a text, as the models see it.</summary>
    public static int[] Featurize(string text, int bits)
    {
        var tokens = new Token[Math.Clamp(text.Length, 16, TriageLimits.MaxTokens)];
        var count = Tokenizer.Tokenize(text, tokens);
        var sentiment = SentimentAnalyzer.Default.Analyze(text, tokens.AsSpan(0, count), out _);
        Span<int> indices = stackalloc int[FeatureExtractor.MaxFeatures];
        Span<FeatureOrigin> origins = stackalloc FeatureOrigin[FeatureExtractor.MaxFeatures];
        var n = FeatureExtractor.Extract(text, tokens.AsSpan(0, count), sentiment, bits, indices, origins);
        return indices[..n].ToArray();
    }

    /// <summary>Writes the model in Earshot's binary format.</summary>
    public void Write(Stream stream)
    {
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(Version);
        writer.Write(Bits);
        writer.Write(ExampleCount);
        writer.Write(TrainingTime.Ticks);
        writer.Write(heads.Count);
        foreach (var head in heads.Values)
        {
            head.Write(writer);
        }
    }

    /// <summary>Reads a model written by <see cref="Write"/>; throws <see cref="InvalidDataException"/> for anything else.</summary>
    public static TriageModel Read(Stream stream)
    {
        try
        {
            return ReadModel(stream);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("Not an Earshot triage model (truncated).", e);
        }
    }

    static TriageModel ReadModel(Stream stream)
    {
        using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        Span<byte> magic = stackalloc byte[4];
        if (reader.Read(magic) != 4 || !magic.SequenceEqual(Magic) || reader.ReadInt32() != Version)
        {
            throw new InvalidDataException("Not an Earshot triage model (expected the ESTM header, version 1).");
        }
        var bits = reader.ReadInt32();
        var examples = reader.ReadInt32();
        var time = TimeSpan.FromTicks(reader.ReadInt64());
        var count = reader.ReadInt32();
        var heads = new Dictionary<string, LinearModel>(StringComparer.Ordinal);
        for (var h = 0; h < count; h++)
        {
            var head = LinearModel.Read(reader);
            if (head.Bits != bits)
            {
                throw new InvalidDataException("Not an Earshot triage model (heads disagree on hash bits).");
            }
            heads[head.Name] = head;
        }
        return new TriageModel(bits, heads, examples, time);
    }
}
