using System.CommandLine;
using System.Text.Json;
using Earshot.Core.Ingestion;
using Earshot.Core.Prioritisation;
using Earshot.Triage;

namespace Earshot.Cli;

/// <summary>
/// <c>earshot classify [FILE|-]</c>: posts as JSON lines in, one line of triage JSON per post out, same order,
/// streaming in constant memory. A malformed line gives an error object with its line number, not a crash.
/// </summary>
public static class ClassifyCommand
{
    public static Command Build()
    {
        var file = new Argument<string>("FILE") { Description = "JSON lines of posts; '-' or nothing reads standard input", DefaultValueFactory = _ => "-" };
        var model = new Option<FileInfo?>("--model") { Description = "A model written by `earshot train` (default: the built-in model)" };
        var command = new Command("classify", "Triage posts from JSON lines and write one JSON line of triage per post") { file, model };
        command.SetAction(async (result, ct) =>
        {
            var engine = TriageEngine.Default;
            if (result.GetValue(model) is { } modelFile)
            {
                if (!modelFile.Exists)
                {
                    await Console.Error.WriteLineAsync($"earshot classify: model {modelFile.FullName} does not exist.");
                    return 2;
                }
                try
                {
                    await using var stream = modelFile.OpenRead();
                    engine = TriageEngine.Load(stream);
                }
                catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or FormatException)
                {
                    await Console.Error.WriteLineAsync($"earshot classify: {modelFile.Name} : {ex.Message}");
                    return 2;
                }
            }
            return await RunAsync(result.GetValue(file)!, engine, BucketPolicy.Default, ct);
        });
        return command;
    }

    public static async Task<int> RunAsync(string path, TriageEngine engine, BucketPolicy policy, CancellationToken ct)
    {
        if (path != "-" && !File.Exists(path))
        {
            await Console.Error.WriteLineAsync($"earshot classify: {path} does not exist.");
            return 2;
        }
        using var input = path == "-" ? new StreamReader(Console.OpenStandardInput()) : new StreamReader(path);
        await using var output = new BufferedStream(Console.OpenStandardOutput(), 1 << 16);
        var count = Classify(input, output, engine, policy, TimeProvider.System.GetUtcNow(), ct);
        await output.FlushAsync(ct);
        return count.Errors > 0 && count.Posts == 0 ? 1 : 0;
    }

    /// <summary>Classifies every line of the reader into the stream. Returns posts classified and lines in error.</summary>
    public static (long Posts, long Errors) Classify(TextReader input, Stream output, TriageEngine engine, BucketPolicy policy, DateTimeOffset now, CancellationToken ct)
    {
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { SkipValidation = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        long posts = 0, errors = 0;
        foreach (var (line, doc, error) in PostFileReader.ReadJsonLines(input))
        {
            ct.ThrowIfCancellationRequested();
            if (doc is null || string.IsNullOrEmpty(doc.Text))
            {
                errors++;
                WriteError(writer, line, doc?.Id, error ?? "text is required");
            }
            else
            {
                posts++;
                Write(writer, doc, engine, policy, now);
            }
            writer.Flush();
            output.WriteByte((byte)'\n');
            writer.Reset();
        }
        return (posts, errors);
    }

    static void Write(Utf8JsonWriter w, PostDocument doc, TriageEngine engine, BucketPolicy policy, DateTimeOffset now)
    {
        var author = doc.Author;
        var metrics = doc.Metrics;
        var triage = engine.Classify(new TriageInput(doc.Text!, doc.Platform, doc.Lang, author?.Followers ?? 0, author?.Verified ?? false,
            metrics?.Likes ?? 0, metrics?.Reposts ?? 0), policy);
        // Without a posting time, spread is judged over an hour so the output does not depend on when it runs.
        var minutes = doc.CreatedAt is { } created ? Math.Max(1, (now - created).TotalMinutes) : 60;
        var score = PriorityScorer.Score(new PriorityInput(triage.Sentiment.Compound, triage.Intent, triage.Risks,
            author?.Followers ?? 0, author?.Verified ?? false, null, 0, metrics?.Likes ?? 0, metrics?.Reposts ?? 0, minutes, 0), PriorityPolicy.Default);

        w.WriteStartObject();
        if (doc.Id is null) { w.WriteNull("id"); } else { w.WriteString("id", doc.Id); }
        w.WriteString("lang", triage.Language);
        w.WriteStartObject("sentiment");
        w.WriteNumber("compound", Math.Round(triage.Sentiment.Compound, 4));
        w.WriteNumber("pos", Math.Round(triage.Sentiment.Pos, 4));
        w.WriteNumber("neu", Math.Round(triage.Sentiment.Neu, 4));
        w.WriteNumber("neg", Math.Round(triage.Sentiment.Neg, 4));
        w.WriteEndObject();
        w.WriteString("intent", Names.Of(triage.Intent));
        w.WriteBoolean("actionable", triage.Actionable);
        w.WriteNumber("actionable_score", Math.Round(triage.ActionableScore, 4));
        w.WriteBoolean("spam", triage.Spam);
        w.WriteStartArray("risks");
        foreach (var risk in Names.Risks)
        {
            if (triage.Risks.HasFlag(risk.Flag))
            {
                w.WriteStringValue(risk.Name);
            }
        }
        w.WriteEndArray();
        w.WriteString("bucket", Names.Of(triage.Bucket));
        w.WriteNumber("priority", score.Total);
        w.WriteStartObject("priority_parts");
        foreach (var (part, points) in score.Parts)
        {
            w.WriteNumber(part, points);
        }
        w.WriteEndObject();
        w.WriteStartArray("reasons");
        foreach (var reason in triage.Reasons)
        {
            w.WriteStartObject();
            w.WriteString("decision", reason.Decision);
            w.WriteString("because", reason.Because);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    static void WriteError(Utf8JsonWriter w, long line, string? id, string error)
    {
        w.WriteStartObject();
        if (id is null) { w.WriteNull("id"); } else { w.WriteString("id", id); }
        w.WriteNumber("line", line);
        w.WriteString("error", error);
        w.WriteEndObject();
    }

    /// <summary>Lower-case names of the enums, computed once (enum ToString allocates on the hot path).</summary>
    static class Names
    {
        static readonly string[] Intents = [.. Enum.GetValues<Intent>().Select(v => v.ToString().ToLowerInvariant())];
        static readonly string[] Buckets = [.. Enum.GetValues<Bucket>().Select(v => v.ToString().ToLowerInvariant())];
        public static readonly (RiskFlags Flag, string Name)[] Risks =
            [.. Enum.GetValues<RiskFlags>().Where(r => r != RiskFlags.None).Select(r => (r, r.ToString().ToLowerInvariant()))];

        public static string Of(Intent intent) => Intents[(int)intent];
        public static string Of(Bucket bucket) => Buckets[(int)bucket];
    }
}
