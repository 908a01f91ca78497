using Earshot.Triage;
using Earshot.Triage.Learning;

namespace Earshot.Bench.Triage;

/// <summary>Varied posts for the benchmarks: every 3rd seed example, so caches see many different words, not one post.</summary>
static class TriageCorpus
{
    public static readonly string[] Texts = SeedSet.Examples.Where((_, i) => i % 3 == 0).Select(p => p.Text).ToArray();

    public static readonly TriageInput[] Inputs = Texts.Select(t => new TriageInput(t, "x", AuthorFollowers: t.Length * 100)).ToArray();
}
