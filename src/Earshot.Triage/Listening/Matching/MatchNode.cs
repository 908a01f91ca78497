namespace Earshot.Triage.Listening.Matching;

/// <summary>A compiled query node, evaluated against a post already tokenized into a <see cref="MatchScratch"/>.</summary>
internal abstract class MatchNode
{
    /// <summary>Relative cost, so AND and OR try the cheap children first.</summary>
    public virtual int Cost => 1;

    public abstract bool Evaluate(MatchScratch scratch, in ListeningPost post);

    /// <summary>
    /// Adds terms of which at least one must be in a post for this node to match, and returns
    /// true; returns false when the node can match without any term (NOT x, lang:en). Rules
    /// with triggers are only evaluated for posts that hold a trigger: that is what makes a
    /// thousand rules cheap.
    /// </summary>
    public virtual bool CollectTriggers(List<int> triggers) => false;
}

internal sealed class AndMatch(MatchNode[] children) : MatchNode
{
    private readonly MatchNode[] _children = [.. children.OrderBy(c => c.Cost)];

    public override int Cost => _children.Sum(c => c.Cost);

    public override bool Evaluate(MatchScratch scratch, in ListeningPost post)
    {
        foreach (var child in _children)
        {
            if (!child.Evaluate(scratch, post))
            {
                return false;
            }
        }

        return true;
    }

    // Any one required child is enough; the one with the fewest terms makes the fewest wake-ups.
    public override bool CollectTriggers(List<int> triggers)
    {
        List<int>? best = null;
        foreach (var child in _children)
        {
            var candidate = new List<int>();
            if (child.CollectTriggers(candidate) && (best is null || candidate.Count < best.Count))
            {
                best = candidate;
            }
        }

        if (best is null)
        {
            return false;
        }

        triggers.AddRange(best);
        return true;
    }
}

internal sealed class OrMatch(MatchNode[] children) : MatchNode
{
    private readonly MatchNode[] _children = [.. children.OrderBy(c => c.Cost)];

    public override int Cost => _children.Sum(c => c.Cost);

    public override bool Evaluate(MatchScratch scratch, in ListeningPost post)
    {
        foreach (var child in _children)
        {
            if (child.Evaluate(scratch, post))
            {
                return true;
            }
        }

        return false;
    }

    public override bool CollectTriggers(List<int> triggers) => _children.All(c => c.CollectTriggers(triggers));
}

internal sealed class NotMatch(MatchNode child) : MatchNode
{
    public override int Cost => child.Cost;

    public override bool Evaluate(MatchScratch scratch, in ListeningPost post) => !child.Evaluate(scratch, post);
}
