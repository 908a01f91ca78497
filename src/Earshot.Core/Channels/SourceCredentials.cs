using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Earshot.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Core.Channels;

/// <summary>
/// Keeps the credentials in a source's settings encrypted at rest: tokens, secrets and passwords are stored as
/// <c>"protected:…"</c> values (one Data Protection purpose per setting name), revealed only in memory right
/// before a connector uses them, and masked whenever settings are shown.
/// </summary>
public sealed class SourceCredentials(ISecretProtector protector)
{
    public const string Prefix = "protected:";
    public const string Mask = "********";
    const string Purpose = "Earshot.Channels.SourceSettings.";

    /// <summary>True for setting names that hold credentials: tokens, secrets, passwords, keys.</summary>
    public static bool IsSecret(string key)
    {
        var k = key.ToLowerInvariant();
        return k is "secret" or "token" or "password" or "api_key" or "apikey"
               || k.EndsWith("_token", StringComparison.Ordinal) || k.EndsWith("_secret", StringComparison.Ordinal)
               || k.EndsWith("password", StringComparison.Ordinal) || k.EndsWith("_key", StringComparison.Ordinal);
    }

    /// <summary>The settings JSON with every secret value encrypted (values already protected stay as they are).</summary>
    public string Protect(string settingsJson) =>
        Rewrite(settingsJson, (key, value) => value.StartsWith(Prefix, StringComparison.Ordinal) ? value : Prefix + protector.Protect(Purpose + key, value));

    /// <summary>The settings JSON with every protected value decrypted; plain values (older rows) pass unchanged.</summary>
    public string Reveal(string settingsJson) =>
        Rewrite(settingsJson, (key, value) =>
        {
            if (!value.StartsWith(Prefix, StringComparison.Ordinal))
            {
                return value;
            }
            try
            {
                return protector.Unprotect(Purpose + key, value[Prefix.Length..]);
            }
            catch (CryptographicException ex)
            {
                throw new InvalidOperationException(
                    $"The setting '{key}' cannot be decrypted with this node's Data Protection keys (is the key ring shared with the node that stored it?): {ex.Message}", ex);
            }
        });

    /// <summary>Decrypts the settings of a source read with AsNoTracking, for a connector to use; never save it back.</summary>
    public Source Reveal(Source source)
    {
        source.Settings = Reveal(source.Settings);
        return source;
    }

    /// <summary>
    /// Encrypts credentials still stored in plain text (sources saved before encryption existed); returns how many
    /// sources changed. Run at start-up, after the migrations.
    /// </summary>
    public async Task<int> ProtectStoredAsync(EarshotDbContext db, CancellationToken ct)
    {
        var changed = 0;
        foreach (var source in await db.Sources.IgnoreQueryFilters().ToListAsync(ct))
        {
            var protectedSettings = Protect(source.Settings);
            if (protectedSettings != Rewrite(source.Settings, (_, value) => value))
            {
                source.Settings = protectedSettings;
                changed++;
            }
        }
        await db.SaveChangesAsync(ct);
        return changed;
    }

    /// <summary>The settings JSON with every secret replaced by <see cref="Mask"/>, for showing to people.</summary>
    public static string MaskSecrets(string settingsJson) => Rewrite(settingsJson, (_, _) => Mask);

    static string Rewrite(string settingsJson, Func<string, string, string> secret)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(string.IsNullOrWhiteSpace(settingsJson) ? "{}" : settingsJson);
        }
        catch (JsonException)
        {
            return settingsJson;
        }
        if (root is not JsonObject settings)
        {
            return settingsJson;
        }
        foreach (var (key, node) in settings.ToList())
        {
            if (IsSecret(key) && node is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0)
            {
                settings[key] = secret(key, text);
            }
        }
        return settings.ToJsonString();
    }
}
