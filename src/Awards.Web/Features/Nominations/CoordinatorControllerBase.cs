using Awards.Core.Common;
using Awards.Core.Entries;
using Awards.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Awards.Web.Features.Nominations;

/// <summary>Loading an authorized nomination and turning a broken rule into a message, for the coordinator's controllers.</summary>
public abstract class CoordinatorControllerBase(Nominations nominations, IAuthorizationService authorization, IStringLocalizer<SharedResource> l) : Controller
{
    protected Nominations Nominations { get; } = nominations;

    protected IStringLocalizer<SharedResource> L { get; } = l;

    /// <summary>The nomination when the signed-in user may do <paramref name="operation"/> on it; null (404) otherwise.</summary>
    protected async Task<Entry?> LoadAsync(string code, OperationAuthorizationRequirement operation, CancellationToken cancellationToken)
    {
        if (!EntryCode.IsWellFormed(code) || await Nominations.FindAsync(code, cancellationToken) is not { } entry)
        {
            return null;
        }

        return (await authorization.AuthorizeAsync(User, entry, operation)).Succeeded ? entry : null;
    }

    /// <summary>Runs a change; a broken rule comes back to the nomination's page as a message, with nothing changed.</summary>
    protected async Task<IActionResult> TryAsync(Entry entry, Func<Task<IActionResult>> action)
    {
        try
        {
            return await action();
        }
        catch (DomainException ex)
        {
            TempData["Error"] = L.Rule(ex);
            return Redirect($"/nominations/{entry.Code}");
        }
    }
}
