using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Earshot.Core.Data;

/// <summary>Configures the one DbContext for the chosen provider and its migrations assembly.</summary>
public static class DatabaseSetup
{
    public const string SqliteMigrationsAssembly = "Earshot.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "Earshot.Migrations.Postgres";

    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                options.UseSqlite(connectionString, o => o.MigrationsAssembly(SqliteMigrationsAssembly));
                options.AddInterceptors(SqlitePragmaInterceptor.Instance);
                break;
            case DatabaseProvider.Postgres:
                options.UseNpgsql(connectionString, o => o.MigrationsAssembly(PostgresMigrationsAssembly));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider.");
        }
        // Global query filters read the context's workspace scope; warnings about it are understood.
        options.ConfigureWarnings(w => w.Ignore(CoreEventId.PossibleIncorrectRequiredNavigationWithQueryFilterInteractionWarning));
    }

    public static IDatabaseDialect DialectFor(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Postgres => new PostgresDialect(),
        _ => new SqliteDialect(),
    };

    /// <summary>Short waits instead of "database is locked", and durable-enough WAL writes.</summary>
    sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
    {
        public static readonly SqlitePragmaInterceptor Instance = new();

        public override void ConnectionOpened(System.Data.Common.DbConnection connection, ConnectionEndEventData eventData) =>
            Apply(connection);

        public override Task ConnectionOpenedAsync(System.Data.Common.DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Apply(connection);
            return Task.CompletedTask;
        }

        static void Apply(System.Data.Common.DbConnection connection)
        {
            if (connection is not SqliteConnection)
            {
                return;
            }
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON;";
            command.ExecuteNonQuery();
        }
    }
}
