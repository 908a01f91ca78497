using System.Diagnostics;
using System.Text;
using Earshot.Triage;
using Earshot.Triage.Learning;

namespace Earshot.Bench.Triage;

/// <summary>
/// Measures triage against public human-labelled data that stays outside the repository (its path is an argument):
/// sentiment correlation, complaint / actionable / spam detection out of the box and after cross-validated training,
/// and language identification. Prints figures only, never the data.
/// </summary>
static class QualityHarness
{
    public static int Run(string root, TextWriter output)
    {
        var clock = Stopwatch.StartNew();
        var engine = TriageEngine.Default;
        output.WriteLine($"default model: {engine.Model.ExampleCount} seed examples, trained in {engine.Model.TrainingTime.TotalMilliseconds:0} ms (first use {clock.ElapsedMilliseconds} ms)");
        Airline(Path.Combine(root, "twitter-us-airline-sentiment", "Tweets.csv"), engine, output);
        Sentiment(output, "sanders", Rows(Path.Combine(root, "sanders-twitter-corpus", "full-corpus.csv"), Encoding.UTF8)
            .Select(r => (r["TweetText"], r["Sentiment"] switch { "positive" => 1.0, "negative" => -1.0, "neutral" => 0.0, _ => double.NaN })), engine);
        Sentiment(output, "sentiment140-test", Rows(Path.Combine(root, "sentiment140-test", "testdata.manual.2009.06.14.csv"), Encoding.Latin1)
            .Select(r => (r["text"], r["polarity"] switch { "4" => 1.0, "0" => -1.0, "2" => 0.0, _ => double.NaN })), engine);
        Sentiment(output, "brands-products-emotions", Rows(Path.Combine(root, "brands-products-emotions", "judge-1377884607_tweet_product_company.csv"), Encoding.Latin1)
            .Select(r => (r["tweet_text"], r["is_there_an_emotion_directed_at_a_brand_or_product"] switch
            {
                "Positive emotion" => 1.0, "Negative emotion" => -1.0, "No emotion toward brand or product" => 0.0, _ => double.NaN,
            })), engine);
        Spam(Path.Combine(root, "sms-spam-collection", "SMSSpamCollection.tsv"), engine, output);
        Languages(Path.Combine(root, "langid-eld-lingua-shorttext"), engine, output);
        output.WriteLine($"total {clock.Elapsed.TotalSeconds:0.0} s");
        return 0;
    }

    static void Airline(string path, TriageEngine engine, TextWriter output)
    {
        var rows = Rows(path, Encoding.UTF8).Select(r => (Text: r["text"], Label: r["airline_sentiment"])).ToList();
        Sentiment(output, "airline", rows.Select(r => (r.Text, r.Label switch { "positive" => 1.0, "negative" => -1.0, _ => 0.0 })), engine);
        var results = rows.Select(r => engine.Classify(new TriageInput(r.Text), BucketPolicy.Default)).ToList();
        var truth = rows.Select(r => r.Label == "negative").ToList();
        output.WriteLine($"airline complaint (intent=complaint vs negative): {Binary(truth, results.Select(x => x.Intent == Intent.Complaint).ToList())}");
        output.WriteLine($"airline actionable (actionable vs negative): {Binary(truth, results.Select(x => x.Actionable).ToList())}");
        var labelled = rows.Select(r => new LabelledPost(r.Text, r.Label == "negative" ? "complaint" : "other", Sentiment: r.Label)).ToList();
        foreach (var seed in new[] { true, false })
        {
            var clock = Stopwatch.StartNew();
            var report = TriageEngine.CrossValidate(labelled, 5, new TrainingOptions { IncludeSeedExamples = seed, HashBits = 18 });
            output.WriteLine($"airline 5-fold CV (seed set {(seed ? "included" : "excluded")}, {clock.Elapsed.TotalSeconds:0.0} s):");
            output.WriteLine(report.ToString());
        }
    }

    static void Sentiment(TextWriter output, string name, IEnumerable<(string Text, double Label)> rows, TriageEngine engine)
    {
        var labelled = rows.Where(r => !double.IsNaN(r.Label)).ToList();
        var lexicon = labelled.Select(r => (Score: engine.AnalyzeSentiment(r.Text).Compound, r.Label)).ToList();
        output.WriteLine($"{name} sentiment, lexicon only: pearson r={Pearson(lexicon):0.000}");
        var pairs = labelled.Select(r => (Score: engine.Classify(new TriageInput(r.Text), BucketPolicy.Default).Sentiment.Compound, r.Label)).ToList();
        var polar = pairs.Where(p => p.Label != 0).ToList();
        var polarAccuracy = polar.Count(p => Math.Sign(p.Score) == Math.Sign(p.Label)) / (double)Math.Max(1, polar.Count);
        var three = pairs.Count(p => (p.Score >= 0.05 ? 1 : p.Score <= -0.05 ? -1 : 0) == (int)p.Label) / (double)Math.Max(1, pairs.Count);
        output.WriteLine($"{name} sentiment, as Classify reports it: n={pairs.Count} pearson r={Pearson(pairs):0.000} 3-class accuracy={three:0.000} polar sign accuracy={polarAccuracy:0.000} (n={polar.Count})");
    }

    static void Spam(string path, TriageEngine engine, TextWriter output)
    {
        var rows = File.ReadLines(path).Skip(1).Select(l => l.Split('\t', 2)).Where(p => p.Length == 2).ToList();
        var truth = rows.Select(r => r[0] == "spam").ToList();
        var predicted = rows.Select(r => engine.Classify(new TriageInput(r[1]), BucketPolicy.Default).Spam).ToList();
        output.WriteLine($"sms spam out of the box: {Binary(truth, predicted)}");
        var labelled = rows.Select(r => new LabelledPost(r[1], r[0] == "spam" ? "spam" : "other")).ToList();
        var report = TriageEngine.CrossValidate(labelled, 5, new TrainingOptions { IncludeSeedExamples = false, HashBits = 18 });
        output.WriteLine($"sms spam 5-fold CV: {report["intent"]!.PerClass.Single(c => c.Class == "spam")} accuracy {report["intent"]!.Accuracy:0.000}");
    }

    static void Languages(string directory, TriageEngine engine, TextWriter output)
    {
        string[] supported = ["en", "es", "fr", "de", "pt", "it", "nl", "ar", "he", "ru", "uk", "el", "zh", "ja", "ko", "th", "hi", "fa"];
        foreach (var file in new[] { "word-pairs_v3.txt", "single-words_v3.txt" })
        {
            var rows = File.ReadLines(Path.Combine(directory, file)).Select(l => l.Split('\t', 2)).Where(p => p.Length == 2).ToList();
            var ours = rows.Where(r => supported.Contains(r[0])).ToList();
            var guesses = ours.Select(r => (Truth: r[0], Guess: engine.IdentifyLanguage(r[1]))).ToList();
            var perLanguage = string.Join(" ", guesses.GroupBy(g => g.Truth).Select(g => $"{g.Key}={g.Count(x => x.Guess == g.Key) / (double)g.Count():0.00}"));
            output.WriteLine($"{file}: accuracy on our {supported.Length} languages {guesses.Count(g => g.Guess == g.Truth) / (double)guesses.Count:0.000} (und {guesses.Count(g => g.Guess == "und")}) | {perLanguage}");
            var all = rows.Select(r => (Truth: r[0] == "en", Guess: engine.IdentifyLanguage(r[1]) == "en")).ToList();
            output.WriteLine($"{file}: English vs the other {rows.Select(r => r[0]).Distinct().Count() - 1} languages: {Binary(all.Select(a => a.Truth).ToList(), all.Select(a => a.Guess).ToList())}");
        }
    }

    static string Binary(IReadOnlyList<bool> truth, IReadOnlyList<bool> predicted)
    {
        int tp = 0, fp = 0, fn = 0, tn = 0;
        for (var i = 0; i < truth.Count; i++)
        {
            (tp, fp, fn, tn) = (truth[i], predicted[i]) switch
            {
                (true, true) => (tp + 1, fp, fn, tn), (false, true) => (tp, fp + 1, fn, tn),
                (true, false) => (tp, fp, fn + 1, tn), _ => (tp, fp, fn, tn + 1),
            };
        }
        double F1(int t, int f1, int f2) => t == 0 ? 0 : 2.0 * t / (2.0 * t + f1 + f2);
        var positive = F1(tp, fp, fn);
        var negative = F1(tn, fn, fp);
        return $"P={(tp + fp == 0 ? 0 : tp / (double)(tp + fp)):0.000} R={(tp + fn == 0 ? 0 : tp / (double)(tp + fn)):0.000} F1={positive:0.000} macro-F1={(positive + negative) / 2:0.000} accuracy={(tp + tn) / (double)truth.Count:0.000} n={truth.Count}";
    }

    static double Pearson(IReadOnlyList<(double X, double Y)> pairs)
    {
        double mx = pairs.Average(p => p.X), my = pairs.Average(p => p.Y);
        double sxy = 0, sxx = 0, syy = 0;
        foreach (var (x, y) in pairs)
        {
            sxy += (x - mx) * (y - my);
            sxx += (x - mx) * (x - mx);
            syy += (y - my) * (y - my);
        }
        return sxy / Math.Sqrt(sxx * syy);
    }

    static IEnumerable<Dictionary<string, string>> Rows(string path, Encoding encoding)
    {
        using var reader = new StreamReader(path, encoding);
        string[]? header = null;
        foreach (var record in CsvReader.Read(reader))
        {
            if (header is null)
            {
                header = record;
                continue;
            }
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Length; i++)
            {
                row[header[i]] = i < record.Length ? record[i] : "";
            }
            yield return row;
        }
    }
}
