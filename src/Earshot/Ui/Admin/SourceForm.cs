using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;
using Earshot.Core.Channels;
using Earshot.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Ui.Admin;

/// <summary>A new source: the platform, a name, the connector that reads it, and the connector's settings as JSON.</summary>
public sealed class SourceForm
{
    [Required(ErrorMessage = "Say which platform (x, mastodon, rss, webhook...).")]
    [StringLength(32, ErrorMessage = "At most 32 characters.")]
    public string? Platform { get; set; }

    [Required(ErrorMessage = "Give the source a name.")]
    [StringLength(200, ErrorMessage = "At most 200 characters.")]
    public string? Name { get; set; }

    [Required(ErrorMessage = "Choose the connector that reads it.")]
    public string? Connector { get; set; }

    [StringLength(8000, ErrorMessage = "At most 8000 characters.")]
    [JsonObjectText]
    public string Settings { get; set; } = "{}";

    /// <summary>A source's form with its credentials masked: the secrets never reach the browser.</summary>
    public static SourceForm From(Source source) => new()
    {
        Platform = source.Platform,
        Name = source.Name,
        Connector = source.Connector,
        Settings = SourceCredentials.MaskSecrets(source.Settings),
    };

    /// <summary>
    /// Connects a source (<paramref name="id"/> null) or changes source <paramref name="id"/>. Credentials are encrypted
    /// before they are stored; a secret left as the mask keeps its stored value.
    /// </summary>
    public async Task<(Source? Source, FormErrors Errors)> SaveAsync(
        EarshotDbContext db, long workspaceId, long? id, ConnectorRegistry connectors, SourceCredentials credentials, DateTime now, CancellationToken ct)
    {
        var errors = new FormErrors();
        var connector = Connector!.Trim().ToLowerInvariant();
        if (connectors.Find(connector) is null)
        {
            errors.Add(nameof(Connector), $"No connector '{connector}'; available: {string.Join(", ", connectors.Names.Order())}.");
        }
        var name = Name!.Trim();
        if (await db.Sources.AnyAsync(s => s.WorkspaceId == workspaceId && s.Name == name && s.Id != id, ct))
        {
            errors.Add(nameof(Name), $"A source named '{name}' already exists.");
        }
        var source = id is { } existing ? await db.Sources.SingleOrDefaultAsync(s => s.WorkspaceId == workspaceId && s.Id == existing, ct) : null;
        if (id is not null && source is null)
        {
            errors.Add(nameof(Name), "This source was deleted meanwhile.");
        }
        var settings = string.IsNullOrWhiteSpace(Settings) ? "{}" : Settings.Trim();
        if (source is not null && KeepMaskedSecrets(settings, source.Settings) is var (merged, missing))
        {
            settings = merged;
            if (missing is not null)
            {
                errors.Add(nameof(Settings), $"'{missing}' shows the mask but has no stored value; type the secret itself.");
            }
        }
        else if (source is null && FirstMasked(settings) is { } masked)
        {
            errors.Add(nameof(Settings), $"'{masked}' is the mask, not a secret; type the secret itself.");
        }
        if (!errors.IsEmpty)
        {
            return (null, errors);
        }
        if (source is null)
        {
            source = new Source { WorkspaceId = workspaceId, Platform = "", Name = name, Connector = connector, CreatedAt = now };
            db.Sources.Add(source);
        }
        source.Platform = Platform!.Trim().ToLowerInvariant();
        source.Name = name;
        source.Connector = connector;
        // Tokens, secrets and passwords are encrypted before they reach the database (as the API does).
        source.Settings = credentials.Protect(settings);
        await db.SaveChangesAsync(ct);
        return (source, errors);
    }

    /// <summary>Connects a source.</summary>
    public Task<(Source? Source, FormErrors Errors)> SaveAsync(
        EarshotDbContext db, long workspaceId, ConnectorRegistry connectors, SourceCredentials credentials, DateTime now, CancellationToken ct) =>
        SaveAsync(db, workspaceId, null, connectors, credentials, now, ct);

    /// <summary>Pauses (no polling, webhooks refused) or resumes a source; false when it is gone.</summary>
    public static async Task<bool> SetPausedAsync(EarshotDbContext db, long id, bool paused, CancellationToken ct) => paused
        ? await db.Sources.Where(s => s.Id == id).ExecuteUpdateAsync(u => u.SetProperty(s => s.Status, SourceStatus.Paused), ct) > 0
        // Resuming starts with a clean slate: the next poll is not held back by the failures before the pause.
        : await db.Sources.Where(s => s.Id == id).ExecuteUpdateAsync(u => u
            .SetProperty(s => s.Status, SourceStatus.Active).SetProperty(s => s.ConsecutiveFailures, 0), ct) > 0;

    /// <summary>
    /// Deletes source <paramref name="id"/>. A source whose posts are stored stays (conversations and reports point at
    /// them); the reason is given back so the admin can pause it instead.
    /// </summary>
    public static async Task<string?> DeleteAsync(EarshotDbContext db, long id, CancellationToken ct)
    {
        var source = await db.Sources.SingleOrDefaultAsync(s => s.Id == id, ct);
        if (source is null)
        {
            return null;
        }
        if (await db.Posts.CountAsync(p => p.SourceId == id, ct) is > 0 and var posts)
        {
            return $"'{source.Name}' has {posts} stored post(s) that conversations and reports point at; pause it instead.";
        }
        db.Sources.Remove(source);
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>The new settings with every masked secret replaced by its stored (encrypted) value; names a masked key with none.</summary>
    internal static (string Settings, string? Missing) KeepMaskedSecrets(string settingsJson, string storedJson)
    {
        if (JsonNode.Parse(settingsJson) is not JsonObject settings)
        {
            return (settingsJson, null);
        }
        var stored = JsonNode.Parse(string.IsNullOrWhiteSpace(storedJson) ? "{}" : storedJson) as JsonObject ?? [];
        foreach (var (key, node) in settings.ToList())
        {
            if (node is JsonValue value && value.TryGetValue<string>(out var text) && text == SourceCredentials.Mask)
            {
                if (stored[key] is JsonValue old && old.TryGetValue<string>(out var kept))
                {
                    settings[key] = kept;
                }
                else
                {
                    return (settingsJson, key);
                }
            }
        }
        return (settings.ToJsonString(), null);
    }

    static string? FirstMasked(string settingsJson) =>
        (JsonNode.Parse(settingsJson) as JsonObject)?.FirstOrDefault(p => p.Value is JsonValue v && v.TryGetValue<string>(out var t) && t == SourceCredentials.Mask).Key;
}
