using System.Security.Cryptography;
using System.Text;

namespace Earshot.Core.Channels.Webhook;

/// <summary>
/// The signature of a pushed body: <c>sha256=&lt;hex HMAC-SHA256 of the raw body with the source's secret&gt;</c>,
/// in the <see cref="Header"/> header (the GitHub / Meta convention, so senders can reuse their code).
/// </summary>
public static class WebhookSignature
{
    public const string Header = "X-Earshot-Signature";
    public const string SecretSetting = "secret";
    const string Prefix = "sha256=";

    /// <summary>The header value for <paramref name="body"/>.</summary>
    public static string Sign(string secret, ReadOnlySpan<byte> body) =>
        Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>True when <paramref name="header"/> is the signature of <paramref name="body"/>; compares in constant time.</summary>
    public static bool Verify(string secret, ReadOnlySpan<byte> body, string? header)
    {
        if (string.IsNullOrEmpty(secret) || header is null || !header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        var hex = header.AsSpan(Prefix.Length).Trim();
        if (hex.Length != HMACSHA256.HashSizeInBytes * 2)
        {
            return false;
        }
        Span<byte> given = stackalloc byte[HMACSHA256.HashSizeInBytes];
        if (Convert.FromHexString(hex, given, out _, out var written) != System.Buffers.OperationStatus.Done || written != given.Length)
        {
            return false;
        }
        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body, expected);
        return CryptographicOperations.FixedTimeEquals(given, expected);
    }
}
