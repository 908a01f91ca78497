using System.Text.Json;
using System.Text.Json.Serialization;

namespace Earshot.Core.Channels.Email;

/// <summary>
/// Where an IMAP mailbox was left: the highest UID read and the UIDVALIDITY it belongs to. When the server
/// changes UIDVALIDITY the UIDs mean nothing any more and reading starts over (ingest drops what it has seen).
/// </summary>
public sealed record EmailCursor
{
    [JsonPropertyName("uidvalidity")] public uint UidValidity { get; init; }
    [JsonPropertyName("uid")] public uint LastUid { get; init; }

    public static EmailCursor? Parse(string? cursor)
    {
        try
        {
            return string.IsNullOrWhiteSpace(cursor) ? null : JsonSerializer.Deserialize<EmailCursor>(cursor);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public string Serialize() => JsonSerializer.Serialize(this);
}
