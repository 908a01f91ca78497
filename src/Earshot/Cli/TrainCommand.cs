using System.CommandLine;
using Earshot.Triage;
using Earshot.Triage.Learning;

namespace Earshot.Cli;

/// <summary><c>earshot train --data FILE [--out MODEL]</c>: trains the triage models from labelled JSON lines or CSV.</summary>
public static class TrainCommand
{
    public static Command Build()
    {
        var data = new Option<FileInfo>("--data") { Description = "Labelled posts: JSON lines or CSV with text and any of actionable, intent, bucket, sentiment", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "Where to write the model", DefaultValueFactory = _ => new FileInfo("earshot-model.bin") };
        var command = new Command("train", "Train the triage classifiers from labelled posts") { data, output };
        command.SetAction(result => Run(result.GetValue(data)!, result.GetValue(output)!));
        return command;
    }

    static int Run(FileInfo data, FileInfo output)
    {
        if (LabelledData.Read(data, "train") is not { } examples)
        {
            return 2;
        }
        var started = System.Diagnostics.Stopwatch.StartNew();
        var engine = TriageEngine.Train(examples);
        using (var stream = output.Create())
        {
            engine.Save(stream);
        }
        Console.WriteLine($"Trained on {examples.Count:N0} labelled posts in {started.Elapsed.TotalSeconds:0.0} s; model written to {output.FullName}.");
        Console.WriteLine($"Use it with: earshot classify --model {output.Name} FILE   (earshot eval --data FILE scores it by cross-validation)");
        return 0;
    }
}

/// <summary>Reads a labelled data file for a command, turning bad input into a message and an exit code.</summary>
static class LabelledData
{
    public static IReadOnlyList<LabelledPost>? Read(FileInfo file, string command)
    {
        if (!file.Exists)
        {
            Console.Error.WriteLine($"earshot {command}: {file.FullName} does not exist.");
            return null;
        }
        try
        {
            var examples = LabelledDataReader.ReadFile(file.FullName);
            if (examples.Count == 0)
            {
                Console.Error.WriteLine($"earshot {command}: {file.Name} has no labelled posts (needs a text column and at least one of actionable, intent, bucket, sentiment).");
                return null;
            }
            return examples;
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException)
        {
            Console.Error.WriteLine($"earshot {command}: {file.Name}: {ex.Message}");
            return null;
        }
    }
}
