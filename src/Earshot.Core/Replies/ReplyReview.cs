using System.Text.RegularExpressions;
using Earshot.Triage;

namespace Earshot.Core.Replies;

/// <summary>
/// The tone and risk check a reply passes before it goes out. A draft that shouts, blames the customer or makes a
/// promise the policy reserves for supervisors (refunds, compensation, guarantees), or any reply on a conversation
/// flagged as a legal threat or going viral, is held for a supervisor's approval with these reasons. Pure code.
/// </summary>
public static partial class ReplyReview
{
    /// <summary>Letters needed before the capitals ratio means anything ("OK" is not shouting).</summary>
    public const int MinLettersForShouting = 12;
    public const double ShoutingRatio = 0.6;

    static readonly (string Phrase, string Reason)[] Phrases =
    [
        ("your fault", "blames the customer"),
        ("you should have", "blames the customer"),
        ("you failed to", "blames the customer"),
        ("you didn't read", "blames the customer"),
        ("not our problem", "blames the customer"),
        ("calm down", "dismissive tone"),
        ("whatever", "dismissive tone"),
        ("stupid", "insulting word"),
        ("idiot", "insulting word"),
        ("guarantee", "promises a guarantee"),
        ("guaranteed", "promises a guarantee"),
        ("we promise", "makes a promise"),
        ("full refund", "promises a refund"),
        ("refund you", "promises a refund"),
        ("will be refunded", "promises a refund"),
        ("compensate", "promises compensation"),
        ("compensation", "promises compensation"),
        ("our fault", "admits liability"),
        ("we are liable", "admits liability"),
        ("lawyer", "talks about legal action"),
        ("lawsuit", "talks about legal action"),
    ];

    /// <summary>The reasons to hold the reply; empty when it may go straight out.</summary>
    public static IReadOnlyList<string> Check(string text, RiskFlags conversationRisks)
    {
        var reasons = new List<string>();
        if (conversationRisks.HasFlag(RiskFlags.Legal))
        {
            reasons.Add("the conversation is flagged as a legal threat");
        }
        if (conversationRisks.HasFlag(RiskFlags.Viral))
        {
            reasons.Add("the conversation is flagged as going viral");
        }
        var (letters, capitals) = (0, 0);
        foreach (var c in text)
        {
            if (char.IsLetter(c))
            {
                letters++;
                capitals += char.IsUpper(c) ? 1 : 0;
            }
        }
        if (letters >= MinLettersForShouting && capitals >= letters * ShoutingRatio)
        {
            reasons.Add($"shouting: {capitals * 100 / letters} % of the letters are capitals");
        }
        var words = Words().Replace(text.ToLowerInvariant().Replace('’', '\''), " ");
        var padded = $" {words} ";
        foreach (var (phrase, reason) in Phrases)
        {
            if (padded.Contains($" {phrase} ", StringComparison.Ordinal) && !reasons.Any(r => r.StartsWith(reason, StringComparison.Ordinal)))
            {
                reasons.Add($"{reason} (\"{phrase}\")");
            }
        }
        return reasons;
    }

    // Everything that is not a letter, digit or apostrophe separates words.
    [GeneratedRegex(@"[^\p{L}\p{N}']+")]
    private static partial Regex Words();
}
