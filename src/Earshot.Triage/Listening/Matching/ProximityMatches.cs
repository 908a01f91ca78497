namespace Earshot.Triage.Listening.Matching;

/// <summary>A node that can also say where in the post it matched, as word-position spans (for NEAR).</summary>
internal abstract class SpanMatch : MatchNode
{
    public abstract void PushSpans(MatchScratch scratch);
}

/// <summary>A word, prefix or hashtag anywhere in the text.</summary>
internal sealed class TermMatch(int term) : SpanMatch
{
    public override int Cost => 0;

    public override bool Evaluate(MatchScratch scratch, in ListeningPost post) => scratch.IsPresent(term);

    public override bool CollectTriggers(List<int> triggers)
    {
        triggers.Add(term);
        return true;
    }

    public override void PushSpans(MatchScratch scratch)
    {
        for (var o = scratch.FirstOccurrence(term); o >= 0; o = scratch.NextOccurrence(o))
        {
            var p = scratch.PositionOf(o);
            scratch.PushSpan(p, p);
        }
    }
}

/// <summary>@handle: mentioned in the text, or the author. In NEAR only the text counts.</summary>
internal sealed class MentionMatch(int term) : SpanMatch
{
    private readonly TermMatch _inText = new(term);

    public override int Cost => 0;

    public override bool Evaluate(MatchScratch scratch, in ListeningPost post) =>
        scratch.IsPresent(term) || scratch.AuthorTerm == term || scratch.AuthorLocalTerm == term;

    public override bool CollectTriggers(List<int> triggers) => _inText.CollectTriggers(triggers);

    public override void PushSpans(MatchScratch scratch) => _inText.PushSpans(scratch);
}

/// <summary>Terms on consecutive word positions ("lost bag").</summary>
internal sealed class PhraseMatch(int[] terms) : SpanMatch
{
    public override int Cost => 2;

    public override bool Evaluate(MatchScratch scratch, in ListeningPost post)
    {
        foreach (var term in terms)
        {
            if (!scratch.IsPresent(term))
            {
                return false;
            }
        }

        for (var o = scratch.FirstOccurrence(terms[0]); o >= 0; o = scratch.NextOccurrence(o))
        {
            if (FollowsAt(scratch, scratch.PositionOf(o)))
            {
                return true;
            }
        }

        return false;
    }

    public override bool CollectTriggers(List<int> triggers)
    {
        triggers.Add(terms[0]);
        return true;
    }

    public override void PushSpans(MatchScratch scratch)
    {
        for (var o = scratch.FirstOccurrence(terms[0]); o >= 0; o = scratch.NextOccurrence(o))
        {
            var p = scratch.PositionOf(o);
            if (FollowsAt(scratch, p))
            {
                scratch.PushSpan(p, p + terms.Length - 1);
            }
        }
    }

    private bool FollowsAt(MatchScratch scratch, int start)
    {
        for (var k = 1; k < terms.Length; k++)
        {
            if (!scratch.OccursAt(terms[k], start + k))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>An OR of terms and phrases used as a NEAR operand: <c>(refund OR "lost bag") NEAR/5 acme</c>.</summary>
internal sealed class AnySpanMatch(SpanMatch[] children) : SpanMatch
{
    private readonly OrMatch _any = new(children);

    public override int Cost => _any.Cost;

    public override bool Evaluate(MatchScratch scratch, in ListeningPost post) => _any.Evaluate(scratch, post);

    public override bool CollectTriggers(List<int> triggers) => _any.CollectTriggers(triggers);

    public override void PushSpans(MatchScratch scratch)
    {
        foreach (var child in children)
        {
            child.PushSpans(scratch);
        }
    }
}

/// <summary>
/// Two operands at most <c>distance</c> words apart, in either order: NEAR/1 is side by side.
/// Operands must not overlap, so <c>acme NEAR/3 acme</c> needs two acmes.
/// </summary>
internal sealed class NearMatch(SpanMatch left, SpanMatch right, int distance) : MatchNode
{
    public override int Cost => 3 + left.Cost + right.Cost;

    public override bool Evaluate(MatchScratch scratch, in ListeningPost post)
    {
        if (!left.Evaluate(scratch, post) || !right.Evaluate(scratch, post))
        {
            return false;
        }

        var bottom = scratch.SpanCount;
        left.PushSpans(scratch);
        var middle = scratch.SpanCount;
        right.PushSpans(scratch);
        var top = scratch.SpanCount;
        var spans = scratch.Spans;
        var found = false;
        for (var i = bottom; i < middle && !found; i++)
        {
            var a = spans[i];
            for (var j = middle; j < top; j++)
            {
                var b = spans[j];
                var gap = b.Start > a.End ? b.Start - a.End : a.Start > b.End ? a.Start - b.End : 0;
                if (gap is > 0 && gap <= distance)
                {
                    found = true;
                    break;
                }
            }
        }

        scratch.SpanCount = bottom;
        return found;
    }

    // Both sides are required: wake on the side with fewer terms ("refund OR delay" NEAR/5 acme wakes on acme).
    public override bool CollectTriggers(List<int> triggers)
    {
        List<int> fromLeft = [], fromRight = [];
        var leftOk = left.CollectTriggers(fromLeft);
        var rightOk = right.CollectTriggers(fromRight);
        if (!leftOk && !rightOk)
        {
            return false;
        }

        triggers.AddRange(!rightOk || (leftOk && fromLeft.Count <= fromRight.Count) ? fromLeft : fromRight);
        return true;
    }
}
