namespace Earshot.Triage.Language;

/// <summary>Writing systems the identifier tells apart before it looks at words.</summary>
public enum Script : byte { Latin, Cyrillic, Greek, Arabic, Hebrew, Devanagari, Thai, Hangul, Kana, Han, Other }
