using Earshot.Core.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Earshot.Tests.Infrastructure;

/// <summary>
/// A fresh, migrated database for one test class: a temp SQLite file, or a new database on the PostgreSQL server
/// that ./test.sh starts (EARSHOT_TEST_POSTGRES). PostgreSQL tests never skip: without a server they fail and say so.
/// </summary>
public abstract class TestDatabase : IAsyncLifetime
{
    public abstract DatabaseProvider Provider { get; }
    public string ConnectionString { get; protected set; } = "";

    public EarshotDbContext CreateContext()
    {
        var options = new DbContextOptionsBuilder<EarshotDbContext>();
        DatabaseSetup.Configure(options, Provider, ConnectionString);
        return new EarshotDbContext(options.Options);
    }

    public IDatabaseDialect Dialect => DatabaseSetup.DialectFor(Provider);

    public virtual async Task InitializeAsync()
    {
        await using var db = CreateContext();
        await db.Database.MigrateAsync();
    }

    public abstract Task DisposeAsync();
}

public sealed class SqliteTestDatabase : TestDatabase
{
    readonly string _path = Path.Combine(Path.GetTempPath(), $"earshot-test-{Guid.NewGuid():N}.db");

    public SqliteTestDatabase() => ConnectionString = $"Data Source={_path};Pooling=False";

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public override Task DisposeAsync()
    {
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
        return Task.CompletedTask;
    }
}

public sealed class PostgresTestDatabase : TestDatabase
{
    public const string Variable = "EARSHOT_TEST_POSTGRES";
    readonly string _name = $"earshot_test_{Guid.NewGuid():N}";

    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    static string Server => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } server
        ? server
        : throw new InvalidOperationException(
            $"PostgreSQL tests need a server: set {Variable} (e.g. Host=127.0.0.1;Port=5433;Username=postgres) or run ./test.sh, which starts one.");

    public override async Task InitializeAsync()
    {
        await using (var connection = new NpgsqlConnection(Server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {_name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        ConnectionString = new NpgsqlConnectionStringBuilder(Server) { Database = _name }.ConnectionString;
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(Server);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
