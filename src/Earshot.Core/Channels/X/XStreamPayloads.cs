using System.Text.Json;
using System.Text.Json.Serialization;

namespace Earshot.Core.Channels.X;

/// <summary>One filtered-stream rule: <c>{"id","value","tag"}</c>.</summary>
internal sealed record XRule
{
    [JsonPropertyName("id")] public string? Id { get; init; }
    [JsonPropertyName("value")] public string Value { get; init; } = "";
    [JsonPropertyName("tag")] public string? Tag { get; init; }
}

/// <summary>
/// The answer of <c>GET</c> and <c>POST /2/tweets/search/stream/rules</c>: the rules, a summary of what changed, and
/// per-rule errors (an invalid or duplicate rule is reported here, with a 2xx status).
/// </summary>
internal sealed record XRulesResponse
{
    [JsonPropertyName("data")] public List<XRule>? Data { get; init; }
    [JsonPropertyName("meta")] public XRulesMeta? Meta { get; init; }
    [JsonPropertyName("errors")] public List<XRuleError>? Errors { get; init; }
}

internal sealed record XRulesMeta
{
    [JsonPropertyName("sent")] public string? Sent { get; init; }
    [JsonPropertyName("result_count")] public int ResultCount { get; init; }
    [JsonPropertyName("summary")] public XRulesSummary? Summary { get; init; }
}

internal sealed record XRulesSummary
{
    [JsonPropertyName("created")] public int Created { get; init; }
    [JsonPropertyName("not_created")] public int NotCreated { get; init; }
    [JsonPropertyName("deleted")] public int Deleted { get; init; }
    [JsonPropertyName("not_deleted")] public int NotDeleted { get; init; }
    [JsonPropertyName("valid")] public int Valid { get; init; }
    [JsonPropertyName("invalid")] public int Invalid { get; init; }
}

internal sealed record XRuleError
{
    [JsonPropertyName("value")] public string? Value { get; init; }
    [JsonPropertyName("id")] public string? Id { get; init; }
    [JsonPropertyName("title")] public string? Title { get; init; }
    [JsonPropertyName("detail")] public string? Detail { get; init; }
    [JsonPropertyName("type")] public string? Type { get; init; }
    [JsonPropertyName("details")] public List<string>? Details { get; init; }

    public override string ToString()
    {
        var what = string.Join(": ", new[] { Title, Detail }.Concat(Details ?? []).Where(p => !string.IsNullOrWhiteSpace(p)).Distinct());
        return Value is { Length: > 0 } value ? $"rule '{value}': {what}" : what;
    }
}

/// <summary>
/// One line of <c>GET /2/tweets/search/stream</c>: a tweet with its expansions and the rules it matched, or an
/// <c>errors</c> object (an operational disconnect) with no tweet.
/// </summary>
internal sealed record XStreamLine
{
    [JsonPropertyName("data")] public XTweet? Data { get; init; }
    [JsonPropertyName("includes")] public XIncludes? Includes { get; init; }
    [JsonPropertyName("matching_rules")] public List<XRule>? MatchingRules { get; init; }
    [JsonPropertyName("errors")] public List<XRuleError>? Errors { get; init; }

    public static XStreamLine? Parse(string line)
    {
        try
        {
            return JsonSerializer.Deserialize<XStreamLine>(line);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
