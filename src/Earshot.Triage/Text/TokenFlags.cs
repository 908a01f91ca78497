namespace Earshot.Triage.Text;

/// <summary>Surface facts about a token that sentiment and the models use.</summary>
[Flags]
public enum TokenFlags : byte
{
    None = 0,
    /// <summary>At least two letters and no lower-case letter ("WORST").</summary>
    AllCaps = 1,
    /// <summary>A letter repeated three times or more ("sooooo").</summary>
    Elongated = 2,
    /// <summary>A negator: not, no, never, cannot, any "n't" contraction...</summary>
    Negation = 4,
    /// <summary>Contains an apostrophe between letters ("don't", "I'm").</summary>
    Contraction = 8,
    /// <summary>A camel-case part of the hashtag just before it.</summary>
    HashtagPart = 16,
    /// <summary>A punctuation run longer than one character ("!!!").</summary>
    Repeated = 32,
}
