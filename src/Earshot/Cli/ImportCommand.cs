using System.CommandLine;
using Earshot.Core.Data;
using Earshot.Core.Ingestion;
using Earshot.Core.Pipeline;
using Earshot.Core.Workspaces;
using Earshot.Hosting;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;

namespace Earshot.Cli;

/// <summary>
/// <c>earshot import FILE</c>: stores the file's posts (JSON lines or CSV) in the default workspace and runs them
/// through listening, triage, bucketing and threading, with a progress bar. Bad lines are reported, not fatal.
/// </summary>
public static class ImportCommand
{
    const int BatchSize = 500;

    public static Command Build()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "Posts as JSON lines (the post JSON) or CSV with a header row" };
        var command = new Command("import", "Push posts from a file through the whole pipeline") { file };
        command.SetAction(async (result, ct) => await RunAsync(result.GetValue(file)!, ct));
        return command;
    }

    static async Task<int> RunAsync(FileInfo file, CancellationToken ct)
    {
        if (!file.Exists)
        {
            await Console.Error.WriteLineAsync($"earshot import: {file.FullName} does not exist.");
            return 2;
        }
        using var host = CliHost.Create();
        var services = host.Services;
        var workspace = await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(ct);
        var contexts = services.GetRequiredService<IDbContextFactory<EarshotDbContext>>();
        var ingestor = services.GetRequiredService<PostIngestor>();
        var pipeline = services.GetRequiredService<PostPipeline>();
        var time = services.GetRequiredService<TimeProvider>();
        long sourceId;
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            sourceId = (await WorkspaceProvisioner.SourceAsync(db, workspace.Id, WorkspaceProvisioner.ImportSourceName, ct)).Id;
        }

        var errors = new List<string>();
        int accepted = 0, duplicates = 0, processed = 0;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async progress =>
            {
                var reading = progress.AddTask("Storing posts", maxValue: Math.Max(1, file.Length));
                var triage = progress.AddTask("Listening, triage, threading", autoStart: false);
                await using var stream = file.OpenRead();
                using var reader = new StreamReader(stream);
                var records = PostFileReader.IsCsv(file.Name) ? PostFileReader.ReadCsv(reader) : PostFileReader.ReadJsonLines(reader);
                var batch = new List<Post>(BatchSize);
                foreach (var (line, doc, error) in records)
                {
                    var now = time.GetUtcNow().UtcDateTime;
                    var (post, _, problem) = doc is null ? (null, null, error) : PostNormalizer.Normalize(doc, workspace.Id, sourceId, now);
                    if (post is null)
                    {
                        errors.Add($"line {line}: {problem}");
                    }
                    else
                    {
                        batch.Add(post);
                    }
                    if (batch.Count == BatchSize)
                    {
                        (accepted, duplicates) = await FlushAsync(batch, accepted, duplicates);
                        reading.Value = stream.Position;
                    }
                }
                (accepted, duplicates) = await FlushAsync(batch, accepted, duplicates);
                reading.Value = reading.MaxValue;

                triage.MaxValue = Math.Max(1, accepted);
                triage.StartTask();
                await using var pipelineDb = await contexts.CreateDbContextAsync(ct);
                int done;
                while ((done = await pipeline.RunOnceAsync(pipelineDb, ct)) > 0)
                {
                    processed += done;
                    triage.Value = Math.Min(triage.MaxValue, processed);
                }
                triage.Value = triage.MaxValue;
            });

        AnsiConsole.MarkupLineInterpolated($"Imported [green]{accepted}[/] new posts, [grey]{duplicates}[/] already known, processed [green]{processed}[/], [red]{errors.Count}[/] bad lines.");
        foreach (var error in errors.Take(20))
        {
            await Console.Error.WriteLineAsync(error);
        }
        if (errors.Count > 20)
        {
            await Console.Error.WriteLineAsync($"... and {errors.Count - 20} more bad lines.");
        }
        return errors.Count > 0 && accepted + duplicates == 0 ? 1 : 0;

        async Task<(int, int)> FlushAsync(List<Post> batch, int acc, int dup)
        {
            if (batch.Count == 0)
            {
                return (acc, dup);
            }
            await using var db = await contexts.CreateDbContextAsync(ct);
            var result = await ingestor.IngestAsync(db, batch, ct);
            batch.Clear();
            return (acc + result.Accepted, dup + result.Duplicates);
        }
    }
}
