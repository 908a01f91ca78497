using System.Diagnostics;
using Earshot.Triage;
using Earshot.Triage.Language;
using Earshot.Triage.Learning;
using Earshot.Triage.Rules;
using Earshot.Triage.Sentiment;
using Earshot.Triage.Text;

namespace Earshot.Bench.Triage;

/// <summary>A quick per-stage split of Classify's cost (Stopwatch, not BenchmarkDotNet): where to look when it gets slower.</summary>
static class StageTimer
{
    public static int Run(TextWriter output)
    {
        var texts = TriageCorpus.Texts;
        var engine = TriageEngine.Default;
        var tokens = new Token[512];
        var hashes = new uint[512];
        Span<int> features = stackalloc int[FeatureExtractor.MaxFeatures];
        Span<FeatureOrigin> origins = stackalloc FeatureOrigin[FeatureExtractor.MaxFeatures];
        Span<int> fired = stackalloc int[8];
        var intent = engine.Model.Head(TriageModel.IntentHead)!;
        var actionable = engine.Model.Head(TriageModel.ActionableHead)!;
        var fused = new FusedHeads([intent, actionable]);
        Span<float> all = stackalloc float[fused.Width];
        const int rounds = 150;
        const int warmup = 100;
        var times = new double[8];
        var clock = new Stopwatch();
        var because = new Dictionary<string, int>();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var text in texts)
            {
                clock.Restart();
                var n = Tokenizer.Tokenize(text, tokens);
                var t0 = clock.Elapsed.TotalNanoseconds;
                var mood = SentimentAnalyzer.Default.Analyze(text, tokens.AsSpan(0, n), out _);
                var t1 = clock.Elapsed.TotalNanoseconds;
                var f = FeatureExtractor.Extract(text, tokens.AsSpan(0, n), mood, engine.Model.Bits, features, origins, hashes);
                var t2 = clock.Elapsed.TotalNanoseconds;
                var guess = LanguageIdentifier.Default.Identify(text, tokens.AsSpan(0, n), hashes.AsSpan(0, n));
                if (round == 0)
                {
                    because[guess.Because] = because.GetValueOrDefault(guess.Because) + 1;
                }
                var t3 = clock.Elapsed.TotalNanoseconds;
                fused.Predict(features[..f], all);
                var t4 = clock.Elapsed.TotalNanoseconds;
                CueRules.Default.Match(text, tokens.AsSpan(0, n), hashes.AsSpan(0, n), fired);
                var t5 = clock.Elapsed.TotalNanoseconds;
                FeatureNamer.Explain(fused, 0, 0, all[0], text, tokens.AsSpan(0, n), features[..f], origins[..f], 3);
                FeatureNamer.Explain(fused, 1, 0, all[7], text, tokens.AsSpan(0, n), features[..f], origins[..f], 2);
                var t7 = clock.Elapsed.TotalNanoseconds;
                times[7] += round >= warmup ? t7 - t5 : 0;
                t5 = clock.Elapsed.TotalNanoseconds;
                engine.Classify(new TriageInput(text), BucketPolicy.Default);
                var t6 = clock.Elapsed.TotalNanoseconds;
                if (round >= warmup)
                {
                    times[0] += t0; times[1] += t1 - t0; times[2] += t2 - t1; times[3] += t3 - t2;
                    times[4] += t4 - t3; times[5] += t5 - t4; times[6] += t6 - t5;
                }
            }
        }
        string[] names = ["tokenize", "sentiment", "features", "language", "predict (fused)", "cue rules", "whole Classify", "explain (2 heads)"];
        var posts = (rounds - warmup) * texts.Length;
        for (var s = 0; s < names.Length; s++)
        {
            output.WriteLine($"{names[s],-18} {times[s] / posts,8:0} ns/post");
        }
        output.WriteLine($"throughput of Classify on one core: {1e9 / (times[6] / posts):N0} posts/s");
        output.WriteLine("language decided by: " + string.Join(", ", because.Select(b => $"{b.Key} {b.Value}")));
        return 0;
    }
}
