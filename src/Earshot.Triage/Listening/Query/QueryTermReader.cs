using Earshot.Triage.Listening.Text;

namespace Earshot.Triage.Listening.Query;

/// <summary>
/// Turns a query word or phrase into terms with the same tokenizer that reads posts, so
/// "acme-air" in a query is the phrase acme air, exactly as "Acme-Air!" in a post.
/// </summary>
internal static class QueryTermReader
{
    private const int MinimumPrefixLength = 2;

    public static QueryNode ReadWord(string raw, int position)
    {
        if (raw[0] is '#' or '@' && (raw.Length == 1 || raw[1] is '*'))
        {
            var example = raw[0] == '#' ? "#acmefail" : "@acmeair";
            throw new RuleSyntaxException($"'{raw[0]}' needs a name right after it, e.g. {example},", position);
        }

        var terms = Read(raw, position);
        return terms.Length == 1 ? terms[0] with { Display = raw } : new PhraseNode(terms, raw, position);
    }

    public static QueryNode ReadPhrase(string inner, int quotePosition, int innerPosition)
    {
        if (string.IsNullOrWhiteSpace(inner))
        {
            throw new RuleSyntaxException("empty phrase \"\"", quotePosition);
        }

        var terms = Read(inner, innerPosition);
        var display = $"\"{inner}\"";
        return terms.Length == 1 ? terms[0] with { Display = display, Position = quotePosition }
            : new PhraseNode(terms, display, quotePosition);
    }

    private static TermNode[] Read(string text, int position)
    {
        var terms = new List<TermNode>();
        var goodStars = new List<int>();
        var tokenizer = new PostTokenizer(text, new char[text.Length]);
        while (tokenizer.MoveNext())
        {
            var at = position + tokenizer.Start;
            var source = text[tokenizer.Start..tokenizer.End];
            var key = tokenizer.Folded.ToString();
            var star = tokenizer.End < text.Length && text[tokenizer.End] == '*'
                && (tokenizer.End + 1 == text.Length || char.IsWhiteSpace(text[tokenizer.End + 1]));
            switch (tokenizer.Kind)
            {
                case TokenKind.Url:
                    throw new RuleSyntaxException("links are not matched as words; search for a word of the link instead", at);
                case TokenKind.Word when star:
                    if (key.Length < MinimumPrefixLength)
                    {
                        throw new RuleSyntaxException(
                            $"'{source}*' is too short for a wildcard; use at least {MinimumPrefixLength} letters", at);
                    }

                    goodStars.Add(tokenizer.End);
                    terms.Add(new TermNode(TermKind.Prefix, key, source + "*", at));
                    break;
                case TokenKind.Word:
                    terms.Add(new TermNode(TermKind.Word, key, source, at));
                    break;
                case TokenKind.Hashtag:
                    terms.Add(new TermNode(TermKind.Hashtag, key, source, at));
                    break;
                default:
                    terms.Add(new TermNode(TermKind.Mention, key, source, at));
                    break;
            }
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '*' && !goodStars.Contains(i))
            {
                throw new RuleSyntaxException("'*' only works at the end of a word, e.g. refund*,", position + i);
            }
        }

        if (terms.Count == 0)
        {
            throw new RuleSyntaxException($"'{text.Trim()}' has no letters or digits to match", position);
        }

        return [.. terms];
    }
}
