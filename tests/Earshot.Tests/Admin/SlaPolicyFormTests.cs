using System.ComponentModel.DataAnnotations;
using Earshot.Tests.Infrastructure;
using Earshot.Ui.Admin;

namespace Earshot.Tests.Admin;

/// <summary>The SLA policy admin form: the API's validator puts each band error on the band's field; edit and delete.</summary>
public abstract class SlaPolicyFormTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase> where TDatabase : TestDatabase
{
    readonly PipelineHarness _h = new(database);

    static SlaPolicyForm.BandRow Band(string name, int min) => new() { Name = name, MinPriority = min };

    [Fact]
    public async Task SaveAsync_DuplicateBandPriority_IsShownOnThatBandsPriorityField()
    {
        await using var db = database.CreateContext();
        var ws = await _h.NewWorkspaceAsync(db);
        db.WorkspaceScope = ws.Id;

        var (policy, errors) = await new SlaPolicyForm { Name = "Banded", Bands = [Band("urgent", 80), Band("high", 80)] }.SaveAsync(db, ws.Id, null, _h.Now, default);

        Assert.Null(policy);
        var (field, messages) = Assert.Single(errors.ByField);
        Assert.Equal(SlaPolicyForm.BandField(1, nameof(SlaPolicyForm.BandRow.MinPriority)), field);
        Assert.Equal("80 is already used by another band.", Assert.Single(messages));
    }

    [Fact]
    public async Task SaveAsync_AddThenEditBandsThenDelete_StoresSecondsAsTheApiDoes()
    {
        await using var db = database.CreateContext();
        var ws = await _h.NewWorkspaceAsync(db);
        db.WorkspaceScope = ws.Id;

        var (added, none) = await new SlaPolicyForm { Name = " Gold ", FirstResponseMinutes = 30, Bands = [Band("urgent", 80)] }.SaveAsync(db, ws.Id, null, _h.Now, default);
        var edit = SlaPolicyForm.From(added!);
        edit.Bands[0].FirstResponseMinutes = 5;
        edit.Bands.Add(Band("high", 60));
        var (edited, _) = await edit.SaveAsync(db, ws.Id, added!.Id, _h.Now, default);
        var deleted = await SlaPolicyForm.DeleteAsync(db, added.Id, default);

        Assert.True(none.IsEmpty);
        Assert.Equal(("Gold", 1800), (added.Name, added.FirstResponseSeconds));
        Assert.Equal([("urgent", 300), ("high", 900)], edited!.Bands.Select(b => (b.Name, b.FirstResponseSeconds)));
        Assert.Null(deleted);
        Assert.Empty(db.SlaPolicies.Where(p => p.Id == added.Id));
    }

    [Fact]
    public void Validate_ResolutionBeforeFirstResponse_IsOnTheResolutionField()
    {
        var form = new SlaPolicyForm { Name = "Fast", FirstResponseMinutes = 120, ResolutionMinutes = 60 };
        var results = new List<ValidationResult>();

        Assert.False(Validator.TryValidateObject(form, new ValidationContext(form), results, validateAllProperties: true));
        Assert.Equal([nameof(SlaPolicyForm.ResolutionMinutes)], Assert.Single(results).MemberNames);
    }
}

public sealed class SqliteSlaPolicyFormTests(SqliteTestDatabase database) : SlaPolicyFormTests<SqliteTestDatabase>(database);

public sealed class PostgresSlaPolicyFormTests(PostgresTestDatabase database) : SlaPolicyFormTests<PostgresTestDatabase>(database);
