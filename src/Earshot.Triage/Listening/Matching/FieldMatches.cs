using Earshot.Triage.Listening.Query;

namespace Earshot.Triage.Listening.Matching;

/// <summary><c>lang:en</c>: the post's language, or a regional form of it (en-US, en_GB).</summary>
internal sealed class LanguageMatch(string language) : MatchNode
{
    public override bool Evaluate(MatchScratch scratch, in ListeningPost post)
    {
        var actual = post.Language.AsSpan().Trim();
        if (actual.Length < language.Length || (actual.Length > language.Length && actual[language.Length] is not ('-' or '_')))
        {
            return false;
        }

        for (var i = 0; i < language.Length; i++)
        {
            var c = actual[i] == '_' ? '-' : char.ToLowerInvariant(actual[i]);
            if (c != language[i])
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary><c>from:handle</c>: the author, looked up once per post in the term dictionary.</summary>
internal sealed class FromMatch(int handleTerm) : MatchNode
{
    public override bool Evaluate(MatchScratch scratch, in ListeningPost post) =>
        scratch.AuthorTerm == handleTerm || scratch.AuthorLocalTerm == handleTerm;

    public override bool CollectTriggers(List<int> triggers)
    {
        triggers.Add(handleTerm);
        return true;
    }
}

/// <summary><c>followers:&gt;1000</c> and the other comparisons.</summary>
internal sealed class FollowersMatch(Comparison comparison, long number) : MatchNode
{
    public override int Cost => 0;

    public override bool Evaluate(MatchScratch scratch, in ListeningPost post) => comparison switch
    {
        Comparison.Greater => post.Followers > number,
        Comparison.GreaterOrEqual => post.Followers >= number,
        Comparison.Less => post.Followers < number,
        Comparison.LessOrEqual => post.Followers <= number,
        _ => post.Followers == number,
    };
}

internal sealed class VerifiedMatch(bool verified) : MatchNode
{
    public override int Cost => 0;

    public override bool Evaluate(MatchScratch scratch, in ListeningPost post) => post.Verified == verified;
}

/// <summary><c>platform:x</c>; a post from "twitter" is a post from x.</summary>
internal sealed class PlatformMatch(string platform) : MatchNode
{
    public override bool Evaluate(MatchScratch scratch, in ListeningPost post)
    {
        var actual = post.Platform.AsSpan().Trim();
        return actual.Equals(platform, StringComparison.OrdinalIgnoreCase)
            || (platform == "x" && actual.Equals("twitter", StringComparison.OrdinalIgnoreCase));
    }
}
