using Earshot.Core.Data;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Earshot.Ui;

/// <summary>
/// One per circuit: the signed-in person, and DbContexts scoped to their workspace exactly as API requests are
/// (the context's <see cref="EarshotDbContext.WorkspaceScope"/> query filter). A component opens a short-lived
/// context per operation, because a circuit lives for hours and a context must not.
/// </summary>
public sealed class UiSession(AuthenticationStateProvider authentication, IDbContextFactory<EarshotDbContext> contexts)
{
    UiUser? _user;

    public async Task<UiUser> UserAsync()
    {
        if (_user is null)
        {
            var state = await authentication.GetAuthenticationStateAsync();
            _user = UiUser.From(state.User) ?? throw new InvalidOperationException("The desktop needs a signed-in person.");
        }
        return _user;
    }

    public async Task<EarshotDbContext> OpenAsync(CancellationToken ct = default)
    {
        var user = await UserAsync();
        var db = await contexts.CreateDbContextAsync(ct);
        db.WorkspaceScope = user.WorkspaceId;
        return db;
    }
}
