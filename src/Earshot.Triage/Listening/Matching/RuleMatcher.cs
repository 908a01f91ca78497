using Earshot.Triage.Listening.Query;
using Earshot.Triage.Listening.Text;

namespace Earshot.Triage.Listening.Matching;

/// <summary>
/// Compiled rules and the one-pass matching loop shared by <see cref="RuleQuery"/> and
/// <see cref="ListeningRuleSet"/>: tokenize the post once, look each token up in the term
/// dictionary, wake only the rules that one of the found terms can satisfy (plus the few
/// that need no term), evaluate those.
/// </summary>
/// <remarks>Safe to share between threads: each call works in its own <see cref="MatchScratch"/>.</remarks>
internal sealed class RuleMatcher
{
    private readonly TermDictionary _terms = new();
    private readonly MatchNode[] _rules;
    private readonly int[][] _rulesByTerm;
    private readonly int[] _rulesWithoutTrigger;
    private MatchScratch? _spare;

    public RuleMatcher(IReadOnlyList<QueryNode> queries)
    {
        _rules = new MatchNode[queries.Count];
        for (var i = 0; i < queries.Count; i++)
        {
            _rules[i] = RuleCompiler.Compile(queries[i], _terms);
        }

        var byTerm = new List<int>?[_terms.Count];
        var withoutTrigger = new List<int>();
        var triggers = new List<int>();
        for (var i = 0; i < _rules.Length; i++)
        {
            triggers.Clear();
            if (!_rules[i].CollectTriggers(triggers))
            {
                withoutTrigger.Add(i);
                continue;
            }

            foreach (var term in triggers.Distinct())
            {
                (byTerm[term] ??= []).Add(i);
            }
        }

        _rulesByTerm = [.. byTerm.Select(list => list is null ? [] : list.ToArray())];
        _rulesWithoutTrigger = [.. withoutTrigger];
    }

    public int Count => _rules.Length;

    /// <summary>Calls <paramref name="onMatch"/> with the index of every matching rule, in rule order.</summary>
    public void Match<TSink>(in ListeningPost post, ref TSink onMatch)
        where TSink : struct, IMatchSink
    {
        var scratch = Interlocked.Exchange(ref _spare, null) ?? new MatchScratch(_terms.Count, _rules.Length);
        try
        {
            Tokenize(post, scratch);
            var count = CollectCandidates(scratch);
            var candidates = scratch.Candidates;
            for (var i = 0; i < count; i++)
            {
                if (_rules[candidates[i]].Evaluate(scratch, post) && !onMatch.Add(candidates[i]))
                {
                    return;
                }
            }
        }
        finally
        {
            Volatile.Write(ref _spare, scratch);
        }
    }

    private void Tokenize(in ListeningPost post, MatchScratch scratch)
    {
        var text = post.Text ?? "";
        var author = post.AuthorHandle.AsSpan().Trim().TrimStart('@');
        scratch.Begin(Math.Max(text.Length, author.Length + 1));
        var exact = _terms.Exact;
        var tokenizer = new PostTokenizer(text, scratch.Buffer);
        var position = 0;
        while (tokenizer.MoveNext())
        {
            var folded = tokenizer.Folded;
            switch (tokenizer.Kind)
            {
                case TokenKind.Word:
                    AddWord(folded, position, scratch);
                    break;
                case TokenKind.Hashtag:
                    // #acmefail is also the word acmefail: people write "my #acme flight".
                    AddExact(folded, position, scratch);
                    AddWord(folded[1..], position, scratch);
                    break;
                case TokenKind.Mention:
                    AddExact(folded, position, scratch);
                    var at = folded[1..].IndexOf('@');
                    if (at >= 0)
                    {
                        // "@jo@mastodon.social" is also "@jo".
                        AddExact(folded[..(at + 1)], position, scratch);
                    }

                    break;
            }

            position++;
        }

        if (author.Length > 0)
        {
            var buffer = scratch.Buffer;
            buffer[0] = '@';
            var length = 1;
            foreach (var c in author)
            {
                if (!TextFolding.IsDroppedMark(c))
                {
                    buffer[length++] = TextFolding.Fold(c);
                }
            }

            var handle = buffer.AsSpan(0, length);
            scratch.AuthorTerm = exact.TryGetValue(handle, out var term) ? term : -1;
            var at = handle[1..].IndexOf('@');
            scratch.AuthorLocalTerm = at >= 0 && exact.TryGetValue(handle[..(at + 1)], out var local) ? local : -1;
        }

        void AddExact(ReadOnlySpan<char> key, int at, MatchScratch s)
        {
            if (exact.TryGetValue(key, out var term))
            {
                s.AddOccurrence(term, at);
            }
        }

        void AddWord(ReadOnlySpan<char> word, int at, MatchScratch s)
        {
            AddExact(word, at, s);
            foreach (var length in _terms.PrefixLengths)
            {
                if (length > word.Length)
                {
                    break;
                }

                if (_terms.Prefixes.TryGetValue(word[..length], out var term))
                {
                    s.AddOccurrence(term, at);
                }
            }
        }
    }

    private int CollectCandidates(MatchScratch scratch)
    {
        var candidates = scratch.Candidates;
        var count = 0;
        for (var i = 0; i < scratch.PresentCount; i++)
        {
            count = Wake(_rulesByTerm[scratch.PresentTerms[i]], scratch, count);
        }

        if (scratch.AuthorTerm >= 0)
        {
            count = Wake(_rulesByTerm[scratch.AuthorTerm], scratch, count);
        }

        if (scratch.AuthorLocalTerm >= 0)
        {
            count = Wake(_rulesByTerm[scratch.AuthorLocalTerm], scratch, count);
        }

        foreach (var rule in _rulesWithoutTrigger)
        {
            candidates[count++] = rule;
        }

        // Callers get ids in rule order whatever order the terms were found in.
        candidates.AsSpan(0, count).Sort();
        return count;
    }

    private static int Wake(int[] rules, MatchScratch scratch, int count)
    {
        foreach (var rule in rules)
        {
            if (scratch.TryMarkRule(rule))
            {
                scratch.Candidates[count++] = rule;
            }
        }

        return count;
    }
}
