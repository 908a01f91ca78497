using System.Xml.Linq;
using Earshot.Core.Data;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Hosting;

/// <summary>
/// Stores the Data Protection key ring in the Earshot database (table <c>data_protection_keys</c>), so every node on
/// the same database shares it: what one node encrypted, another decrypts.
/// </summary>
public sealed class DatabaseXmlRepository(IDbContextFactory<EarshotDbContext> contexts) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var db = contexts.CreateDbContext();
        return db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).ToList().Select(XElement.Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var db = contexts.CreateDbContext();
        db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}
