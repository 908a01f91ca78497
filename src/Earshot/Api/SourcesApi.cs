using System.Security.Claims;
using System.Text.Json;
using Earshot.Core.Channels;
using Earshot.Core.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Api;

/// <summary>Sources: the accounts and feeds posts come from, with their health.</summary>
public static class SourcesApi
{
    public static RouteGroupBuilder MapSourcesApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/sources").WithTags("Sources");
        group.MapGet("/", ListAsync).WithSummary("Sources with their status and last error");
        group.MapPost("/", CreateAsync).WithSummary("Connect a source");
        return api;
    }

    static async Task<Ok<List<SourceJson>>> ListAsync(EarshotDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await db.Sources.AsNoTracking().OrderBy(s => s.Id).ToListAsync(ct)).Select(SourceJson.From).ToList());

    static async Task<Results<Created<SourceJson>, ProblemHttpResult>> CreateAsync(
        SourceRequest request, ClaimsPrincipal user, EarshotDbContext db, ConnectorRegistry connectors, SourceCredentials credentials, TimeProvider time,
        CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Platform) || request.Platform.Length > 32)
        {
            return (ProblemHttpResult)Problems.BadRequest("platform is required (x, mastodon, bluesky, reddit, facebook, instagram, rss, email, webhook...)", "platform");
        }
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 200)
        {
            return (ProblemHttpResult)Problems.BadRequest("name is required (at most 200 characters)", "name");
        }
        if (request.Settings is { ValueKind: not (JsonValueKind.Object or JsonValueKind.Undefined or JsonValueKind.Null) })
        {
            return (ProblemHttpResult)Problems.BadRequest("settings must be a JSON object", "settings");
        }
        var connector = (request.Connector ?? request.Platform).Trim().ToLowerInvariant();
        if (connectors.Find(connector) is null)
        {
            return (ProblemHttpResult)Problems.BadRequest(
                $"no connector '{connector}' in this version; available: {string.Join(", ", connectors.Names.Order())}", "connector");
        }
        var name = request.Name.Trim();
        if (await db.Sources.AnyAsync(s => s.Name == name, ct))
        {
            return (ProblemHttpResult)Problems.Conflict($"A source named '{name}' already exists.");
        }
        var source = new Source
        {
            WorkspaceId = user.WorkspaceId(),
            Platform = request.Platform.Trim().ToLowerInvariant(),
            Name = name,
            Connector = connector,
            // Tokens, secrets and passwords are encrypted before they reach the database.
            Settings = credentials.Protect(request.Settings is { ValueKind: JsonValueKind.Object } s ? s.GetRawText() : "{}"),
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.Sources.Add(source);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/sources/{source.Id}", SourceJson.From(source));
    }
}

public sealed record SourceRequest(string? Platform, string? Name, string? Connector, JsonElement? Settings);

/// <summary>A source as the API shows it; credentials in its settings are masked, never echoed.</summary>
public sealed record SourceJson(long Id, string Platform, string Name, string Connector, string Status, string? LastError, DateTime? LastErrorAt, DateTime CreatedAt,
    JsonElement Settings)
{
    public static SourceJson From(Source s) => new(s.Id, s.Platform, s.Name, s.Connector, TriageJson.Name(s.Status), s.LastError, s.LastErrorAt, s.CreatedAt,
        MaskedSettings(s.Settings));

    static JsonElement MaskedSettings(string settings)
    {
        try
        {
            using var doc = JsonDocument.Parse(SourceCredentials.MaskSecrets(settings));
            return doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            return JsonDocument.Parse("{}").RootElement.Clone();
        }
    }
}
