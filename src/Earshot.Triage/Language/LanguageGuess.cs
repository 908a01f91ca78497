namespace Earshot.Triage.Language;

/// <summary>A language decision: a BCP-47 code ("und" when unsure), how sure (0..1), and on what it rests.</summary>
public readonly record struct LanguageGuess(string Language, float Confidence, string Because);
