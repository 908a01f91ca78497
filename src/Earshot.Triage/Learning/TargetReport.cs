using System.Globalization;
using System.Text;

namespace Earshot.Triage.Learning;

/// <summary>Cross-validated scores of one target (intent, actionable, bucket or sentiment).</summary>
/// <param name="Target">The target's name.</param>
/// <param name="Classes">Class labels, in the order of the confusion matrix.</param>
/// <param name="PerClass">Precision / recall / F1 per class.</param>
/// <param name="MacroF1">Unweighted mean of the per-class F1.</param>
/// <param name="Accuracy">Share of examples predicted right.</param>
/// <param name="Count">Examples scored (those that label this target).</param>
/// <param name="Confusion">Confusion[actual][predicted] counts.</param>
public sealed record TargetReport(
    string Target,
    IReadOnlyList<string> Classes,
    IReadOnlyList<ClassMetrics> PerClass,
    double MacroF1,
    double Accuracy,
    int Count,
    IReadOnlyList<IReadOnlyList<int>> Confusion)
{
    /// <summary>Scores predictions against truth (both as class indices into <paramref name="classes"/>).</summary>
    public static TargetReport From(string target, IReadOnlyList<string> classes, IReadOnlyList<(int Actual, int Predicted)> pairs)
    {
        var k = classes.Count;
        var confusion = new int[k][];
        for (var c = 0; c < k; c++)
        {
            confusion[c] = new int[k];
        }
        foreach (var (actual, predicted) in pairs)
        {
            confusion[actual][predicted]++;
        }
        var perClass = new List<ClassMetrics>(k);
        var correct = 0;
        for (var c = 0; c < k; c++)
        {
            var tp = confusion[c][c];
            correct += tp;
            var predicted = confusion.Sum(row => row[c]);
            var support = confusion[c].Sum();
            var precision = predicted == 0 ? 0 : (double)tp / predicted;
            var recall = support == 0 ? 0 : (double)tp / support;
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            perClass.Add(new ClassMetrics(classes[c], Math.Round(precision, 4), Math.Round(recall, 4), Math.Round(f1, 4), support));
        }
        var present = perClass.Where(m => m.Support > 0).ToList();
        var macro = present.Count == 0 ? 0 : present.Average(m => m.F1);
        return new TargetReport(target, classes, perClass, Math.Round(macro, 4), pairs.Count == 0 ? 0 : Math.Round((double)correct / pairs.Count, 4),
            pairs.Count, confusion);
    }

    /// <summary>A plain-text table: per-class scores, then the confusion matrix (rows actual, columns predicted).</summary>
    public override string ToString()
    {
        var s = new StringBuilder();
        var width = Math.Max(10, Classes.Max(c => c.Length) + 2);
        s.AppendLine(CultureInfo.InvariantCulture, $"{Target}: accuracy {Accuracy:0.000}, macro-F1 {MacroF1:0.000}, n={Count}");
        s.AppendLine(CultureInfo.InvariantCulture, $"  {"class".PadRight(width)} precision  recall     f1  support");
        foreach (var m in PerClass)
        {
            s.AppendLine(CultureInfo.InvariantCulture, $"  {m.Class.PadRight(width)} {m.Precision,9:0.000} {m.Recall,7:0.000} {m.F1,6:0.000} {m.Support,8}");
        }
        s.Append("  confusion (rows actual, columns predicted)\n  ".PadRight(width + 2));
        foreach (var c in Classes)
        {
            s.Append(c.Length > 9 ? c[..9].PadLeft(10) : c.PadLeft(10));
        }
        s.AppendLine();
        for (var a = 0; a < Classes.Count; a++)
        {
            s.Append("  ").Append(Classes[a].PadRight(width));
            foreach (var v in Confusion[a])
            {
                s.Append(v.ToString(CultureInfo.InvariantCulture).PadLeft(10));
            }
            s.AppendLine();
        }
        return s.ToString();
    }
}
