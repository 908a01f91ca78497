using System.CommandLine;
using Earshot.Core.Contacts;
using Earshot.Core.Data;
using Earshot.Hosting;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;

namespace Earshot.Cli;

/// <summary>
/// <c>earshot import-contacts FILE</c>: upserts CRM contacts (by customer id) into the default workspace with a
/// progress bar. Good lines are imported even when others are bad; each bad line is reported with its number and
/// the exit code is 1 when there was any, so scripts notice. A missing file or customer_id column exits with 2.
/// </summary>
public static class ImportContactsCommand
{
    const int BatchSize = 500;

    public static Command Build()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "CSV with a header: customer_id, name, email, tier, lifetime_value, handles" };
        var command = new Command("import-contacts", "Load CRM contacts (customer id, tier, lifetime value, handles, e-mail) from a CSV file") { file };
        command.SetAction(async (result, ct) => await RunAsync(result.GetValue(file)!, Console.Out, Console.Error, ct));
        return command;
    }

    public static async Task<int> RunAsync(FileInfo file, TextWriter output, TextWriter errors, CancellationToken ct)
    {
        if (!file.Exists)
        {
            await errors.WriteLineAsync($"earshot import-contacts: {file.FullName} does not exist.");
            return 2;
        }
        using var host = CliHost.Create();
        var services = host.Services;
        var workspace = await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(ct);
        var contexts = services.GetRequiredService<IDbContextFactory<EarshotDbContext>>();
        var time = services.GetRequiredService<TimeProvider>();

        var problems = new List<string>();
        var warnings = new List<string>();
        int created = 0, updated = 0;
        var fatal = false;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask("Importing contacts", maxValue: Math.Max(1, file.Length));
                await using var stream = file.OpenRead();
                using var reader = new StreamReader(stream);
                var batch = new List<(long Line, ContactRecord Record)>(BatchSize);
                foreach (var (line, record, error) in ContactFileReader.Read(reader))
                {
                    if (error == ContactFileReader.MissingCustomerIdColumn)
                    {
                        fatal = true;
                    }
                    if (record is null)
                    {
                        problems.Add($"line {line}: {error}");
                        continue;
                    }
                    batch.Add((line, record));
                    if (batch.Count == BatchSize)
                    {
                        await FlushAsync(batch);
                        task.Value = stream.Position;
                    }
                }
                await FlushAsync(batch);
                task.Value = task.MaxValue;
            });

        await output.WriteLineAsync($"Imported {created + updated} contacts ({created} new, {updated} updated), {warnings.Count} warnings, {problems.Count} bad lines.");
        foreach (var line in problems.Concat(warnings).Take(50))
        {
            await errors.WriteLineAsync(line);
        }
        if (problems.Count + warnings.Count > 50)
        {
            await errors.WriteLineAsync($"... and {problems.Count + warnings.Count - 50} more.");
        }
        return fatal ? 2 : problems.Count > 0 ? 1 : 0;

        async Task FlushAsync(List<(long Line, ContactRecord Record)> batch)
        {
            if (batch.Count == 0)
            {
                return;
            }
            await using var db = await contexts.CreateDbContextAsync(ct);
            var outcomes = await ContactImport.UpsertAsync(db, workspace.Id, [.. batch.Select(b => b.Record)], time.GetUtcNow().UtcDateTime, ct);
            var lineOf = batch.GroupBy(b => b.Record.CustomerId).ToDictionary(g => g.Key, g => g.Last().Line);
            foreach (var (outcome, customerId) in outcomes.Zip(batch.Select(b => b.Record.CustomerId).Distinct()))
            {
                if (outcome.Created)
                {
                    created++;
                }
                else
                {
                    updated++;
                }
                warnings.AddRange(outcome.Warnings.Select(w => $"line {lineOf[customerId]}: {w}"));
            }
            batch.Clear();
        }
    }
}
