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
// Text: The raw word, the phrase's inner text, or the field's value.
// Name: The field name (lower case) for QueryTokenKind.Field.
// Number: The distance of NEAR/n.
// TextPosition: Where Text starts in the query.
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
