using Earshot.Cli;
using Earshot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Tests.Cli;

/// <summary>The CSV reader of <c>earshot import-contacts</c>: records, and per-line errors with their line numbers.</summary>
public sealed class ContactFileReaderTests
{
    [Fact]
    public void Read_GoodAndBadLines_GivesRecordsAndNumberedErrors()
    {
        var csv = """
            name,customer_id,email,tier,lifetime_value,handles
            Jo Doe,C-1,jo@customer.test,Gold,1200.50,x:@jo;mastodon:@jo@m.social
            ,C-2,,,,
            No Id,,x@y.test,,,
            Bad Value,C-4,,,-3,
            Bad Mail,C-5,not-an-address,,,
            Bad Handle,C-6,,,,jo-without-platform
            "Quoted, Name",C-7,,,,twitter:@q
            """;

        var lines = ContactFileReader.Read(new StringReader(csv)).ToList();

        Assert.Equal([2L, 3, 4, 5, 6, 7, 8], lines.Select(l => l.Line));
        var jo = lines[0].Record!;
        Assert.Equal(("C-1", "Jo Doe", "jo@customer.test", "gold", 1200.5), (jo.CustomerId, jo.Name, jo.Email, jo.Tier, jo.LifetimeValue));
        Assert.Equal([("x", "jo"), ("mastodon", "jo@m.social")], jo.Handles);
        Assert.Equal("C-2", lines[1].Record!.Name);
        Assert.Contains("customer_id", lines[2].Error);
        Assert.Contains("lifetime_value", lines[3].Error);
        Assert.Contains("not an e-mail address", lines[4].Error);
        Assert.Contains("platform:handle", lines[5].Error);
        Assert.Equal(("Quoted, Name", "x", "q"), (lines[6].Record!.Name, lines[6].Record!.Handles[0].Platform, lines[6].Record!.Handles[0].Handle));
    }

    [Fact]
    public void Read_NoCustomerIdColumn_SaysSoOnLineOne()
    {
        var lines = ContactFileReader.Read(new StringReader("name,email\nJo,jo@x.test\n")).ToList();

        Assert.Equal((1L, ContactFileReader.MissingCustomerIdColumn), (lines.Single().Line, lines.Single().Error));
    }
}

/// <summary><c>earshot import-contacts</c> as users run it.</summary>
public sealed class ImportContactsProcessTests : IAsyncLifetime
{
    readonly SqliteTestDatabase _database = new();

    public Task InitializeAsync() => _database.InitializeAsync();
    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task ImportContacts_FileWithABadLine_ImportsTheRestReportsTheLineAndExitsWithOne()
    {
        var dir = Directory.CreateTempSubdirectory("earshot-contacts-");
        var file = Path.Combine(dir.FullName, "crm.csv");
        await File.WriteAllTextAsync(file, "customer_id,name,email,tier,lifetime_value,handles\nC-1,Jo,jo@customer.test,platinum,90000,x:@jo\nC-2,Bad,,,lots,\nC-3,Sam,,,10,\n");

        var (exit, output) = await EarshotProcess.RunAsync(_database, dir.FullName, "import-contacts", file);
        var (rerunExit, rerunOutput) = await EarshotProcess.RunAsync(_database, dir.FullName, "import-contacts", file);
        var (missingExit, missingOutput) = await EarshotProcess.RunAsync(_database, dir.FullName, "import-contacts", "nope.csv");

        Assert.Equal(1, exit);
        Assert.Contains("Imported 2 contacts (2 new, 0 updated)", output);
        Assert.Contains("line 3: lifetime_value 'lots'", output);
        Assert.Equal(1, rerunExit);
        Assert.Contains("Imported 2 contacts (0 new, 2 updated)", rerunOutput);
        Assert.Equal(2, missingExit);
        Assert.Contains("does not exist", missingOutput);
        await using var db = _database.CreateContext();
        var contacts = await db.Contacts.IgnoreQueryFilters().OrderBy(c => c.CustomerId).Select(c => c.CustomerId).ToListAsync();
        Assert.Equal(["C-1", "C-3"], contacts);
        Assert.True(await db.Identities.IgnoreQueryFilters().AnyAsync(i => i.Platform == "x" && i.HandleNormalized == "jo" && i.LinkedBy == "crm"));
    }
}
