using System.Globalization;
using System.Text.Json;

namespace Earshot.Triage.Learning;

/// <summary>
/// Reads labelled posts from JSON lines (<c>{"text": "...", "intent": "complaint", "actionable": true}</c>) or CSV with a
/// header row (<c>text,intent,actionable,bucket,sentiment</c>; other columns are ignored). The format is told by the first
/// character. Sentiment may be a name (negative / neutral / positive) or a number (its sign counts). Lines without text
/// are skipped.
/// </summary>
public static class LabelledDataReader
{
    /// <summary>Reads a file of labelled posts.</summary>
    public static IReadOnlyList<LabelledPost> ReadFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream);
    }

    /// <summary>Reads labelled posts from a stream of JSON lines or CSV (UTF-8).</summary>
    public static IReadOnlyList<LabelledPost> Read(Stream stream)
    {
        using var reader = new StreamReader(stream);
        while (reader.Peek() is var c and >= 0 && char.IsWhiteSpace((char)c))
        {
            reader.Read();
        }
        return reader.Peek() == '{' ? ReadJsonLines(reader).ToList() : ReadCsv(reader).ToList();
    }

    static IEnumerable<LabelledPost> ReadJsonLines(TextReader reader)
    {
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(line);
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"Line {number}: not a JSON object ({e.Message}).", e);
            }
            using (document)
            {
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object || Field(root, "text") is not { Length: > 0 } text)
                {
                    continue;
                }
                yield return new LabelledPost(text, Field(root, "intent"), ParseBool(Field(root, "actionable")), Field(root, "bucket"),
                    ParseSentiment(Field(root, "sentiment")));
            }
        }
    }

    static string? Field(JsonElement root, string name)
    {
        foreach (var property in root.EnumerateObject())
        {
            if (property.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString(),
                    JsonValueKind.Number => property.Value.GetRawText(),
                    JsonValueKind.True => "true",
                    JsonValueKind.False => "false",
                    _ => null,
                };
            }
        }
        return null;
    }

    static IEnumerable<LabelledPost> ReadCsv(TextReader reader)
    {
        using var records = CsvReader.Read(reader).GetEnumerator();
        if (!records.MoveNext())
        {
            yield break;
        }
        var header = records.Current.Select(h => h.Trim().ToLowerInvariant()).ToList();
        int text = header.IndexOf("text"), intent = header.IndexOf("intent"), actionable = header.IndexOf("actionable");
        int bucket = header.IndexOf("bucket"), sentiment = header.IndexOf("sentiment");
        if (text < 0)
        {
            throw new InvalidDataException("CSV needs a header row with a 'text' column.");
        }
        while (records.MoveNext())
        {
            var row = records.Current;
            if (text >= row.Length || string.IsNullOrWhiteSpace(row[text]))
            {
                continue;
            }
            yield return new LabelledPost(row[text], Cell(row, intent), ParseBool(Cell(row, actionable)), Cell(row, bucket),
                ParseSentiment(Cell(row, sentiment)));
        }
    }

    static string? Cell(string[] row, int index) => index >= 0 && index < row.Length && row[index].Trim() is { Length: > 0 } v ? v : null;

    static bool? ParseBool(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "true" or "yes" or "y" or "1" => true,
        "false" or "no" or "n" or "0" => false,
        _ => null,
    };

    static string? ParseSentiment(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return number < 0 ? "negative" : number > 0 ? "positive" : "neutral";
        }
        return value.Trim().ToLowerInvariant() switch
        {
            "neg" or "negative" => "negative",
            "pos" or "positive" => "positive",
            "neu" or "neutral" => "neutral",
            var other => other,
        };
    }
}
