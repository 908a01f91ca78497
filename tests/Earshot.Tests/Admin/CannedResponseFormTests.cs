using System.ComponentModel.DataAnnotations;
using Earshot.Tests.Infrastructure;
using Earshot.Ui.Admin;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Tests.Admin;

/// <summary>The canned responses admin form: validation, add, edit, the unique title, delete; on SQLite and PostgreSQL.</summary>
public abstract class CannedResponseFormTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase> where TDatabase : TestDatabase
{
    readonly PipelineHarness _h = new(database);

    static Dictionary<string, string> Validate(object form)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(form, new ValidationContext(form), results, validateAllProperties: true);
        return results.SelectMany(r => r.MemberNames.Select(m => (m, r.ErrorMessage!))).ToDictionary(x => x.m, x => x.Item2);
    }

    [Fact]
    public void CannedResponseForm_MissingTitleAndText_AndABadKeyword_AreReportedAgainstTheirFields()
    {
        var errors = Validate(new CannedResponseForm { Title = " ", Text = "", Keywords = "baggage, lost/found" });

        Assert.Equal("Give the response a title agents will recognise.", errors[nameof(CannedResponseForm.Title)]);
        Assert.Equal("Write the text agents insert.", errors[nameof(CannedResponseForm.Text)]);
        Assert.Contains("'lost/found'", errors[nameof(CannedResponseForm.Keywords)]);
        Assert.Empty(Validate(new CannedResponseForm { Title = "Lost bag", Text = "Sorry {first_name}", Keywords = "bag, Lost-Bag delayed_bag" }));
    }

    [Fact]
    public async Task CannedResponseForm_AddsEditsAndDeletes_AndRefusesATitleAlreadyTakenOnTheTitleField()
    {
        await using var db = database.CreateContext();
        var ws = await _h.NewWorkspaceAsync(db);
        var first = new CannedResponseForm { Title = " Lost bag ", Text = " Sorry {first_name}, case {case_id}. ", Keywords = "Bag, lost  bag,delayed" };
        var (added, none) = await first.SaveAsync(db, ws.Id, null, _h.Now, default);
        var (other, _) = await new CannedResponseForm { Title = "Refund", Text = "We are looking into it." }.SaveAsync(db, ws.Id, null, _h.Now, default);

        Assert.True(none.IsEmpty);
        Assert.Equal(("Lost bag", "Sorry {first_name}, case {case_id}.", "bag lost delayed"), (added!.Title, added.Text, added.Keywords));

        var duplicate = CannedResponseForm.From(other!);
        duplicate.Title = "Lost bag";
        var (refused, errors) = await duplicate.SaveAsync(db, ws.Id, other!.Id, _h.Now, default);
        Assert.Null(refused);
        Assert.Equal(["A canned response titled 'Lost bag' already exists."], errors.ByField[nameof(CannedResponseForm.Title)]);

        var edit = CannedResponseForm.From(added);
        edit.Text = "Hi {first_name}, we found it.";
        var (edited, editErrors) = await edit.SaveAsync(db, ws.Id, added.Id, _h.Now, default);
        Assert.True(editErrors.IsEmpty);
        Assert.Equal((added.Id, "Lost bag", "Hi {first_name}, we found it."), (edited!.Id, edited.Title, edited.Text));

        Assert.True(await CannedResponseForm.DeleteAsync(db, ws.Id, added.Id, default));
        Assert.False(await CannedResponseForm.DeleteAsync(db, ws.Id, added.Id, default));
        db.ChangeTracker.Clear();
        Assert.Equal(["Refund"], await db.CannedResponses.Where(c => c.WorkspaceId == ws.Id).Select(c => c.Title).ToListAsync());
        var (gone, goneErrors) = await edit.SaveAsync(db, ws.Id, added.Id, _h.Now, default);
        Assert.Null(gone);
        Assert.Equal(["This canned response was deleted meanwhile."], goneErrors.ByField[nameof(CannedResponseForm.Title)]);
    }
}

public sealed class SqliteCannedResponseFormTests(SqliteTestDatabase database) : CannedResponseFormTests<SqliteTestDatabase>(database);

public sealed class PostgresCannedResponseFormTests(PostgresTestDatabase database) : CannedResponseFormTests<PostgresTestDatabase>(database);
