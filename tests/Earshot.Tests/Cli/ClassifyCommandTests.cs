using System.Text;
using System.Text.Json;
using Earshot.Cli;
using Earshot.Triage;

namespace Earshot.Tests.Cli;

public class ClassifyCommandTests
{
    static List<JsonElement> Classify(string input)
    {
        using var output = new MemoryStream();
        ClassifyCommand.Classify(new StringReader(input), output, TriageEngine.Default, BucketPolicy.Default, DateTimeOffset.UtcNow, default);
        return [.. Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone())];
    }

    [Fact]
    public void Classify_EachLine_GivesOneTriageLineInOrder()
    {
        var lines = Classify("""
            {"id":"1","text":"@acmeair lost my bag again, 3rd time!! #fail"}
            {"id":"2","text":"What a lovely flight, thank you crew!"}
            {"id":"3","text":"how do I change my booking?"}
            """);

        Assert.Equal(["1", "2", "3"], lines.Select(l => l.GetProperty("id").GetString()));
        var first = lines[0];
        Assert.Equal("care", first.GetProperty("bucket").GetString());
        Assert.True(first.GetProperty("sentiment").GetProperty("compound").GetDouble() < 0);
        Assert.Equal(first.GetProperty("priority").GetInt32(), first.GetProperty("priority_parts").EnumerateObject().Sum(p => p.Value.GetInt32()));
        foreach (var field in new[] { "lang", "intent", "actionable", "actionable_score", "spam", "risks" })
        {
            Assert.True(first.TryGetProperty(field, out _), field);
        }
    }

    [Fact]
    public void Classify_MalformedLine_GivesErrorWithLineNumberAndGoesOn()
    {
        var lines = Classify("{\"id\":\"a\",\"text\":\"fine\"}\n{broken\n\n{\"id\":\"c\"}\n{\"id\":\"d\",\"text\":\"also fine\"}\n");

        Assert.Equal(4, lines.Count);
        Assert.Equal(2, lines[1].GetProperty("line").GetInt32());
        Assert.Contains("malformed", lines[1].GetProperty("error").GetString());
        Assert.Equal(4, lines[2].GetProperty("line").GetInt32());
        Assert.Equal("d", lines[3].GetProperty("id").GetString());
    }
}
