namespace Earshot.Triage.Listening.Query;

internal enum QueryTokenKind
{
    Word,
    Phrase,
    Field,
    LeftParen,
    RightParen,
    And,
    Or,
    Not,
    Near,
    End,
}

/// <summary>One lexical token of a query.</summary>
/// <param name="Text">The raw word, the phrase's inner text, or the field's value.</param>
/// <param name="Name">The field name (lower case) for <see cref="QueryTokenKind.Field"/>.</param>
/// <param name="Number">The distance of NEAR/n.</param>
/// <param name="TextPosition">Where <paramref name="Text"/> starts in the query.</param>
internal readonly record struct QueryToken(
    QueryTokenKind Kind, int Position, string Text = "", string Name = "", int Number = 0, int TextPosition = 0)
{
    public bool StartsTerm => Kind is QueryTokenKind.Word or QueryTokenKind.Phrase or QueryTokenKind.Field
        or QueryTokenKind.LeftParen or QueryTokenKind.Not;

    /// <summary>How the token reads in an error message.</summary>
    public string Describe() => Kind switch
    {
        QueryTokenKind.And => "AND",
        QueryTokenKind.Or => "OR",
        QueryTokenKind.Not => "NOT",
        QueryTokenKind.Near => $"NEAR/{Number}",
        QueryTokenKind.LeftParen => "(",
        QueryTokenKind.RightParen => ")",
        QueryTokenKind.End => "end of query",
        _ => Text,
    };
}
