namespace Earshot.Triage.Listening.Query;

/// <summary>
/// Recursive-descent parser for the listening query language. Precedence, loosest first:
/// <c>OR</c>, <c>AND</c> (or two terms side by side), <c>NOT</c> / <c>-</c>, <c>NEAR/n</c>, then
/// terms, phrases, fields and parentheses.
/// </summary>
/// <remarks>
/// <code>
/// query   := or
/// or      := and ("OR" and)*
/// and     := unary (["AND"] unary)*
/// unary   := ("NOT" | "-") unary | near
/// near    := primary ["NEAR/" n primary]
/// primary := word | word* | #tag | @handle | "phrase" | field:value | "(" or ")"
/// </code>
/// </remarks>
internal sealed class QueryParser
{
    private readonly List<QueryToken> _tokens;
    private int _index;

    private QueryParser(List<QueryToken> tokens) => _tokens = tokens;

    private QueryToken Current => _tokens[_index];

    public static QueryNode Parse(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var parser = new QueryParser(QueryLexer.Lex(query));
        if (parser.Current.Kind == QueryTokenKind.End)
        {
            throw new RuleSyntaxException("the query is empty", 0);
        }

        var node = parser.ParseOr();
        if (parser.Current.Kind == QueryTokenKind.RightParen)
        {
            throw new RuleSyntaxException("unexpected ')' with no '(' before it", parser.Current.Position);
        }

        return node;
    }

    private QueryNode ParseOr()
    {
        var first = ParseAnd();
        List<QueryNode>? children = null;
        while (Current.Kind == QueryTokenKind.Or)
        {
            ExpectTermAfter(Next());
            children ??= [first];
            Add(children, ParseAnd(), isOr: true);
        }

        return children is null ? first : new OrNode([.. children], first.Position);
    }

    private QueryNode ParseAnd()
    {
        var first = ParseUnary();
        List<QueryNode>? children = null;
        while (true)
        {
            if (Current.Kind == QueryTokenKind.And)
            {
                ExpectTermAfter(Next());
            }
            else if (!Current.StartsTerm)
            {
                break;
            }

            children ??= [first];
            Add(children, ParseUnary(), isOr: false);
        }

        return children is null ? first : new AndNode([.. children], first.Position);
    }

    private QueryNode ParseUnary()
    {
        if (Current.Kind != QueryTokenKind.Not)
        {
            return ParseNear();
        }

        var not = Next();
        ExpectTermAfter(not);
        return new NotNode(ParseUnary(), not.Position);
    }

    private QueryNode ParseNear()
    {
        var left = ParsePrimary();
        if (Current.Kind != QueryTokenKind.Near)
        {
            return left;
        }

        var near = Next();
        ExpectTermAfter(near);
        if (Current.Kind == QueryTokenKind.Not)
        {
            // "a NEAR/2 NOT b" has no clear meaning; NOT (a NEAR/2 b) or a AND NOT b is what people mean.
            throw new RuleSyntaxException($"{near.Describe()} works between words, phrases, #tags, @handles or an OR of them", Current.Position);
        }

        var right = ParsePrimary();
        RequireProximityOperand(left, near);
        RequireProximityOperand(right, near);
        if (Current.Kind == QueryTokenKind.Near)
        {
            throw new RuleSyntaxException(
                "NEAR can't be chained; combine pairs with AND, e.g. (a NEAR/3 b) AND (b NEAR/3 c),", Current.Position);
        }

        return new NearNode(left, right, near.Number, left.Position);
    }

    private QueryNode ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case QueryTokenKind.Word:
                _index++;
                return QueryTermReader.ReadWord(token.Text, token.Position);
            case QueryTokenKind.Phrase:
                _index++;
                return QueryTermReader.ReadPhrase(token.Text, token.Position, token.TextPosition);
            case QueryTokenKind.Field:
                _index++;
                return QueryFieldReader.Read(token.Name, token.Text, token.Position, token.TextPosition);
            case QueryTokenKind.LeftParen:
                _index++;
                if (Current.Kind == QueryTokenKind.RightParen)
                {
                    throw new RuleSyntaxException("empty parentheses", token.Position);
                }

                var inner = ParseOr();
                if (Current.Kind != QueryTokenKind.RightParen)
                {
                    throw new RuleSyntaxException("expected ')'", Current.Position);
                }

                _index++;
                return inner;
            case QueryTokenKind.RightParen:
                throw new RuleSyntaxException("unexpected ')'", token.Position);
            default:
                throw new RuleSyntaxException($"'{token.Describe()}' needs a term before it", token.Position);
        }
    }

    private QueryToken Next() => _tokens[_index++];

    private void ExpectTermAfter(QueryToken op)
    {
        if (!Current.StartsTerm)
        {
            throw new RuleSyntaxException($"'{op.Describe()}' needs a term after it", op.Position);
        }
    }

    // a OR (b OR c) is a OR b OR c: flat nodes read better in ToString and evaluate faster.
    private static void Add(List<QueryNode> children, QueryNode node, bool isOr)
    {
        switch (node)
        {
            case OrNode anyOf when isOr:
                children.AddRange(anyOf.Children);
                break;
            case AndNode allOf when !isOr:
                children.AddRange(allOf.Children);
                break;
            default:
                children.Add(node);
                break;
        }
    }

    private static void RequireProximityOperand(QueryNode node, QueryToken near)
    {
        var ok = node switch
        {
            TermNode or PhraseNode => true,
            OrNode anyOf => anyOf.Children.All(c => c is TermNode or PhraseNode),
            _ => false,
        };
        if (!ok)
        {
            throw new RuleSyntaxException(
                $"{near.Describe()} works between words, phrases, #tags, @handles or an OR of them", node.Position);
        }
    }
}
