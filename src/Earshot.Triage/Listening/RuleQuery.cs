using System.Diagnostics.CodeAnalysis;
using Earshot.Triage.Listening.Matching;
using Earshot.Triage.Listening.Query;

namespace Earshot.Triage.Listening;

/// <summary>
/// One compiled listening rule, e.g. <c>"acme air" OR @acmeair OR #acmefail AND NOT (job OR hiring)</c>.
/// Immutable and safe to share between threads. To match many rules against each post, use
/// <see cref="ListeningRuleSet"/>, which reads each post once for all of them.
/// </summary>
/// <remarks>
/// The language: words (case- and accent-insensitive, whole words, <c>refund*</c> for a prefix),
/// <c>"quoted phrases"</c>, <c>#hashtag</c>, <c>@handle</c> (mentioned or author), <c>AND</c>,
/// <c>OR</c>, <c>NOT</c> or <c>-term</c>, parentheses, <c>a NEAR/n b</c>, and the filters
/// <c>lang:</c>, <c>from:</c>, <c>followers:&gt;N</c> (also <c>&gt;=</c>, <c>&lt;</c>, <c>&lt;=</c>, <c>=</c>),
/// <c>verified:true|false</c>, <c>platform:</c>. Terms side by side mean AND; NOT binds tighter
/// than AND, AND tighter than OR. Operators are upper case.
/// </remarks>
public sealed class RuleQuery
{
    private readonly RuleMatcher _matcher;

    private RuleQuery(string query, QueryNode root)
    {
        Query = query;
        Root = root;
        _matcher = new RuleMatcher([root]);
    }

    /// <summary>The query as written.</summary>
    public string Query { get; }

    internal QueryNode Root { get; }

    /// <summary>Compiles a query.</summary>
    /// <exception cref="RuleSyntaxException">The query is not valid; the message names the problem and its position.</exception>
    public static RuleQuery Parse(string query) => new(query, QueryParser.Parse(query));

    /// <summary>Compiles a query, or says why it cannot be compiled.</summary>
    public static bool TryParse(
        string query,
        [NotNullWhen(true)] out RuleQuery? rule,
        [NotNullWhen(false)] out RuleSyntaxException? error)
    {
        try
        {
            rule = Parse(query);
            error = null;
            return true;
        }
        catch (RuleSyntaxException e)
        {
            rule = null;
            error = e;
            return false;
        }
    }

    /// <summary>Whether the post satisfies the rule.</summary>
    public bool Matches(in ListeningPost post)
    {
        var sink = new AnyMatch();
        _matcher.Match(post, ref sink);
        return sink.Found;
    }

    /// <summary>The query as it was understood: operators spelled out, parentheses where precedence decided.</summary>
    public override string ToString() => QueryFormatter.Format(Root);

    private struct AnyMatch : IMatchSink
    {
        public bool Found;

        public bool Add(int ruleIndex)
        {
            Found = true;
            return false;
        }
    }
}
