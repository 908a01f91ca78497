using BenchmarkDotNet.Attributes;
using Earshot.Triage;
using Earshot.Triage.Language;
using Earshot.Triage.Sentiment;
using Earshot.Triage.Text;

namespace Earshot.Bench.Triage;

/// <summary>
/// Cost per post of each triage stage, over about a thousand different posts per operation
/// (OperationsPerInvoke makes the reported mean a per-post figure).
/// </summary>
[MemoryDiagnoser]
public class TriageBenchmarks
{
    readonly string[] texts = TriageCorpus.Texts;
    readonly TriageInput[] inputs = TriageCorpus.Inputs;
    readonly Token[] tokens = new Token[512];
    TriageEngine engine = null!;

    [GlobalSetup]
    public void Setup()
    {
        engine = TriageEngine.Default;
        _ = SentimentAnalyzer.Default;
        _ = LanguageIdentifier.Default;
    }

    const int Posts = 1000;

    [Benchmark(OperationsPerInvoke = Posts)]
    public int Tokenize()
    {
        var total = 0;
        for (var i = 0; i < Posts; i++)
        {
            total += Tokenizer.Tokenize(texts[i % texts.Length], tokens);
        }
        return total;
    }

    [Benchmark(OperationsPerInvoke = Posts)]
    public double Sentiment()
    {
        var total = 0.0;
        for (var i = 0; i < Posts; i++)
        {
            total += SentimentAnalyzer.Default.Analyze(texts[i % texts.Length]).Compound;
        }
        return total;
    }

    [Benchmark(OperationsPerInvoke = Posts)]
    public int Language()
    {
        var total = 0;
        for (var i = 0; i < Posts; i++)
        {
            total += engine.IdentifyLanguage(texts[i % texts.Length]).Length;
        }
        return total;
    }

    [Benchmark(OperationsPerInvoke = Posts)]
    public int Classify()
    {
        var total = 0;
        for (var i = 0; i < Posts; i++)
        {
            total += (int)engine.Classify(inputs[i % inputs.Length], BucketPolicy.Default).Bucket;
        }
        return total;
    }
}
