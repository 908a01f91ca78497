using System.Globalization;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;
using Earshot.Core.Ingestion;

namespace Earshot.Cli;

/// <summary>
/// Reads posts from JSON lines (the post JSON of the API) or CSV (a header row naming any of id, platform, text,
/// handle, name, followers, verified, created_at, in_reply_to, lang, likes, reposts, replies). Each record comes
/// with its line number, or with an error for that line.
/// </summary>
public static class PostFileReader
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static bool IsCsv(string path) => path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);

    public static IEnumerable<(long Line, PostDocument? Post, string? Error)> ReadJsonLines(TextReader reader)
    {
        long line = 0;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }
            PostDocument? doc = null;
            string? error = null;
            try
            {
                doc = JsonSerializer.Deserialize(text, PostJsonContext.Default.PostDocument);
                if (doc is null)
                {
                    error = "the line is not a post object";
                }
            }
            catch (JsonException ex)
            {
                error = $"malformed JSON at {ex.Path ?? "$"}: {ex.Message.Split(". ")[0]}";
            }
            yield return (line, doc, error);
        }
    }

    public static IEnumerable<(long Line, PostDocument? Post, string? Error)> ReadCsv(TextReader reader)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            PrepareHeaderForMatch = a => a.Header.Trim().ToLowerInvariant(),
            MissingFieldFound = null,
            HeaderValidated = null,
            BadDataFound = null,
        };
        using var csv = new CsvReader(reader, config);
        if (!csv.Read() || !csv.ReadHeader())
        {
            yield break;
        }
        if (!csv.HeaderRecord!.Contains("text", StringComparer.OrdinalIgnoreCase))
        {
            yield return (1, null, "the CSV header has no 'text' column");
            yield break;
        }
        while (csv.Read())
        {
            var line = (long)csv.Parser.RawRow;
            PostDocument? doc = null;
            string? error = null;
            try
            {
                doc = new PostDocument
                {
                    Id = Field(csv, "id"),
                    Platform = Field(csv, "platform"),
                    Text = Field(csv, "text"),
                    Author = new PostAuthor
                    {
                        Handle = Field(csv, "handle") ?? Field(csv, "author_handle") ?? Field(csv, "author"),
                        Name = Field(csv, "name") ?? Field(csv, "author_name"),
                        Followers = Number(csv, "followers") ?? Number(csv, "author_followers") ?? 0,
                        Verified = Field(csv, "verified") is { } v && (v.Equals("true", StringComparison.OrdinalIgnoreCase) || v == "1"),
                    },
                    CreatedAt = Field(csv, "created_at") is { } created ? DateTimeOffset.Parse(created, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal) : null,
                    InReplyTo = Field(csv, "in_reply_to"),
                    Lang = Field(csv, "lang"),
                    Metrics = new PostMetrics { Likes = Number(csv, "likes") ?? 0, Reposts = Number(csv, "reposts") ?? 0, Replies = Number(csv, "replies") ?? 0 },
                };
            }
            catch (FormatException ex)
            {
                error = ex.Message;
            }
            yield return (line, doc, error);
        }
    }

    static string? Field(CsvReader csv, string name) =>
        csv.TryGetField<string>(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

    static long? Number(CsvReader csv, string name) =>
        Field(csv, name) is { } text
            ? long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : throw new FormatException($"{name} is not a whole number: '{text}'")
            : null;
}
