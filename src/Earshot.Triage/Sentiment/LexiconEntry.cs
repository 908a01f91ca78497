namespace Earshot.Triage.Sentiment;

/// <summary>What the lexicon knows of one key: its valence (if any), its boost as a degree word, whether phrases start with it.</summary>
public readonly record struct LexiconEntry(float Valence, bool HasValence, float Boost, bool StartsPhrase);
