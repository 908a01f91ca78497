namespace Earshot.Triage.Learning;

/// <summary>Where a hashed feature came from, so the few features that decide can be named to an agent.</summary>
/// <param name="Kind">Word, bigram, character n-gram or cue.</param>
/// <param name="A">First token index, or the <see cref="FeatureCue"/>.</param>
/// <param name="B">Second token index (bigram) or offset in the word (character n-gram).</param>
public readonly record struct FeatureOrigin(FeatureKind Kind, short A, short B);

/// <summary>The families of features the linear models read.</summary>
public enum FeatureKind : byte { Word, Bigram, CharGram, Cue }

/// <summary>Post-level facts fed to the models as features.</summary>
public enum FeatureCue : short
{
    QuestionMark, Exclamation, Shouting, Negation, VeryNegative, Negative, Neutral, Positive, VeryPositive,
    StartsWithMention, Mention, Url, ManyHashtags, ManyMentions, Duration, Short, Long, MoneyAmount, PhoneOrEmail,
}
