using Earshot.Triage;

namespace Earshot.Tests.Triage;

public class OddInputTests
{
    public static TheoryData<string> OddTexts => new()
    {
        "",
        "   \n\t ",
        "😀😀😀🔥🔥🔥👍🏽👍🏽",
        "שלום, הטיסה שלי בוטלה ואף אחד לא עונה",
        "مرحبا، رحلتي تأخرت ثلاث ساعات",
        "\u200B\u200B\u200B\uFEFF",
        "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!",
        "@a @b @c @d @e #x #y #z https://x.example",
        "ｆｕｌｌｗｉｄｔｈ ｔｅｘｔ",
        "𝓽𝓱𝓲𝓼 𝓲𝓼 𝓯𝓪𝓷𝓬𝔂 𝓽𝓮𝔁𝓽",
    };

    [Theory]
    [MemberData(nameof(OddTexts))]
    public void Classify_OddText_GivesSaneResult(string text)
    {
        var result = TriageEngine.Default.Classify(new TriageInput(text), BucketPolicy.Default);

        AssertSane(result);
    }

    [Fact]
    public void Classify_InvalidSurrogates_GivesSaneResult()
    {
        var text = new string(['\uD800', 'a', '\uDC00', '\uDBFF', ' ', '\uDFFF', 'b', '\uD83D']);

        var result = TriageEngine.Default.Classify(new TriageInput(text), BucketPolicy.Default);

        AssertSane(result);
    }

    [Fact]
    public void Classify_HundredKilobytes_GivesSaneResult()
    {
        var text = string.Concat(Enumerable.Repeat("@SkyJetAir my flight was delayed again and nobody helps. ", 1800));

        var result = TriageEngine.Default.Classify(new TriageInput(text), BucketPolicy.Default);

        AssertSane(result);
        Assert.True(text.Length >= 100_000);
        Assert.True(result.Sentiment.Compound < 0);
    }

    [Fact]
    public void Classify_NullText_IsTreatedAsEmpty()
    {
        var result = TriageEngine.Default.Classify(new TriageInput(null!), BucketPolicy.Default);

        AssertSane(result);
    }

    [Fact]
    public void Classify_RightToLeftOverride_GivesSaneResult()
    {
        var text = "\u202Eevol I\u202C @SkyJetAir \u2067شكرا\u2069";

        var result = TriageEngine.Default.Classify(new TriageInput(text), BucketPolicy.Default);

        AssertSane(result);
    }

    static void AssertSane(TriageResult result)
    {
        Assert.False(string.IsNullOrEmpty(result.Language));
        Assert.InRange(result.Sentiment.Compound, -1, 1);
        Assert.Equal(1.0, result.Sentiment.Pos + result.Sentiment.Neu + result.Sentiment.Neg, 2);
        Assert.InRange(result.ActionableScore, 0, 1);
        Assert.True(Enum.IsDefined(result.Intent));
        Assert.NotEmpty(result.Reasons);
    }
}
