using Earshot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Tests.Data;

/// <summary>Fails when the model changed without a migration (run scripts/add-migration.sh NAME).</summary>
public abstract class MigrationDriftTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase> where TDatabase : TestDatabase
{
    [Fact]
    public void Model_HasNoChangesWithoutMigration()
    {
        using var db = database.CreateContext();

        Assert.False(db.Database.HasPendingModelChanges(), $"The model has changes with no {database.Provider} migration.");
    }

    [Fact]
    public async Task Migrations_AreAllApplied()
    {
        await using var db = database.CreateContext();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }
}

public sealed class SqliteMigrationDriftTests(SqliteTestDatabase database) : MigrationDriftTests<SqliteTestDatabase>(database);

public sealed class PostgresMigrationDriftTests(PostgresTestDatabase database) : MigrationDriftTests<PostgresTestDatabase>(database);
