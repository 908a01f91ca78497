using Earshot.Core.Channels;
using Microsoft.AspNetCore.DataProtection;

namespace Earshot.Hosting;

/// <summary>Source credentials encrypted with ASP.NET Core Data Protection, one protector per purpose.</summary>
public sealed class DataProtectionSecretProtector(IDataProtectionProvider provider) : ISecretProtector
{
    public string Protect(string purpose, string plaintext) => provider.CreateProtector(purpose).Protect(plaintext);

    public string Unprotect(string purpose, string protectedText) => provider.CreateProtector(purpose).Unprotect(protectedText);
}
