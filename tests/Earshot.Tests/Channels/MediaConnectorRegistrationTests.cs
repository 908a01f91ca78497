using Earshot.Core.Channels;
using Earshot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Earshot.Tests.Channels;

public sealed class SqliteMediaConnectorRegistrationTests(SqliteTestDatabase database) : MediaConnectorRegistrationTests<SqliteTestDatabase>(database);

public sealed class PostgresMediaConnectorRegistrationTests(PostgresTestDatabase database) : MediaConnectorRegistrationTests<PostgresTestDatabase>(database);

/// <summary>The running server's connectors say which take images, so the outbox hands them the attachments.</summary>
public abstract class MediaConnectorRegistrationTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    readonly EarshotAppFactory _app = new(database);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public void Server_ConnectorsThatTakeImages_AreMastodonXBlueskyAndEmail()
    {
        var connectors = _app.Services.GetServices<IChannelConnector>();

        var takingMedia = connectors.Where(c => c.TakesMedia).Select(c => c.Name).Order(StringComparer.Ordinal);

        Assert.Equal(["bluesky", "email", "mastodon", "x"], takingMedia);
    }
}
