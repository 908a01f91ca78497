using System.Net.Http.Json;
using System.Text.Json;
using Earshot.Core.Channels;
using Earshot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Earshot.Tests.Channels.Credentials;

/// <summary>Source credentials at rest: encrypted in the row, masked in the API, readable by every node on the database.</summary>
public abstract class SourceCredentialsApiTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase> where TDatabase : TestDatabase
{
    const string Token = "x-access-token-TOP-SECRET-4711";
    const string Password = "reddit-password-hunter2";

    async Task<(long Id, JsonElement Json)> CreateAsync(EarshotAppFactory app)
    {
        var response = await app.CreateApiClient().PostAsJsonAsync("/api/v1/sources", new
        {
            platform = "x",
            name = $"X {Guid.NewGuid():N}",
            settings = new { query = "@AcmeAir", access_token = Token, password = Password, poll_interval_seconds = 60 },
        });
        response.EnsureSuccessStatusCode();
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (json.GetProperty("id").GetInt64(), json);
    }

    [Fact]
    public async Task Create_Credentials_AreNotInTheDatabaseRowAndMaskedInTheApi()
    {
        await using var app = new EarshotAppFactory(database);

        var (id, created) = await CreateAsync(app);
        var listed = await app.CreateApiClient().GetFromJsonAsync<JsonElement>("/api/v1/sources");

        await using var db = app.CreateContext();
        var raw = await db.Sources.IgnoreQueryFilters().Where(s => s.Id == id).Select(s => s.Settings).SingleAsync();
        Assert.DoesNotContain(Token, raw);
        Assert.DoesNotContain(Password, raw);
        Assert.Contains("\"access_token\":\"protected:", raw);
        Assert.Contains("\"query\":\"@AcmeAir\"", raw);
        var shown = listed.EnumerateArray().Single(s => s.GetProperty("id").GetInt64() == id).GetProperty("settings");
        Assert.Equal(SourceCredentials.Mask, shown.GetProperty("access_token").GetString());
        Assert.Equal(SourceCredentials.Mask, shown.GetProperty("password").GetString());
        Assert.Equal("@AcmeAir", shown.GetProperty("query").GetString());
        Assert.Equal(60, shown.GetProperty("poll_interval_seconds").GetInt32());
        Assert.DoesNotContain(Token, created.GetRawText());
        Assert.True(await db.DataProtectionKeys.AnyAsync());
    }

    [Fact]
    public async Task SecondNode_OnTheSameDatabase_DecryptsWhatTheFirstEncrypted()
    {
        string raw;
        await using (var first = new EarshotAppFactory(database))
        {
            var (id, _) = await CreateAsync(first);
            await using var db = first.CreateContext();
            raw = await db.Sources.IgnoreQueryFilters().Where(s => s.Id == id).Select(s => s.Settings).SingleAsync();
        }

        await using var second = new EarshotAppFactory(database);
        var revealed = second.Services.GetRequiredService<SourceCredentials>().Reveal(raw);

        using var settings = JsonDocument.Parse(revealed);
        Assert.Equal(Token, settings.RootElement.GetProperty("access_token").GetString());
        Assert.Equal(Password, settings.RootElement.GetProperty("password").GetString());
        Assert.Equal("@AcmeAir", settings.RootElement.GetProperty("query").GetString());
    }

    [Fact]
    public async Task Startup_CredentialsStoredInPlainBefore_AreEncrypted()
    {
        long id;
        await using (var db = database.CreateContext())
        {
            var workspace = new Earshot.Core.Workspaces.Workspace { Name = "Old", Slug = $"old-{Guid.NewGuid():N}", CreatedAt = DateTime.UtcNow };
            db.Workspaces.Add(workspace);
            await db.SaveChangesAsync();
            var source = new Source
            {
                WorkspaceId = workspace.Id, Platform = "reddit", Name = "old reddit", Connector = "reddit", CreatedAt = DateTime.UtcNow,
                Settings = $$"""{"client_id":"id-1","client_secret":"{{Password}}","subreddit":"acmeair"}""",
            };
            db.Sources.Add(source);
            await db.SaveChangesAsync();
            id = source.Id;
        }

        await using var app = new EarshotAppFactory(database);
        _ = app.CreateClient();

        await using var check = app.CreateContext();
        var raw = await check.Sources.IgnoreQueryFilters().Where(s => s.Id == id).Select(s => s.Settings).SingleAsync();
        Assert.DoesNotContain(Password, raw);
        Assert.Contains("\"client_id\":\"id-1\"", raw);
        Assert.Contains(Password, app.Services.GetRequiredService<SourceCredentials>().Reveal(raw));
    }
}

public sealed class SqliteSourceCredentialsApiTests(SqliteTestDatabase database) : SourceCredentialsApiTests<SqliteTestDatabase>(database);

public sealed class PostgresSourceCredentialsApiTests(PostgresTestDatabase database) : SourceCredentialsApiTests<PostgresTestDatabase>(database);
