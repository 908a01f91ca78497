namespace Earshot.Core.Replies;

/// <summary>Fills a canned response's placeholders and finds responses by keyword. Pure functions.</summary>
public static class CannedResponseText
{
    /// <summary>Replaces <c>{first_name}</c>, <c>{case_id}</c> and <c>{agent_name}</c>; unknown placeholders stay as written.</summary>
    public static string Fill(string text, string? customerName, long conversationId, string? agentName) => text
        .Replace("{first_name}", FirstName(customerName), StringComparison.OrdinalIgnoreCase)
        .Replace("{case_id}", CaseId(conversationId), StringComparison.OrdinalIgnoreCase)
        .Replace("{agent_name}", FirstName(agentName), StringComparison.OrdinalIgnoreCase);

    /// <summary>The case number customers quote back: the conversation id, zero-padded.</summary>
    public static string CaseId(long conversationId) => $"C-{conversationId:D6}";

    /// <summary>The first word of a display name, without a leading '@'; "there" when nothing is known.</summary>
    public static string FirstName(string? name)
    {
        var trimmed = name?.Trim().TrimStart('@');
        if (string.IsNullOrEmpty(trimmed))
        {
            return "there";
        }
        var space = trimmed.IndexOf(' ');
        return space > 0 ? trimmed[..space] : trimmed;
    }

    /// <summary>Responses whose title, keywords or text contain every word of the query, title matches first.</summary>
    public static IReadOnlyList<CannedResponse> Search(IEnumerable<CannedResponse> responses, string? query)
    {
        var words = (query ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return [.. responses
            .Where(r => words.All(w => Contains(r.Title, w) || Contains(r.Keywords, w) || Contains(r.Text, w)))
            .OrderByDescending(r => words.Count(w => Contains(r.Title, w) || Contains(r.Keywords, w)))
            .ThenBy(r => r.Title, StringComparer.OrdinalIgnoreCase)];
    }

    static bool Contains(string haystack, string word) => haystack.Contains(word, StringComparison.OrdinalIgnoreCase);
}
