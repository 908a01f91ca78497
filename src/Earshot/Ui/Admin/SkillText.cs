namespace Earshot.Ui.Admin;

/// <summary>Skills as people type them in a form: <c>es:4, billing:3</c> (name and proficiency 1–5).</summary>
public static class SkillText
{
    public static bool TryParse(string? text, out Dictionary<string, int> skills, out string? error)
    {
        skills = new Dictionary<string, int>(StringComparer.Ordinal);
        error = null;
        foreach (var part in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pieces = part.Split(':', StringSplitOptions.TrimEntries);
            if (pieces.Length != 2 || pieces[0].Length is 0 or > 64 || !int.TryParse(pieces[1], out var level) || level is < 1 or > 5)
            {
                error = $"\"{part}\" is not skill:level with a level from 1 to 5 (e.g. es:4)";
                return false;
            }
            skills[pieces[0].ToLowerInvariant()] = level;
        }
        return true;
    }

    public static string Format(IReadOnlyDictionary<string, int> skills) => string.Join(", ", skills.OrderBy(s => s.Key).Select(s => $"{s.Key}:{s.Value}"));
}
