using System.Globalization;
using System.Text;

namespace Earshot.Triage.Listening.Query;

/// <summary>
/// Writes a parsed query back in a normalized form that shows how it was understood: operators
/// spelled out and parentheses wherever precedence decided something
/// (<c>a OR b c</c> reads back as <c>a OR (b AND c)</c>). The output parses to the same query.
/// </summary>
internal static class QueryFormatter
{
    public static string Format(QueryNode node)
    {
        var builder = new StringBuilder();
        Write(builder, node);
        return builder.ToString();
    }

    private static void Write(StringBuilder builder, QueryNode node)
    {
        switch (node)
        {
            case TermNode term:
                builder.Append(term.Display);
                break;
            case PhraseNode phrase:
                builder.Append(phrase.Display);
                break;
            case OrNode anyOf:
                WriteJoined(builder, anyOf.Children, " OR ", child => child is OrNode);
                break;
            case AndNode allOf:
                WriteJoined(builder, allOf.Children, " AND ", child => child is OrNode or AndNode);
                break;
            case NotNode negation:
                builder.Append("NOT ");
                WriteOperand(builder, negation.Child, negation.Child is not (TermNode or PhraseNode or FieldNode));
                break;
            case NearNode near:
                WriteOperand(builder, near.Left, near.Left is OrNode);
                builder.Append(CultureInfo.InvariantCulture, $" NEAR/{near.Distance} ");
                WriteOperand(builder, near.Right, near.Right is OrNode);
                break;
            case FieldNode field:
                builder.Append(FormatField(field));
                break;
        }
    }

    private static void WriteJoined(StringBuilder builder, QueryNode[] children, string separator, Func<QueryNode, bool> needsParentheses)
    {
        for (var i = 0; i < children.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(separator);
            }

            // AND inside OR gets parentheses too: admins should not need to know precedence to read a rule.
            var child = children[i];
            WriteOperand(builder, child, needsParentheses(child) || (separator == " OR " && child is AndNode));
        }
    }

    private static void WriteOperand(StringBuilder builder, QueryNode node, bool parenthesize)
    {
        if (parenthesize)
        {
            builder.Append('(');
        }

        Write(builder, node);
        if (parenthesize)
        {
            builder.Append(')');
        }
    }

    private static string FormatField(FieldNode field) => field.Field switch
    {
        FieldKind.Language => "lang:" + field.Value,
        FieldKind.From => "from:" + field.Value[1..],
        FieldKind.Verified => "verified:" + field.Value,
        FieldKind.Platform => "platform:" + field.Value,
        _ => "followers:" + field.Comparison switch
        {
            Comparison.Greater => ">",
            Comparison.GreaterOrEqual => ">=",
            Comparison.Less => "<",
            Comparison.LessOrEqual => "<=",
            _ => "=",
        } + field.Number.ToString(CultureInfo.InvariantCulture),
    };
}
