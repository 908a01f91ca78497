using System.Globalization;
using Earshot.Triage.Listening.Text;

namespace Earshot.Triage.Listening.Query;

/// <summary>Reads and validates the value of a field filter (<c>lang:es</c>, <c>followers:&gt;=10k</c>...).</summary>
internal static class QueryFieldReader
{
    public static FieldNode Read(string name, string value, int position, int valuePosition)
    {
        switch (name)
        {
            case "lang":
                if (!IsLanguageTag(value))
                {
                    throw Invalid("lang needs a language code", name, valuePosition);
                }

                return new FieldNode(FieldKind.Language, value.Replace('_', '-').ToLowerInvariant(), Comparison.Equal, 0, position);
            case "from":
                var handle = value.TrimStart('@');
                if (handle.Length == 0 || !handle.All(c => char.IsLetterOrDigit(c) || c is '_' or '.' or '-' or '@'))
                {
                    throw Invalid("from needs a handle", name, valuePosition);
                }

                return new FieldNode(FieldKind.From, "@" + TextFolding.Fold(handle), Comparison.Equal, 0, position);
            case "followers":
                return ReadFollowers(value, position, valuePosition);
            case "verified":
                var verified = value.ToLowerInvariant() switch
                {
                    "true" or "yes" => "true",
                    "false" or "no" => "false",
                    _ => throw Invalid("verified needs true or false", name, valuePosition),
                };
                return new FieldNode(FieldKind.Verified, verified, Comparison.Equal, 0, position);
            default:
                var platform = value.ToLowerInvariant();
                if (!platform.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
                {
                    throw Invalid("platform needs a name", name, valuePosition);
                }

                // Admins still say "twitter"; the product calls the network x.
                return new FieldNode(FieldKind.Platform, platform == "twitter" ? "x" : platform, Comparison.Equal, 0, position);
        }
    }

    private static FieldNode ReadFollowers(string value, int position, int valuePosition)
    {
        var (comparison, length) = value switch
        {
            _ when value.StartsWith(">=", StringComparison.Ordinal) => (Comparison.GreaterOrEqual, 2),
            _ when value.StartsWith("<=", StringComparison.Ordinal) => (Comparison.LessOrEqual, 2),
            _ when value.StartsWith('>') => (Comparison.Greater, 1),
            _ when value.StartsWith('<') => (Comparison.Less, 1),
            _ when value.StartsWith('=') => (Comparison.Equal, 1),
            _ => throw Invalid("followers needs a comparison and a number", "followers", valuePosition),
        };
        var digits = value.AsSpan(length);
        long multiplier = 1;
        if (digits.Length > 0 && (digits[^1] | 0x20) is 'k' or 'm')
        {
            multiplier = (digits[^1] | 0x20) == 'k' ? 1_000 : 1_000_000;
            digits = digits[..^1];
        }

        if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number > long.MaxValue / multiplier)
        {
            throw Invalid("followers needs a comparison and a number", "followers", valuePosition + length);
        }

        return new FieldNode(FieldKind.Followers, value, comparison, number * multiplier, position);
    }

    private static bool IsLanguageTag(string value)
    {
        var parts = value.Split('-', '_');
        return parts[0].Length is >= 2 and <= 3 && parts[0].All(char.IsAsciiLetter)
            && parts.Skip(1).All(p => p.Length is >= 1 and <= 8 && p.All(char.IsAsciiLetterOrDigit));
    }

    private static RuleSyntaxException Invalid(string problem, string field, int position) =>
        new($"{problem}, e.g. {QueryLexer.Example(field)},", position);
}
