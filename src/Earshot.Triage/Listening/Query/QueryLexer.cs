namespace Earshot.Triage.Listening.Query;

/// <summary>
/// Splits a query into words, phrases, fields, operators and parentheses. Operators are upper
/// case (AND, OR, NOT, NEAR/n) like in the listening tools admins already know, so a lower-case
/// "or" stays a word one can search for.
/// </summary>
internal static class QueryLexer
{
    private static readonly string[] KnownFields = ["lang", "from", "followers", "verified", "platform"];

    public static List<QueryToken> Lex(string query)
    {
        var tokens = new List<QueryToken>();
        var i = 0;
        while (true)
        {
            while (i < query.Length && char.IsWhiteSpace(query[i]))
            {
                i++;
            }

            if (i >= query.Length)
            {
                tokens.Add(new QueryToken(QueryTokenKind.End, query.Length));
                return tokens;
            }

            var c = query[i];
            if (c == '(')
            {
                tokens.Add(new QueryToken(QueryTokenKind.LeftParen, i));
                i++;
            }
            else if (c == ')')
            {
                tokens.Add(new QueryToken(QueryTokenKind.RightParen, i));
                i++;
            }
            else if (IsOpeningQuote(c))
            {
                i = LexPhrase(query, i, tokens);
            }
            else if (c == '-' && (i + 1 >= query.Length || char.IsWhiteSpace(query[i + 1]) || query[i + 1] == ')'))
            {
                throw new RuleSyntaxException("'-' must be followed by a term, e.g. -hiring,", i);
            }
            else if (c == '-' && query[i + 1] != '-')
            {
                // "-hiring" is NOT hiring; "e-mail" never gets here because it is read as one word.
                tokens.Add(new QueryToken(QueryTokenKind.Not, i, "-"));
                i++;
            }
            else
            {
                var start = i;
                while (i < query.Length && !char.IsWhiteSpace(query[i]) && query[i] is not ('(' or ')') && !IsOpeningQuote(query[i]))
                {
                    i++;
                }

                tokens.Add(ClassifyWord(query.Substring(start, i - start), start));
            }
        }
    }

    private static bool IsOpeningQuote(char c) => c is '"' or '\u201C' or '\u201E';

    private static bool IsClosingQuote(char c) => c is '"' or '\u201D' or '\u201C';

    private static int LexPhrase(string query, int start, List<QueryToken> tokens)
    {
        var end = start + 1;
        while (end < query.Length && !IsClosingQuote(query[end]))
        {
            end++;
        }

        if (end >= query.Length)
        {
            throw new RuleSyntaxException("unclosed quote: add the closing '\"'", start);
        }

        tokens.Add(new QueryToken(QueryTokenKind.Phrase, start, query.Substring(start + 1, end - start - 1), TextPosition: start + 1));
        return end + 1;
    }

    private static QueryToken ClassifyWord(string word, int position)
    {
        switch (word)
        {
            case "AND" or "&&":
                return new QueryToken(QueryTokenKind.And, position, word);
            case "OR" or "||":
                return new QueryToken(QueryTokenKind.Or, position, word);
            case "NOT":
                return new QueryToken(QueryTokenKind.Not, position, word);
        }

        if (word == "NEAR" || word.StartsWith("NEAR/", StringComparison.Ordinal))
        {
            if (!int.TryParse(word.AsSpan(Math.Min(5, word.Length)), System.Globalization.NumberStyles.None, null, out var distance))
            {
                throw new RuleSyntaxException("NEAR needs a number, e.g. NEAR/5,", position);
            }

            if (distance is < 1 or > 1000)
            {
                throw new RuleSyntaxException("NEAR distance must be between 1 and 1000", position);
            }

            return new QueryToken(QueryTokenKind.Near, position, word, Number: distance);
        }

        var colon = word.IndexOf(':');
        if (colon > 0 && IsFieldName(word.AsSpan(0, colon)) && !word.AsSpan(colon + 1).StartsWith("//"))
        {
            var name = word[..colon].ToLowerInvariant();
            if (Array.IndexOf(KnownFields, name) < 0)
            {
                throw new RuleSyntaxException(
                    $"unknown field '{word[..colon]}' (known: {string.Join(", ", KnownFields)})", position);
            }

            if (colon == word.Length - 1)
            {
                throw new RuleSyntaxException($"field '{name}' needs a value, e.g. {Example(name)},", position + colon + 1);
            }

            return new QueryToken(QueryTokenKind.Field, position, word[(colon + 1)..], name, TextPosition: position + colon + 1);
        }

        return new QueryToken(QueryTokenKind.Word, position, word, TextPosition: position);
    }

    public static string Example(string field) => field switch
    {
        "lang" => "lang:en",
        "from" => "from:acmeair",
        "followers" => "followers:>1000",
        "verified" => "verified:true",
        _ => "platform:x",
    };

    private static bool IsFieldName(ReadOnlySpan<char> name)
    {
        foreach (var c in name)
        {
            if (!char.IsAsciiLetter(c))
            {
                return false;
            }
        }

        return true;
    }
}
