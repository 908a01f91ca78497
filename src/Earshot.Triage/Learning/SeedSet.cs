using System.Text;
using Earshot.Triage.Resources;

namespace Earshot.Triage.Learning;

/// <summary>
/// Earshot's built-in labelled examples: templates written for Earshot (<c>seed-posts.txt</c>: airlines, telecom, retail,
/// banking, software, food delivery; English plus es, fr, de, pt, it, nl) expanded with seeded random slot choices and
/// the surface noise of real posts (lower case, missing punctuation, shouting). Deterministic: same list every time.
/// </summary>
public static class SeedSet
{
    /// <summary>Posts generated per template.</summary>
    public const int VariantsPerTemplate = 8;

    /// <summary>The seed examples (a few thousand), generated once.</summary>
    public static IReadOnlyList<LabelledPost> Examples => Shared.Value;

    static readonly Lazy<IReadOnlyList<LabelledPost>> Shared = new(() => Generate(ResourceText.Lines("seed-posts.txt"), 1720));

    /// <summary>Expands template lines into labelled posts.</summary>
    public static IReadOnlyList<LabelledPost> Generate(IEnumerable<string> lines, int seed)
    {
        var random = new Random(seed);
        var slots = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var section = "";
        var posts = new List<LabelledPost>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            if (line.StartsWith('['))
            {
                section = line.Trim('[', ']', ' ');
                continue;
            }
            if (line.StartsWith("@slot ", StringComparison.Ordinal))
            {
                var eq = line.IndexOf('=');
                var name = line[6..eq].Trim();
                slots[section.Length > 0 ? $"{section}.{name}" : name] = line[(eq + 1)..].Split('|').Select(s => s.Trim()).ToArray();
                continue;
            }
            var space = line.IndexOf(' ');
            if (space < 2 || line[space - 1] is not ('+' or '-'))
            {
                continue;
            }
            var intent = line[..(space - 1)];
            var actionable = line[space - 1] == '+';
            var template = line[(space + 1)..];
            for (var v = 0; v < VariantsPerTemplate; v++)
            {
                var text = Roughen(Expand(template, section, slots, random), random);
                if (seen.Add(text))
                {
                    // Buckets come from the workspace's policy and sentiment from the lexicon, so the seed set labels neither.
                    posts.Add(new LabelledPost(text, intent, actionable));
                }
            }
        }
        return posts;
    }

    static string Expand(string template, string section, Dictionary<string, string[]> slots, Random random)
    {
        var result = new StringBuilder(template.Length + 32);
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] != '{')
            {
                result.Append(template[i]);
                continue;
            }
            var end = MatchingBrace(template, i);
            var body = template[(i + 1)..end];
            var options = SplitTopLevel(body);
            string choice;
            if (options.Count > 1)
            {
                var first = options[0] == "a" ? 1 : 0;
                choice = options[random.Next(first, options.Count)];
            }
            else
            {
                var values = slots.GetValueOrDefault($"{section}.{body}") ?? slots.GetValueOrDefault(body) ?? [body];
                choice = values[random.Next(values.Length)];
            }
            result.Append(Expand(choice, section, slots, random));
            i = end;
        }
        return result.ToString();
    }

    static int MatchingBrace(string s, int open)
    {
        var depth = 0;
        for (var i = open; i < s.Length; i++)
        {
            depth += s[i] == '{' ? 1 : s[i] == '}' ? -1 : 0;
            if (depth == 0)
            {
                return i;
            }
        }
        return s.Length - 1;
    }

    static List<string> SplitTopLevel(string body)
    {
        var parts = new List<string>();
        int depth = 0, start = 0;
        for (var i = 0; i < body.Length; i++)
        {
            depth += body[i] == '{' ? 1 : body[i] == '}' ? -1 : 0;
            if (body[i] == '|' && depth == 0)
            {
                parts.Add(body[start..i]);
                start = i + 1;
            }
        }
        parts.Add(body[start..]);
        return parts;
    }

    /// <summary>The noise of real posts: some are all lower case, some lose their final stop, some shout one word.</summary>
    static string Roughen(string text, Random random)
    {
        text = string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var roll = random.NextDouble();
        if (roll < 0.25)
        {
            text = text.ToLowerInvariant();
        }
        else if (roll < 0.32)
        {
            var words = text.Split(' ');
            var k = random.Next(words.Length);
            if (!words[k].StartsWith('@') && words[k].Length > 3)
            {
                words[k] = words[k].ToUpperInvariant();
            }
            text = string.Join(' ', words);
        }
        if (random.NextDouble() < 0.15 && text.Length > 1 && text[^1] is '.' or '!')
        {
            text = text[..^1];
        }
        if (random.NextDouble() < 0.1 && text.StartsWith('@'))
        {
            // Mentions at the end are as common as at the start.
            var space = text.IndexOf(' ');
            if (space > 0)
            {
                text = text[(space + 1)..] + " " + text[..space];
            }
        }
        return text;
    }
}
