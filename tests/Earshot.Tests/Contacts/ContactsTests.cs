using Earshot.Core.Contacts;
using Earshot.Core.Data;
using Earshot.Core.Ingestion;
using Earshot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Tests.Contacts;

public sealed class ContactsSqliteTests() : ContactsTests(new SqliteTestDatabase());

public sealed class ContactsPostgresTests() : ContactsTests(new PostgresTestDatabase());

/// <summary>CRM import, automatic and manual linking, merge and undo, and the customer's value in priority.</summary>
public abstract class ContactsTests(TestDatabase database) : IAsyncLifetime
{
    readonly PipelineHarness _harness = new(database);

    public Task InitializeAsync() => database.InitializeAsync();
    public Task DisposeAsync() => database.DisposeAsync();

    static ContactRecord Record(string id, string name, string? email = null, string? tier = null, double value = 0, string? handles = null) =>
        new(id, name, email, tier, value, ContactRecord.ParseHandles(handles).Handles);

    Task<IReadOnlyList<ContactImport.Outcome>> ImportAsync(EarshotDbContext db, long workspaceId, params ContactRecord[] records) =>
        ContactImport.UpsertAsync(db, workspaceId, records, _harness.Now, default);

    static Task<Identity> IdentityAsync(EarshotDbContext db, string platform, string handle) =>
        db.Identities.IgnoreQueryFilters().AsNoTracking().SingleAsync(i => i.Platform == platform && i.HandleNormalized == handle);

    [Fact]
    public async Task Import_SameCustomerIdTwice_UpdatesTheContactAndLinksItsHandles()
    {
        await using var db = database.CreateContext();
        var ws = await _harness.NewWorkspaceAsync(db);
        var first = await ImportAsync(db, ws.Id, Record("C-1", "Jo Doe", "Jo@Customer.test", "silver", 1200, "x:@jo;mastodon:@jo@m.social"));

        var second = await ImportAsync(db, ws.Id, Record("C-1", "Jo Doe-Smith", "jo@customer.test", "platinum", 52000, "x:@jo"));

        Assert.True(first.Single().Created);
        Assert.False(second.Single().Created);
        var contact = await db.Contacts.IgnoreQueryFilters().AsNoTracking().SingleAsync(c => c.WorkspaceId == ws.Id);
        Assert.Equal(("Jo Doe-Smith", "platinum", 52000d, "jo@customer.test"), (contact.DisplayName, contact.Tier, contact.LifetimeValue, contact.EmailNormalized));
        foreach (var (platform, handle) in new[] { ("x", "jo"), ("mastodon", "jo@m.social"), ("email", "jo@customer.test") })
        {
            var identity = await IdentityAsync(db, platform, handle);
            Assert.Equal(contact.Id, identity.ContactId);
            Assert.Equal(ContactLinker.ByCrm, identity.LinkedBy);
        }
    }

    [Fact]
    public async Task Import_HandleOfAnotherContact_IsLeftWhereItIsAndReported()
    {
        await using var db = database.CreateContext();
        var ws = await _harness.NewWorkspaceAsync(db);
        await ImportAsync(db, ws.Id, Record("C-1", "Jo", handles: "x:@jo"));

        var outcome = await ImportAsync(db, ws.Id, Record("C-2", "Someone else", handles: "x:@JO"));

        Assert.Contains("already belongs to contact", Assert.Single(outcome.Single().Warnings));
        var owner = await db.Contacts.IgnoreQueryFilters().AsNoTracking().SingleAsync(c => c.CustomerId == "C-1" && c.WorkspaceId == ws.Id);
        Assert.Equal(owner.Id, (await IdentityAsync(db, "x", "jo")).ContactId);
    }

    [Fact]
    public async Task Pipeline_AuthorOnFileFromCrm_ConversationCarriesTheContactAndItsValueRaisesPriority()
    {
        await using var db = database.CreateContext();
        var ws = await _harness.NewWorkspaceAsync(db);
        await ImportAsync(db, ws.Id, Record("C-9", "Vip Val", tier: "platinum", value: 90000, handles: "x:@val"));
        await _harness.IngestAsync(db, ws.Id, PipelineHarness.Complaint("v1", "val"), PipelineHarness.Complaint("s1", "stranger"));

        await _harness.DrainAsync(db);

        var posts = await db.Posts.IgnoreQueryFilters().AsNoTracking().Where(p => p.WorkspaceId == ws.Id).ToDictionaryAsync(p => p.ExternalId);
        Assert.True(posts["v1"].PriorityParts["value"] > 0);
        Assert.Equal(0, posts["s1"].PriorityParts["value"]);
        Assert.True(posts["v1"].Priority > posts["s1"].Priority);
        var contactId = (await IdentityAsync(db, "x", "val")).ContactId;
        var conversation = await db.Conversations.IgnoreQueryFilters().AsNoTracking().SingleAsync(c => c.Id == posts["v1"].ConversationId);
        Assert.Equal(contactId, conversation.ContactId);
    }

    [Fact]
    public async Task Pipeline_PrivateMessageGivingCustomerId_LinksTheIdentity()
    {
        await using var db = database.CreateContext();
        var ws = await _harness.NewWorkspaceAsync(db);
        await ImportAsync(db, ws.Id, Record("C-10023", "Ana"));
        await _harness.IngestAsync(db, ws.Id, new PostDocument
        {
            Id = "dm1", Platform = "x", Private = true, Text = "Hi, my customer number is c-10023, can you check my refund?", Author = new PostAuthor { Handle = "ana_travels" },
        });

        await _harness.DrainAsync(db);

        var identity = await IdentityAsync(db, "x", "ana_travels");
        var contact = await db.Contacts.IgnoreQueryFilters().AsNoTracking().SingleAsync(c => c.WorkspaceId == ws.Id);
        Assert.Equal(contact.Id, identity.ContactId);
        Assert.Equal(ContactLinker.ByMessage, identity.LinkedBy);
    }

    [Fact]
    public async Task Pipeline_PublicPostGivingCustomerId_DoesNotLink()
    {
        await using var db = database.CreateContext();
        var ws = await _harness.NewWorkspaceAsync(db);
        await ImportAsync(db, ws.Id, Record("C-10023", "Ana"));
        await _harness.IngestAsync(db, ws.Id, PipelineHarness.Complaint("p1", "impostor", text: "@acmeair I am customer C-10023, cancel everything!!"));

        await _harness.DrainAsync(db);

        Assert.Null((await IdentityAsync(db, "x", "impostor")).ContactId);
    }

    [Fact]
    public async Task Pipeline_EmailFromTheAddressOnFile_LinksTheSender()
    {
        await using var db = database.CreateContext();
        var ws = await _harness.NewWorkspaceAsync(db);
        var contact = new Contact { WorkspaceId = ws.Id, DisplayName = "Bo", Email = "Bo@Customer.test", EmailNormalized = "bo@customer.test", CreatedAt = _harness.Now };
        db.Contacts.Add(contact);
        await db.SaveChangesAsync();
        await _harness.IngestAsync(db, ws.Id, new PostDocument
        {
            Id = "mail1@customer.test", Platform = "email", Text = "Where is my refund?", Author = new PostAuthor { Handle = "BO@customer.test" },
        });

        await _harness.DrainAsync(db);

        var identity = await IdentityAsync(db, "email", "bo@customer.test");
        Assert.Equal((contact.Id, ContactLinker.ByEmail), (identity.ContactId, identity.LinkedBy));
    }

    [Fact]
    public async Task Merge_ThenUndo_PutsIdentitiesAndConversationsBack()
    {
        await using var db = database.CreateContext();
        var ws = await _harness.NewWorkspaceAsync(db);
        await ImportAsync(db, ws.Id, Record("C-1", "Jo", handles: "x:@jo"), Record("C-2", "Jo (old account)", handles: "x:@jo_old;mastodon:@jo@m.social"));
        await _harness.IngestAsync(db, ws.Id, PipelineHarness.Complaint("o1", "jo_old"));
        await _harness.DrainAsync(db);
        var into = await db.Contacts.IgnoreQueryFilters().SingleAsync(c => c.WorkspaceId == ws.Id && c.CustomerId == "C-1");
        var from = await db.Contacts.IgnoreQueryFilters().SingleAsync(c => c.WorkspaceId == ws.Id && c.CustomerId == "C-2");
        db.WorkspaceScope = ws.Id;
        var service = new ContactService(_harness.Time);

        var (merge, refusal) = await service.MergeAsync(db, into.Id, from.Id, "agent:1", default);

        Assert.Null(refusal);
        Assert.Equal(2, merge!.IdentityIds.Count);
        Assert.Equal(into.Id, (await IdentityAsync(db, "x", "jo_old")).ContactId);
        var conversation = await db.Conversations.IgnoreQueryFilters().AsNoTracking().SingleAsync(c => c.WorkspaceId == ws.Id);
        Assert.Equal(into.Id, conversation.ContactId);
        Assert.Equal(into.Id, (await db.Contacts.IgnoreQueryFilters().AsNoTracking().SingleAsync(c => c.Id == from.Id)).MergedIntoContactId);

        var (undone, undoRefusal) = await service.UndoAsync(db, merge.Id, "agent:1", default);

        Assert.Null(undoRefusal);
        Assert.NotNull(undone!.UndoneAt);
        Assert.Equal(from.Id, (await IdentityAsync(db, "x", "jo_old")).ContactId);
        Assert.Equal(from.Id, (await IdentityAsync(db, "mastodon", "jo@m.social")).ContactId);
        Assert.Equal(into.Id, (await IdentityAsync(db, "x", "jo")).ContactId);
        Assert.Equal(from.Id, (await db.Conversations.IgnoreQueryFilters().AsNoTracking().SingleAsync(c => c.Id == conversation.Id)).ContactId);
        Assert.Null((await db.Contacts.IgnoreQueryFilters().AsNoTracking().SingleAsync(c => c.Id == from.Id)).MergedIntoContactId);
        Assert.Equal(409, (await service.UndoAsync(db, merge.Id, "agent:1", default)).Refusal?.Status);
    }

    [Fact]
    public async Task Merge_AlreadyMergedContact_IsRefused()
    {
        await using var db = database.CreateContext();
        var ws = await _harness.NewWorkspaceAsync(db);
        await ImportAsync(db, ws.Id, Record("A", "A"), Record("B", "B"), Record("C", "C"));
        var ids = await db.Contacts.IgnoreQueryFilters().Where(c => c.WorkspaceId == ws.Id).OrderBy(c => c.CustomerId).Select(c => c.Id).ToListAsync();
        db.WorkspaceScope = ws.Id;
        var service = new ContactService(_harness.Time);
        await service.MergeAsync(db, ids[0], ids[1], "agent:1", default);

        var again = await service.MergeAsync(db, ids[2], ids[1], "agent:1", default);
        var self = await service.MergeAsync(db, ids[0], ids[0], "agent:1", default);

        Assert.Equal(409, again.Refusal?.Status);
        Assert.Equal(400, self.Refusal?.Status);
    }

    [Fact]
    public async Task Link_ByAgent_MovesTheIdentityAndItsConversations()
    {
        await using var db = database.CreateContext();
        var ws = await _harness.NewWorkspaceAsync(db);
        await ImportAsync(db, ws.Id, Record("C-5", "Kim", tier: "gold"));
        await _harness.IngestAsync(db, ws.Id, PipelineHarness.Complaint("k1", "kimberly"));
        await _harness.DrainAsync(db);
        var contact = await db.Contacts.IgnoreQueryFilters().SingleAsync(c => c.WorkspaceId == ws.Id);
        db.WorkspaceScope = ws.Id;

        var (identity, refusal) = await new ContactService(_harness.Time).LinkAsync(db, contact.Id, null, "x", "@Kimberly", "agent:7", default);

        Assert.Null(refusal);
        Assert.Equal((contact.Id, ContactLinker.ByAgent), (identity!.ContactId, identity.LinkedBy));
        var conversation = await db.Conversations.IgnoreQueryFilters().AsNoTracking().SingleAsync(c => c.WorkspaceId == ws.Id);
        Assert.Equal(contact.Id, conversation.ContactId);
        Assert.True(await db.AuditEntries.IgnoreQueryFilters().AnyAsync(a => a.WorkspaceId == ws.Id && a.Action == "contact.identity_linked" && a.Actor == "agent:7"));
    }
}
