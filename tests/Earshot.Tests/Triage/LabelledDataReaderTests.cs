using System.Text;
using Earshot.Triage.Learning;

namespace Earshot.Tests.Triage;

public class LabelledDataReaderTests
{
    static IReadOnlyList<LabelledPost> Read(string content) => LabelledDataReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(content)));

    [Fact]
    public void Read_JsonLines_ReadsEveryLabel()
    {
        var posts = Read("""
            {"text":"lost my bag","intent":"complaint","actionable":true,"bucket":"care","sentiment":-0.8}
            {"text":"thanks!","intent":"praise","actionable":"no","sentiment":"positive"}

            {"id":3,"intent":"other"}
            """);

        Assert.Equal(2, posts.Count);
        Assert.Equal(new LabelledPost("lost my bag", "complaint", true, "care", "negative"), posts[0]);
        Assert.Equal(new LabelledPost("thanks!", "praise", false, null, "positive"), posts[1]);
    }

    [Fact]
    public void Read_Csv_HandlesQuotesCommasAndLineBreaks()
    {
        var posts = Read("id,text,intent,actionable\r\n1,\"hi, \"\"acme\"\"\nwhere is it?\",question,yes\r\n2,plain,other,0\n");

        Assert.Equal(2, posts.Count);
        Assert.Equal("hi, \"acme\"\nwhere is it?", posts[0].Text);
        Assert.Equal(("question", true), (posts[0].Intent, posts[0].Actionable));
        Assert.Equal(("other", false), (posts[1].Intent, posts[1].Actionable));
    }

    [Fact]
    public void Read_CsvWithoutTextColumn_Throws()
    {
        Assert.Throws<InvalidDataException>(() => Read("a,b\n1,2\n"));
    }

    [Fact]
    public void Read_BrokenJsonLine_SaysWhichLine()
    {
        var error = Assert.Throws<InvalidDataException>(() => Read("{\"text\":\"ok\"}\n{broken\n"));

        Assert.StartsWith("Line 2", error.Message, StringComparison.Ordinal);
    }
}
