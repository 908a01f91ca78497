using Earshot.Triage.Sentiment;

namespace Earshot.Tests.Triage;

public class SentimentAnalyzerTests
{
    static double Compound(string text) => SentimentAnalyzer.Default.Analyze(text).Compound;

    [Theory]
    [InlineData("The service was good", "The service was not good")]
    [InlineData("The crew were helpful", "The crew weren't helpful")]
    [InlineData("I love this app", "I don't love this app")]
    [InlineData("It is great", "It is never great")]
    public void Analyze_Negation_FlipsPolarity(string plain, string negated)
    {
        var before = Compound(plain);

        var after = Compound(negated);

        Assert.True(before > 0 && after < 0, $"{before} -> {after}");
    }

    [Fact]
    public void Analyze_NegatedNegative_TurnsMildlyPositive()
    {
        var score = Compound("the food was not bad");

        Assert.True(score > 0 && score < 0.5, score.ToString());
    }

    [Theory]
    [InlineData("The food is good", "The food is GOOD")]
    [InlineData("The food is good", "The food is good!!!")]
    [InlineData("The food is good", "The food is very good")]
    [InlineData("The flight was bad", "The flight was BAD")]
    [InlineData("The flight was bad", "The flight was bad!!!")]
    [InlineData("The flight was bad", "The flight was extremely bad")]
    [InlineData("The flight was bad", "The flight was baaaad")]
    [InlineData("great", "great 😍")]
    [InlineData("awful", "awful 😡")]
    [InlineData("ok 😍", "ok 😍😍😍")]
    public void Analyze_Emphasis_IntensifiesInTheSameDirection(string plain, string emphasised)
    {
        var before = Compound(plain);

        var after = Compound(emphasised);

        Assert.True(Math.Abs(after) > Math.Abs(before) && Math.Sign(after) == Math.Sign(before), $"{before} -> {after}");
    }

    [Theory]
    [InlineData("The food is good", "The food is kinda good")]
    [InlineData("The staff was rude", "The staff was slightly rude")]
    public void Analyze_Dampener_Weakens(string plain, string dampened)
    {
        var before = Compound(plain);

        var after = Compound(dampened);

        Assert.True(Math.Abs(after) < Math.Abs(before), $"{before} -> {after}");
    }

    [Theory]
    [InlineData("The crew was lovely but the flight was delayed", -1)]
    [InlineData("The flight was delayed but the crew was lovely", 1)]
    public void Analyze_But_ShiftsWeightToTheSecondClause(string text, int sign)
    {
        var score = Compound(text);

        Assert.Equal(sign, Math.Sign(score));
    }

    [Theory]
    [InlineData("on hold for 2 hours")]
    [InlineData("still waiting for my refund")]
    [InlineData("you lost my bag")]
    [InlineData("flight cancelled again")]
    [InlineData("my order was delayed")]
    [InlineData("this is a rip-off")]
    [InlineData("#NeverAgain")]
    [InlineData("thanks for nothing")]
    public void Analyze_CustomerServiceGrievance_IsNegative(string text)
    {
        var score = Compound(text);

        Assert.True(score < -0.2, score.ToString());
    }

    [Theory]
    [InlineData(":)", 1)]
    [InlineData(":(", -1)]
    [InlineData("😂", 1)]
    [InlineData("😡", -1)]
    [InlineData("#LoveIt", 1)]
    [InlineData("can't wait to fly with you", 1)]
    [InlineData("the gate agent was sooo helpful", 1)]
    public void Analyze_EmojiEmoticonsAndHashtags_Count(string text, int sign)
    {
        var score = Compound(text);

        Assert.Equal(sign, Math.Sign(score));
    }

    [Theory]
    [InlineData("")]
    [InlineData("the flight leaves at 10")]
    [InlineData("😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀")]
    [InlineData("שלום עולם, זה נורא")]
    public void Analyze_OddInput_GivesSaneScore(string text)
    {
        var score = SentimentAnalyzer.Default.Analyze(text);

        Assert.InRange(score.Compound, -1, 1);
        Assert.Equal(1.0, score.Pos + score.Neu + score.Neg, 2);
    }

    [Fact]
    public void Analyze_HugeText_StaysBounded()
    {
        var text = string.Concat(Enumerable.Repeat("terrible awful service, ", 5000));

        var score = SentimentAnalyzer.Default.Analyze(text);

        Assert.InRange(score.Compound, -1, -0.9);
    }

    [Theory]
    [InlineData("The new seats are great.", "The new seats are great?")]
    [InlineData("Is the lounge any good", "Is the lounge any good?")]
    public void Analyze_PositiveQuestion_WeighsLessThanStatement(string statement, string question)
    {
        var told = Compound(statement);
        var asked = Compound(question);

        Assert.Equal(Math.Sign(told), Math.Sign(asked));
        Assert.True(Math.Abs(asked) < Math.Abs(told), $"{told} -> {asked}");
    }

    [Theory]
    [InlineData("My bag is lost", "?")]
    [InlineData("Why is my flight delayed", "?")]
    [InlineData("This is great", "?!")]
    public void Analyze_NegativeOrExclaimedQuestion_IsNotDamped(string text, string end)
    {
        Assert.True(Math.Abs(Compound(text + end)) >= Math.Abs(Compound(text)));
    }

    [Theory]
    [InlineData("please", 0.0)]
    [InlineData("pls", 0.0)]
    [InlineData("like", 0.5)]
    [InlineData("ok", 0.5)]
    [InlineData("sure", 0.5)]
    public void Lexicon_RequestAndFillerWords_WeighLittle(string word, double most)
    {
        Assert.True(SentimentLexicon.Default.TryGetValence(word, out var v));
        Assert.InRange(v, -most, most);
    }

    [Theory]
    [InlineData("this is worse than last time")]
    [InlineData("they hung up on me")]
    [InlineData("no help at all from the agent")]
    [InlineData("so gutted, what a letdown")]
    [InlineData("really dissatisfied with the service")]
    [InlineData("missed my misconnect, totally screwed")]
    public void Analyze_NewGrievanceEntries_AreNegative(string text)
    {
        Assert.True(Compound(text) < -0.2, Compound(text).ToString());
    }

    [Theory]
    [InlineData("the gate agent is a legend")]
    [InlineData("stoked for my trip")]
    [InlineData("your crew are superstars, superstar service")]
    public void Analyze_NewPraiseEntries_ArePositive(string text)
    {
        Assert.True(Compound(text) > 0.2, Compound(text).ToString());
    }
}
