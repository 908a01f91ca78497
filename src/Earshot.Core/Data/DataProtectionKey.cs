namespace Earshot.Core.Data;

/// <summary>
/// One key of the ASP.NET Core Data Protection key ring, as the XML Data Protection writes. Kept in the database so
/// every node that shares it can decrypt what another node encrypted (source credentials, sign-in cookies).
/// </summary>
public sealed class DataProtectionKey
{
    public long Id { get; set; }
    public string? FriendlyName { get; set; }
    public required string Xml { get; set; }
}
