using Earshot.Triage.Listening.Query;

namespace Earshot.Triage.Listening.Matching;

/// <summary>Binds a parsed query to a shared <see cref="TermDictionary"/>, giving a tree of <see cref="MatchNode"/>s.</summary>
internal static class RuleCompiler
{
    public static MatchNode Compile(QueryNode node, TermDictionary terms) => node switch
    {
        TermNode { Kind: TermKind.Mention } mention => new MentionMatch(terms.GetOrAddExact(mention.Key)),
        TermNode or PhraseNode => CompileSpan(node, terms),
        NearNode near => new NearMatch(CompileSpan(near.Left, terms), CompileSpan(near.Right, terms), near.Distance),
        AndNode allOf => new AndMatch([.. allOf.Children.Select(c => Compile(c, terms))]),
        OrNode anyOf => new OrMatch([.. anyOf.Children.Select(c => Compile(c, terms))]),
        NotNode negation => new NotMatch(Compile(negation.Child, terms)),
        FieldNode field => CompileField(field, terms),
        _ => throw new ArgumentException($"unknown query node {node.GetType().Name}", nameof(node)),
    };

    private static SpanMatch CompileSpan(QueryNode node, TermDictionary terms) => node switch
    {
        TermNode { Kind: TermKind.Mention } mention => new MentionMatch(terms.GetOrAddExact(mention.Key)),
        TermNode term => new TermMatch(TermId(term, terms)),
        PhraseNode phrase => new PhraseMatch([.. phrase.Terms.Select(t => TermId(t, terms))]),
        OrNode anyOf => new AnySpanMatch([.. anyOf.Children.Select(c => CompileSpan(c, terms))]),
        // The parser only lets terms, phrases and ORs of them reach NEAR.
        _ => throw new ArgumentException($"{node.GetType().Name} cannot be a NEAR operand", nameof(node)),
    };

    private static int TermId(TermNode term, TermDictionary terms) =>
        term.Kind == TermKind.Prefix ? terms.GetOrAddPrefix(term.Key) : terms.GetOrAddExact(term.Key);

    private static MatchNode CompileField(FieldNode field, TermDictionary terms) => field.Field switch
    {
        FieldKind.Language => new LanguageMatch(field.Value),
        FieldKind.From => new FromMatch(terms.GetOrAddExact(field.Value)),
        FieldKind.Followers => new FollowersMatch(field.Comparison, field.Number),
        FieldKind.Verified => new VerifiedMatch(field.Value == "true"),
        _ => new PlatformMatch(field.Value),
    };
}
