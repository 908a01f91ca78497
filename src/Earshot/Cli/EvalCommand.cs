using System.CommandLine;
using System.Text.Json;
using Earshot.Triage;

namespace Earshot.Cli;

/// <summary>
/// <c>earshot eval --data FILE [--folds K] [--json]</c>: honest K-fold cross-validation — each post is scored by a
/// model trained on the other folds — with precision, recall, F1, macro-F1, accuracy and a confusion matrix.
/// </summary>
public static class EvalCommand
{
    public static Command Build()
    {
        var data = new Option<FileInfo>("--data") { Description = "Labelled posts: JSON lines or CSV", Required = true };
        var folds = new Option<int>("--folds") { Description = "K, the number of folds (2–20)", DefaultValueFactory = _ => 5 };
        var json = new Option<bool>("--json") { Description = "Write the report as JSON" };
        var command = new Command("eval", "Cross-validated precision / recall / F1 and confusion matrix of the triage models") { data, folds, json };
        command.SetAction(result => Run(result.GetValue(data)!, result.GetValue(folds), result.GetValue(json)));
        return command;
    }

    static int Run(FileInfo data, int folds, bool json)
    {
        if (folds is < 2 or > 20)
        {
            Console.Error.WriteLine("earshot eval: --folds must be between 2 and 20.");
            return 2;
        }
        if (LabelledData.Read(data, "eval") is not { } examples)
        {
            return 2;
        }
        if (examples.Count < folds)
        {
            Console.Error.WriteLine($"earshot eval: {examples.Count} labelled posts cannot be split into {folds} folds.");
            return 2;
        }
        var report = TriageEngine.CrossValidate(examples, folds);
        if (json)
        {
            var options = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };
            Console.WriteLine(JsonSerializer.Serialize(new { report.Folds, report.Examples, report.Targets }, options));
        }
        else
        {
            Console.WriteLine(report);
        }
        return 0;
    }
}
