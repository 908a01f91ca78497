using Earshot.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Earshot.Migrations.Sqlite;

/// <summary>Lets <c>dotnet ef</c> build the model for this provider; no database is opened to add a migration.</summary>
public sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<EarshotDbContext>
{
    public EarshotDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<EarshotDbContext>();
        DatabaseSetup.Configure(options, DatabaseProvider.Sqlite, "Data Source=design-time.db");
        return new EarshotDbContext(options.Options);
    }
}
