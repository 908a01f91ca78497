using System.ComponentModel.DataAnnotations;
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

    public async Task<(Source? Source, FormErrors Errors)> SaveAsync(EarshotDbContext db, long workspaceId, ConnectorRegistry connectors, DateTime now, CancellationToken ct)
    {
        var errors = new FormErrors();
        var connector = Connector!.Trim().ToLowerInvariant();
        if (connectors.Find(connector) is null)
        {
            errors.Add(nameof(Connector), $"No connector '{connector}'; available: {string.Join(", ", connectors.Names.Order())}.");
        }
        var name = Name!.Trim();
        if (await db.Sources.AnyAsync(s => s.WorkspaceId == workspaceId && s.Name == name, ct))
        {
            errors.Add(nameof(Name), $"A source named '{name}' already exists.");
        }
        if (!errors.IsEmpty)
        {
            return (null, errors);
        }
        var source = new Source
        {
            WorkspaceId = workspaceId,
            Platform = Platform!.Trim().ToLowerInvariant(),
            Name = name,
            Connector = connector,
            Settings = string.IsNullOrWhiteSpace(Settings) ? "{}" : Settings.Trim(),
            CreatedAt = now,
        };
        db.Sources.Add(source);
        await db.SaveChangesAsync(ct);
        return (source, errors);
    }
}
