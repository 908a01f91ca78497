namespace Earshot.Triage.Listening.Matching;

/// <summary>
/// Per-call working memory of a <see cref="RuleMatcher"/>: which terms a post holds and at which
/// word positions. Reused from call to call; a generation stamp replaces clearing the arrays.
/// </summary>
internal sealed class MatchScratch
{
    private readonly int[] _termStamp;
    private readonly int[] _firstOccurrence;
    private readonly int[] _lastOccurrence;
    private readonly int[] _ruleStamp;
    private int[] _occurrencePosition = new int[64];
    private int[] _occurrenceNext = new int[64];
    private int _occurrenceCount;
    private int _generation;

    public MatchScratch(int termCount, int ruleCount)
    {
        _termStamp = new int[termCount];
        _firstOccurrence = new int[termCount];
        _lastOccurrence = new int[termCount];
        PresentTerms = new int[Math.Max(termCount, 1)];
        _ruleStamp = new int[ruleCount];
        Candidates = new int[ruleCount];
    }

    public char[] Buffer { get; private set; } = new char[256];

    /// <summary>Distinct terms found in the text, in order of first appearance.</summary>
    public int[] PresentTerms { get; }

    public int PresentCount { get; private set; }

    /// <summary>Term id of "@author" (and of its local part for "jo@mastodon.social"), or -1.</summary>
    public int AuthorTerm { get; set; } = -1;

    public int AuthorLocalTerm { get; set; } = -1;

    /// <summary>Rules to evaluate for this post, by index.</summary>
    public int[] Candidates { get; }

    /// <summary>Spans (first and last word position) collected by NEAR, used as a stack.</summary>
    public (int Start, int End)[] Spans { get; private set; } = new (int, int)[32];

    public int SpanCount { get; set; }

    public void Begin(int textLength)
    {
        if (++_generation == int.MaxValue)
        {
            Array.Clear(_termStamp);
            Array.Clear(_ruleStamp);
            _generation = 1;
        }

        if (Buffer.Length < textLength)
        {
            Buffer = new char[Math.Max(textLength, Buffer.Length * 2)];
        }

        _occurrenceCount = 0;
        PresentCount = 0;
        SpanCount = 0;
        AuthorTerm = -1;
        AuthorLocalTerm = -1;
    }

    public void AddOccurrence(int term, int position)
    {
        if (_occurrenceCount == _occurrencePosition.Length)
        {
            Array.Resize(ref _occurrencePosition, _occurrenceCount * 2);
            Array.Resize(ref _occurrenceNext, _occurrenceCount * 2);
        }

        var occurrence = _occurrenceCount++;
        _occurrencePosition[occurrence] = position;
        _occurrenceNext[occurrence] = -1;
        if (_termStamp[term] != _generation)
        {
            _termStamp[term] = _generation;
            _firstOccurrence[term] = occurrence;
            PresentTerms[PresentCount++] = term;
        }
        else
        {
            _occurrenceNext[_lastOccurrence[term]] = occurrence;
        }

        _lastOccurrence[term] = occurrence;
    }

    public bool IsPresent(int term) => _termStamp[term] == _generation;

    /// <summary>The first occurrence of a term (an index for <see cref="PositionOf"/>), or -1.</summary>
    public int FirstOccurrence(int term) => IsPresent(term) ? _firstOccurrence[term] : -1;

    public int NextOccurrence(int occurrence) => _occurrenceNext[occurrence];

    public int PositionOf(int occurrence) => _occurrencePosition[occurrence];

    public bool OccursAt(int term, int position)
    {
        for (var o = FirstOccurrence(term); o >= 0; o = _occurrenceNext[o])
        {
            var p = _occurrencePosition[o];
            if (p >= position)
            {
                return p == position;
            }
        }

        return false;
    }

    /// <summary>Marks a rule as a candidate once per post; false when it already is.</summary>
    public bool TryMarkRule(int rule)
    {
        if (_ruleStamp[rule] == _generation)
        {
            return false;
        }

        _ruleStamp[rule] = _generation;
        return true;
    }

    public void PushSpan(int start, int end)
    {
        if (SpanCount == Spans.Length)
        {
            var spans = Spans;
            Array.Resize(ref spans, SpanCount * 2);
            Spans = spans;
        }

        Spans[SpanCount++] = (start, end);
    }
}
