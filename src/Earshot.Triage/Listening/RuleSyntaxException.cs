namespace Earshot.Triage.Listening;

/// <summary>
/// A listening rule that cannot be compiled. The message names the problem and its position
/// ("expected ')' at 17"); <see cref="Position"/> lets an editor put the cursor on it.
/// </summary>
public sealed class RuleSyntaxException : FormatException
{
    public RuleSyntaxException(string problem, int position, long? ruleId = null)
        : base(ruleId is { } id ? $"rule {id}: {problem} at {position}" : $"{problem} at {position}")
    {
        Problem = problem.TrimEnd(',');
        Position = position;
        RuleId = ruleId;
    }

    /// <summary>What is wrong, without the position ("unknown field 'langg'").</summary>
    public string Problem { get; }

    /// <summary>0-based char offset in the query where the problem is.</summary>
    public int Position { get; }

    /// <summary>The id of the rule, when the query was compiled as part of a <see cref="ListeningRuleSet"/>.</summary>
    public long? RuleId { get; }
}
