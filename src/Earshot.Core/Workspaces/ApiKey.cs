using System.Security.Cryptography;
using System.Text;

namespace Earshot.Core.Workspaces;

/// <summary>A bearer key for the REST API. Only a SHA-256 hash of the key is stored.</summary>
public sealed class ApiKey
{
    public long Id { get; set; }
    public long WorkspaceId { get; set; }
    public required string Name { get; set; }
    /// <summary>The first characters of the key, so people can tell keys apart without seeing them.</summary>
    public required string Prefix { get; set; }
    public required string Hash { get; set; }
    public AgentRoleName Role { get; set; } = AgentRoleName.Admin;
    public DateTime CreatedAt { get; set; }
    public DateTime? RevokedAt { get; set; }

    public static string HashOf(string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>A new random key with a recognisable prefix.</summary>
    public static string NewSecret() => "esk_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
}
