using System.Net.Http.Headers;
using Earshot.Core.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Earshot.Tests.Infrastructure;

/// <summary>The real server (all workers running) over a test database, driven through its HTTP API.</summary>
public sealed class EarshotAppFactory(TestDatabase database) : WebApplicationFactory<Program>
{
    public const string AdminKey = "test-admin-key-0123456789";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Earshot:Database:Provider", database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:Earshot", database.ConnectionString);
        builder.UseSetting("EARSHOT_ADMIN_KEY", AdminKey);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseEnvironment("Development");
    }

    public HttpClient CreateApiClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
        return client;
    }

    public EarshotDbContext CreateContext() => database.CreateContext();
}
