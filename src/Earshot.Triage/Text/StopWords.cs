using System.Collections.Frozen;

namespace Earshot.Triage.Text;

/// <summary>
/// Function words that carry no topic (English, plus the commonest Spanish, French, German and Portuguese ones),
/// in the lower-case form <see cref="Tokenizer.Normalize"/> writes. Looked up by span, without allocating.
/// </summary>
public static class StopWords
{
    static readonly FrozenSet<string> Words = FrozenSet.ToFrozenSet(
        """
        a about above after again against all also am an and any are aren't as at be because been before being below
        between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down during each few
        for from further get got had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers herself
        him himself his how how's i i'd i'll i'm i've if in into is isn't it it's its itself just let's me more most
        mustn't my myself no nor not now of off on once only or other ought our ours ourselves out over own same shan't
        she she'd she'll she's should shouldn't so some such than that that's the their theirs them themselves then there
        there's these they they'd they'll they're they've this those through to too under until up very was wasn't we
        we'd we'll we're we've were weren't what what's when when's where where's which while who who's whom why why's
        will with won't would wouldn't you you'd you'll you're you've your yours yourself yourselves im ive dont cant
        didnt doesnt isnt wont u ur ya yeah yes ok okay oh lol rt amp via still even really much many one two
        el la los las un una unos unas y o de del al en con por para es son que se su sus lo le les mi mis tu muy pero
        le la les un une des et ou de du au aux en avec pour par est sont que qui se sa son ses ce cette mon ma mes pas
        der die das ein eine und oder zu mit von für ist sind nicht ich du er sie es wir ihr auf im den dem des
        o os as um uma e ou de do da dos das em com por para não que se seu sua
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);

    static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup = Words.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>True when <paramref name="normalized"/> (lower case, as Normalize writes it) is a stop word.</summary>
    public static bool Contains(ReadOnlySpan<char> normalized) => Lookup.Contains(normalized);
}
