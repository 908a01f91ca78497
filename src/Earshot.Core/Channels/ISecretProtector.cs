namespace Earshot.Core.Channels;

/// <summary>
/// Encrypts and decrypts one secret for one purpose. The host backs it with ASP.NET Core Data Protection and a key
/// ring every node shares, so Earshot.Core stays free of ASP.NET references.
/// </summary>
public interface ISecretProtector
{
    string Protect(string purpose, string plaintext);

    /// <summary>Throws <see cref="System.Security.Cryptography.CryptographicException"/> when no key of the ring can open it.</summary>
    string Unprotect(string purpose, string protectedText);
}
