using Earshot.Triage.Listening;

namespace Earshot.Tests.Triage.Listening;

public class RuleSyntaxTests
{
    [Theory]
    [InlineData("", 0, "the query is empty")]
    [InlineData("   ", 0, "the query is empty")]
    [InlineData("acme AND", 5, "'AND' needs a term after it")]
    [InlineData("acme OR", 5, "'OR' needs a term after it")]
    [InlineData("acme NOT", 5, "'NOT' needs a term after it")]
    [InlineData("NOT", 0, "'NOT' needs a term after it")]
    [InlineData("OR acme", 0, "'OR' needs a term before it")]
    [InlineData("AND acme", 0, "'AND' needs a term before it")]
    [InlineData("acme OR OR refund", 5, "'OR' needs a term after it")]
    [InlineData("acme -", 5, "'-' must be followed by a term")]
    public void Parse_DanglingOperator_NamesOperatorAndPosition(string query, int position, string problem)
    {
        var error = Assert.Throws<RuleSyntaxException>(() => RuleQuery.Parse(query));

        Assert.Equal(position, error.Position);
        Assert.StartsWith(problem, error.Problem);
        Assert.EndsWith($" at {position}", error.Message);
    }

    [Theory]
    [InlineData("(acme", 5, "expected ')'")]
    [InlineData("(acme OR (refund)", 17, "expected ')'")]
    [InlineData("acme)", 4, "unexpected ')'")]
    [InlineData("(acme))", 6, "unexpected ')'")]
    [InlineData("()", 0, "empty parentheses")]
    [InlineData("\"acme air", 0, "unclosed quote")]
    [InlineData("acme \"air", 5, "unclosed quote")]
    [InlineData("\"\"", 0, "empty phrase")]
    [InlineData("\"  \" acme", 0, "empty phrase")]
    public void Parse_UnbalancedParenthesesOrQuotes_PointsAtTheProblem(string query, int position, string problem)
    {
        var error = Assert.Throws<RuleSyntaxException>(() => RuleQuery.Parse(query));

        Assert.Equal(position, error.Position);
        Assert.StartsWith(problem, error.Problem);
    }

    [Theory]
    [InlineData("acme NEAR refund", 5, "NEAR needs a number, e.g. NEAR/5")]
    [InlineData("acme NEAR/ refund", 5, "NEAR needs a number, e.g. NEAR/5")]
    [InlineData("acme NEAR/x refund", 5, "NEAR needs a number, e.g. NEAR/5")]
    [InlineData("acme NEAR/0 refund", 5, "NEAR distance must be between 1 and 1000")]
    [InlineData("acme NEAR/3", 5, "'NEAR/3' needs a term after it")]
    [InlineData("NEAR/3 acme", 0, "'NEAR/3' needs a term before it")]
    [InlineData("acme NEAR/3 lang:en", 12, "NEAR/3 works between words")]
    [InlineData("(a AND b) NEAR/3 c", 1, "NEAR/3 works between words")]
    [InlineData("a NEAR/2 NOT b", 9, "NEAR/2 works between words")]
    [InlineData("a NEAR/2 b NEAR/2 c", 11, "NEAR can't be chained")]
    public void Parse_BadNear_ExplainsTheSyntax(string query, int position, string problem)
    {
        var error = Assert.Throws<RuleSyntaxException>(() => RuleQuery.Parse(query));

        Assert.Equal(position, error.Position);
        Assert.StartsWith(problem, error.Problem);
    }

    [Theory]
    [InlineData("langg:es", 0, "unknown field 'langg'")]
    [InlineData("acme langg:es", 5, "unknown field 'langg'")]
    [InlineData("lang:", 5, "field 'lang' needs a value")]
    [InlineData("lang:e", 5, "lang needs a language code, e.g. lang:en")]
    [InlineData("lang:english!", 5, "lang needs a language code")]
    [InlineData("from:!", 5, "from needs a handle")]
    [InlineData("followers:1000", 10, "followers needs a comparison and a number, e.g. followers:>1000")]
    [InlineData("followers:>abc", 11, "followers needs a comparison and a number")]
    [InlineData("followers:>", 11, "followers needs a comparison and a number")]
    [InlineData("verified:maybe", 9, "verified needs true or false")]
    [InlineData("platform:x!", 9, "platform needs a name")]
    public void Parse_BadField_NamesFieldAndPosition(string query, int position, string problem)
    {
        var error = Assert.Throws<RuleSyntaxException>(() => RuleQuery.Parse(query));

        Assert.Equal(position, error.Position);
        Assert.StartsWith(problem, error.Problem);
    }

    [Theory]
    [InlineData("ac*me", 2, "'*' only works at the end of a word")]
    [InlineData("acme *", 5, "'*' only works at the end of a word")]
    [InlineData("a*", 0, "'a*' is too short for a wildcard")]
    [InlineData("\"lost b*g\"", 7, "'*' only works at the end of a word")]
    [InlineData("#", 0, "'#' needs a name right after it")]
    [InlineData("acme @", 5, "'@' needs a name right after it")]
    [InlineData("acme !!!", 5, "'!!!' has no letters or digits")]
    [InlineData("acme https://acme.com/x", 5, "links are not matched as words")]
    [InlineData("www.acme.com", 0, "links are not matched as words")]
    public void Parse_BadTerm_NamesTermAndPosition(string query, int position, string problem)
    {
        var error = Assert.Throws<RuleSyntaxException>(() => RuleQuery.Parse(query));

        Assert.Equal(position, error.Position);
        Assert.StartsWith(problem, error.Problem);
    }

    [Fact]
    public void Message_UnknownField_ReadsLikeTheSpec()
    {
        var error = Assert.Throws<RuleSyntaxException>(() => RuleQuery.Parse("langg:es acme"));

        Assert.StartsWith("unknown field 'langg'", error.Message);
        Assert.EndsWith("at 0", error.Message);
        Assert.IsAssignableFrom<FormatException>(error);
    }

    [Fact]
    public void Message_NearWithoutNumber_ReadsLikeTheSpec()
    {
        var error = Assert.Throws<RuleSyntaxException>(() => RuleQuery.Parse("refund acme NEAR air"));

        Assert.Equal("NEAR needs a number, e.g. NEAR/5, at 12", error.Message);
    }

    [Fact]
    public void TryParse_InvalidQuery_ReturnsTheError()
    {
        var ok = RuleQuery.TryParse("(acme OR refund", out var rule, out var error);

        Assert.False(ok);
        Assert.Null(rule);
        Assert.Equal("expected ')' at 15", error!.Message);
    }

    [Fact]
    public void TryParse_ValidQuery_ReturnsTheRule()
    {
        var ok = RuleQuery.TryParse("acme OR refund", out var rule, out var error);

        Assert.True(ok);
        Assert.Null(error);
        Assert.True(rule!.Matches(new ListeningPost("refund")));
    }
}
