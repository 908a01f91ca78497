using System.Globalization;
using System.Text;

namespace Earshot.Core.Search;

/// <summary>
/// What a person typed in the search box, parsed once in the web-search style both databases understand:
/// words must all occur, <c>"quoted words"</c> occur together in that order, <c>or</c> between two items accepts
/// either, and <c>-word</c> excludes. Only letters and digits are kept, so no input can reach the databases' own
/// query syntax: a stray quote, parenthesis, colon or asterisk is just a separator.
/// </summary>
public sealed class SearchText
{
    /// <summary>The longest query accepted, in characters.</summary>
    public const int MaxLength = 500;

    const int MaxItems = 32;

    SearchText(IReadOnlyList<IReadOnlyList<SearchItem>> groups, IReadOnlyList<SearchItem> excluded)
    {
        Groups = groups;
        Excluded = excluded;
    }

    /// <summary>Items that must all match; within a group, any one item is enough (the <c>or</c>s).</summary>
    public IReadOnlyList<IReadOnlyList<SearchItem>> Groups { get; }

    /// <summary>Items that must not match.</summary>
    public IReadOnlyList<SearchItem> Excluded { get; }

    /// <summary>
    /// Parses <paramref name="query"/>. Null or blank is no text condition (<paramref name="text"/> null, no error);
    /// otherwise answers an error a person can act on when there is nothing to look for.
    /// </summary>
    public static bool TryParse(string? query, out SearchText? text, out string? error)
    {
        text = null;
        error = null;
        if (string.IsNullOrWhiteSpace(query))
        {
            return true;
        }
        if (query.Length > MaxLength)
        {
            error = $"q is longer than {MaxLength} characters";
            return false;
        }
        var groups = new List<List<SearchItem>>();
        var excluded = new List<SearchItem>();
        var joinNext = false;
        var i = 0;
        while (i < query.Length)
        {
            var c = query[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }
            var negated = false;
            if (c == '-' && i + 1 < query.Length && !char.IsWhiteSpace(query[i + 1]))
            {
                negated = true;
                i++;
            }
            string raw;
            var quoted = query[i] == '"';
            if (quoted)
            {
                var close = query.IndexOf('"', i + 1);
                var end = close < 0 ? query.Length : close;
                raw = query[(i + 1)..end];
                i = close < 0 ? query.Length : close + 1;
            }
            else
            {
                var start = i;
                while (i < query.Length && !char.IsWhiteSpace(query[i]) && query[i] != '"')
                {
                    i++;
                }
                raw = query[start..i];
            }
            if (!quoted && !negated && raw.Equals("or", StringComparison.OrdinalIgnoreCase))
            {
                joinNext = groups.Count > 0;
                continue;
            }
            var words = Words(raw);
            if (words.Count == 0)
            {
                continue;
            }
            var item = new SearchItem(words);
            if (negated)
            {
                excluded.Add(item);
            }
            else if (joinNext)
            {
                groups[^1].Add(item);
            }
            else
            {
                groups.Add([item]);
            }
            joinNext = false;
            if (groups.Sum(g => g.Count) + excluded.Count > MaxItems)
            {
                error = $"q may hold at most {MaxItems} words or phrases";
                return false;
            }
        }
        if (groups.Count == 0)
        {
            error = excluded.Count == 0
                ? "q has no words to search for (letters or digits)"
                : "q needs at least one word to look for besides the excluded (-word) ones";
            return false;
        }
        text = new SearchText(groups, excluded);
        return true;
    }

    /// <summary>The same query in a normalized web-search form: every item quoted, <c>or</c> and <c>-</c> only.</summary>
    public string ToWebSearch()
    {
        var sb = new StringBuilder();
        foreach (var group in Groups)
        {
            for (var k = 0; k < group.Count; k++)
            {
                sb.Append(k == 0 ? (sb.Length == 0 ? "" : " ") : " or ");
                sb.Append('"').AppendJoin(' ', group[k].Words).Append('"');
            }
        }
        foreach (var item in Excluded)
        {
            sb.Append(" -\"").AppendJoin(' ', item.Words).Append('"');
        }
        return sb.ToString();
    }

    /// <summary>The same query as an SQLite FTS5 expression: quoted phrases, AND, OR and NOT.</summary>
    public string ToFts5()
    {
        var sb = new StringBuilder("(");
        for (var g = 0; g < Groups.Count; g++)
        {
            sb.Append(g == 0 ? "" : " AND ").Append('(');
            for (var k = 0; k < Groups[g].Count; k++)
            {
                sb.Append(k == 0 ? "" : " OR ");
                sb.Append('"').AppendJoin(' ', Groups[g][k].Words).Append('"');
            }
            sb.Append(')');
        }
        sb.Append(')');
        foreach (var item in Excluded)
        {
            sb.Append(" NOT \"").AppendJoin(' ', item.Words).Append('"');
        }
        return sb.ToString();
    }

    // Runs of letters, digits and combining marks; everything else separates words, as both databases' tokenizers do.
    static List<string> Words(string raw)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= raw.Length; i++)
        {
            var inWord = i < raw.Length && IsWordChar(raw, i);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                words.Add(raw[start..i].ToLowerInvariant());
                start = -1;
            }
            if (i < raw.Length && char.IsHighSurrogate(raw[i]) && inWord)
            {
                i++;
            }
        }
        return words;
    }

    static bool IsWordChar(string s, int i)
    {
        var c = s[i];
        if (char.IsLetterOrDigit(c))
        {
            return true;
        }
        if (char.IsHighSurrogate(c))
        {
            return Rune.TryGetRuneAt(s, i, out var rune) && Rune.IsLetterOrDigit(rune);
        }
        return CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
    }
}

/// <summary>One word, or several that must occur together in this order.</summary>
public sealed record SearchItem(IReadOnlyList<string> Words);
