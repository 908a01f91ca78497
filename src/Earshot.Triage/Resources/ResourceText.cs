using System.Reflection;

namespace Earshot.Triage.Resources;

/// <summary>Reads the text resources embedded in this assembly (lexicon, language samples, seed set).</summary>
static class ResourceText
{
    /// <summary>The lines of resource <paramref name="name"/>, without blank lines and '#' comments.</summary>
    public static IEnumerable<string> Lines(string name)
    {
        using var stream = typeof(ResourceText).Assembly.GetManifestResourceStream("Earshot.Triage.Resources." + name)
            ?? throw new InvalidOperationException($"Embedded resource '{name}' is missing from {typeof(ResourceText).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                yield return line;
            }
        }
    }
}
