using Earshot.Core.Data;
using Earshot.Core.Ingestion;
using Earshot.Triage.Listening;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Core.Listening;

/// <summary>Which of the latest stored posts a draft listening rule would match, before anyone saves it.</summary>
public static class RulePreview
{
    /// <summary>Reads the <paramref name="limit"/> latest posts of the context's workspace scope and keeps those the rule matches.</summary>
    public static async Task<(int Scanned, IReadOnlyList<Post> Matches)> RunAsync(EarshotDbContext db, RuleQuery rule, int limit, CancellationToken ct)
    {
        var posts = await db.Posts.AsNoTracking().OrderByDescending(p => p.Id).Take(limit).ToListAsync(ct);
        var matches = posts
            .Where(p => rule.Matches(new ListeningPost(p.Text, p.AuthorHandle, p.Platform, p.Language ?? p.LanguageHint, p.AuthorFollowers, p.AuthorVerified)))
            .ToList();
        return (posts.Count, matches);
    }
}
