namespace Earshot.Triage.Rules;

/// <summary>What a cue phrase signals when it appears in a post.</summary>
public enum CueSignal : byte { Legal, Churn, Safety, Privacy, Spam }

/// <summary>One phrase rule: a cue (matched at word starts, case-insensitively; a trailing '*' accepts any word ending) and what it signals.</summary>
public readonly record struct CueRule(string Cue, CueSignal Signal);
