using System.CommandLine;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Earshot.Core.Data;
using Earshot.Core.Demo;
using Earshot.Core.Ingestion;
using Earshot.Core.Pipeline;
using Earshot.Core.Routing;
using Earshot.Core.Workspaces;
using Earshot.Hosting;
using Earshot.Triage;
using Earshot.Triage.Listening;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Spectre.Console;

namespace Earshot.Cli;

/// <summary>
/// <c>earshot bench</c>: what the pipeline costs on this machine — triage, classify JSON end to end, rule matching,
/// the router (<see cref="RoutingBench"/>), ingest + pipeline on an embedded SQLite file, and with <c>--postgres</c> post
/// arrival → offer end to end. BenchmarkDotNet figures are in bench/Earshot.Bench.
/// </summary>
public static class BenchCommand
{
    public static Command Build()
    {
        var posts = new Option<int>("--posts") { Description = "Posts per measurement", DefaultValueFactory = _ => 50_000 };
        var routing = new Option<bool>("--routing") { Description = "Only the routing measures" };
        var postgres = new Option<string?>("--postgres")
        {
            Description = "A PostgreSQL server connection string (e.g. \"Host=127.0.0.1;Port=5433;Username=postgres\"): also measure post arrival → offer "
                          + "end to end through a server on a new database there, dropped afterwards",
        };
        var rate = new Option<int>("--rate") { Description = "Care posts per second for the end-to-end measure", DefaultValueFactory = _ => 100 };
        var seconds = new Option<int>("--seconds") { Description = "How long the end-to-end measure posts", DefaultValueFactory = _ => 20 };
        var command = new Command("bench", "Measure the pipeline's throughput and latency on this machine") { posts, routing, postgres, rate, seconds };
        command.SetAction(async (result, ct) =>
        {
            var table = new Table().AddColumns("measure", "throughput", "latency");
            if (!result.GetValue(routing))
            {
                await RunAsync(table, Math.Clamp(result.GetValue(posts), 1_000, 5_000_000), ct);
            }
            RoutingBench.Pure(table, new DateTime(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc));
            if (result.GetValue(postgres) is { Length: > 0 } server)
            {
                try
                {
                    await RoutingBench.EndToEndAsync(table, server, Math.Clamp(result.GetValue(rate), 1, 10_000), Math.Clamp(result.GetValue(seconds), 1, 3600), ct);
                }
                catch (NpgsqlException ex)
                {
                    AnsiConsole.Write(table);
                    Console.Error.WriteLine($"earshot bench: cannot use the PostgreSQL server given with --postgres: {ex.Message}");
                    return 2;
                }
            }
            AnsiConsole.Write(table);
            AnsiConsole.MarkupLine($"[grey]{Environment.ProcessorCount} cores, .NET {Environment.Version}.[/]");
            return 0;
        });
        return command;
    }

    static async Task RunAsync(Table table, int count, CancellationToken ct)
    {
        var generator = new DemoPostGenerator(1720);
        var start = new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
        var docs = Enumerable.Range(0, count).Select(i => generator.Next(start.AddSeconds(i))).ToList();
        var engine = TriageEngine.Default;

        // Triage, one core: every post classified once, warm-up first so the default model is trained.
        engine.Classify(new TriageInput(docs[0].Text!), BucketPolicy.Default);
        var perPost = new double[count];
        var total = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var t = Stopwatch.GetTimestamp();
            var d = docs[i];
            engine.Classify(new TriageInput(d.Text!, d.Platform, null, d.Author!.Followers, d.Author.Verified, d.Metrics!.Likes, d.Metrics.Reposts), BucketPolicy.Default);
            perPost[i] = Stopwatch.GetElapsedTime(t).TotalMicroseconds;
        }
        table.AddRow("triage (one core)", Rate(count, total.Elapsed), Percentiles(perPost, "µs"));

        var jsonLines = string.Join('\n', docs.Select(d => JsonSerializer.Serialize(d)));
        total.Restart();
        ClassifyCommand.Classify(new StringReader(jsonLines), Stream.Null, engine, BucketPolicy.Default, start, ct);
        table.AddRow("classify JSON in → JSON out", Rate(count, total.Elapsed), "");

        var rules = new ListeningRuleSet(Enumerable.Range(0, 100).Select(i => ((long)i, $"(\"brand{i} air\" OR @brand{i} OR #brand{i}fail) AND NOT hiring")).Append((100, "\"acme air\" OR @acmeair OR #acmefail")));
        var matched = new List<long>();
        total.Restart();
        foreach (var d in docs)
        {
            matched.Clear();
            rules.Match(new ListeningPost(d.Text!, d.Author!.Handle, d.Platform), matched);
        }
        table.AddRow("listening: 101 rules per post", Rate(count, total.Elapsed), $"{total.Elapsed.TotalMicroseconds / count:0.00} µs/post");

        var pipelineCount = Math.Min(count, 20_000);
        var (ingest, pipeline) = await PipelineAsync(docs.Take(pipelineCount).ToList(), ct);
        table.AddRow($"SQLite: ingest {pipelineCount:N0} posts", Rate(pipelineCount, ingest), "batches of 500");
        table.AddRow("SQLite: listen, triage, thread", Rate(pipelineCount, pipeline), $"batches of {PostPipeline.BatchSize}");

        AnsiConsole.MarkupLine($"[grey]{count:N0} demo posts.[/]");
    }

    static async Task<(TimeSpan Ingest, TimeSpan Pipeline)> PipelineAsync(List<PostDocument> docs, CancellationToken ct)
    {
        var path = Path.Combine(Path.GetTempPath(), $"earshot-bench-{Guid.NewGuid():N}.db");
        Environment.SetEnvironmentVariable("ConnectionStrings__Earshot", $"Data Source={path}");
        Environment.SetEnvironmentVariable("Earshot__Database__Provider", "Sqlite");
        try
        {
            using var host = CliHost.Create();
            var workspace = await host.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(ct);
            var contexts = host.Services.GetRequiredService<IDbContextFactory<EarshotDbContext>>();
            var ingestor = host.Services.GetRequiredService<PostIngestor>();
            var pipeline = host.Services.GetRequiredService<PostPipeline>();
            await using var db = await contexts.CreateDbContextAsync(ct);
            var source = await WorkspaceProvisioner.SourceAsync(db, workspace.Id, WorkspaceProvisioner.ImportSourceName, ct);
            var now = DateTime.UtcNow;
            var watch = Stopwatch.StartNew();
            foreach (var chunk in docs.Chunk(500))
            {
                await using var batchDb = await contexts.CreateDbContextAsync(ct);
                await ingestor.IngestAsync(batchDb, [.. chunk.Select(d => PostNormalizer.Normalize(d, workspace.Id, source.Id, now).Post!)], ct);
            }
            var ingest = watch.Elapsed;
            watch.Restart();
            while (await pipeline.RunOnceAsync(db, ct) > 0)
            {
            }
            return (ingest, watch.Elapsed);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    static string Rate(int count, TimeSpan elapsed) => $"{count / elapsed.TotalSeconds:N0} posts/s";

    static string Percentiles(double[] values, string unit)
    {
        Array.Sort(values);
        var sb = new StringBuilder();
        sb.Append($"p50 {values[values.Length / 2]:0.0} {unit}, p99 {values[(int)(values.Length * 0.99)]:0.0} {unit}");
        return sb.ToString();
    }
}
