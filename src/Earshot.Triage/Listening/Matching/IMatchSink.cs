namespace Earshot.Triage.Listening.Matching;

/// <summary>Receives matching rule indexes; a struct so the matching loop is specialized and allocation-free.</summary>
internal interface IMatchSink
{
    /// <summary>Takes one matching rule; returns false to stop matching.</summary>
    bool Add(int ruleIndex);
}
