using Awards.Core.Common;
using Awards.Core.Entries;
using Awards.Core.Tracks;
using Awards.Web.Authorization;
using Awards.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Awards.Web.Features.Entries;

/// <summary>For the entrants' controllers: load an entry the user may act on, and turn a broken rule into a message.</summary>
public abstract class EntryControllerBase(EntryWorkflow workflow, IAuthorizationService authorization, IStringLocalizer<SharedResource> l) : Controller
{
    protected EntryWorkflow Workflow { get; } = workflow;

    protected IStringLocalizer<SharedResource> L { get; } = l;

    /// <summary>Nominations or essays.</summary>
    protected abstract TrackKind Kind { get; }

    /// <summary>The entry's page, where messages are shown.</summary>
    protected abstract string PageOf(Entry entry);

    /// <summary>The entry when the signed-in user may do <paramref name="operation"/> on it; null (answer 404) otherwise.</summary>
    protected async Task<Entry?> LoadAsync(string code, OperationAuthorizationRequirement operation, CancellationToken cancellationToken)
    {
        if (await Workflow.FindAsync(code, Kind, cancellationToken) is not { } entry)
        {
            return null;
        }

        return (await authorization.AuthorizeAsync(User, entry, operation)).Succeeded ? entry : null;
    }

    /// <summary>Submits (a second click finds it submitted and shows the receipt again).</summary>
    protected async Task<IActionResult> SubmitEntryAsync(string code, CancellationToken cancellationToken)
    {
        if (await LoadAsync(code, EntryOperations.Change, cancellationToken) is not { } entry)
        {
            return NotFound();
        }

        if (entry.Status is EntryStatus.Submitted or EntryStatus.Accepted)
        {
            return Redirect(PageOf(entry) + "/receipt");
        }

        return await TryAsync(entry, async () =>
        {
            await Workflow.SubmitAsync(entry.Code, Kind, cancellationToken);
            return Redirect(PageOf(entry) + "/receipt");
        });
    }

    /// <summary>Withdraws, then goes to <paramref name="dashboard"/> with <paramref name="messageKey"/> (formatted with the code).</summary>
    protected async Task<IActionResult> WithdrawEntryAsync(string code, string messageKey, string dashboard, CancellationToken cancellationToken)
    {
        if (await LoadAsync(code, EntryOperations.Change, cancellationToken) is not { } entry)
        {
            return NotFound();
        }

        return await TryAsync(entry, async () =>
        {
            await Workflow.WithdrawAsync(entry, cancellationToken);
            TempData["Message"] = L[messageKey, entry.Code].Value;
            return Redirect(dashboard);
        });
    }

    /// <summary>
    /// Before a form is shown: null when <paramref name="check"/> passes; otherwise a redirect to
    /// <paramref name="back"/> with the broken rule as its message, so nobody fills in a form that
    /// could not be saved.
    /// </summary>
    protected async Task<IActionResult?> RefusedAsync(Func<Task> check, string back)
    {
        ArgumentNullException.ThrowIfNull(check);
        try
        {
            await check();
            return null;
        }
        catch (DomainException ex)
        {
            TempData["Error"] = L.Rule(ex);
            return Redirect(back);
        }
    }

    /// <summary>Runs a change; a broken rule comes back to the entry's page as a message, with nothing changed.</summary>
    protected async Task<IActionResult> TryAsync(Entry entry, Func<Task<IActionResult>> action)
    {
        try
        {
            return await action();
        }
        catch (DomainException ex)
        {
            TempData["Error"] = L.Rule(ex);
            return Redirect(PageOf(entry));
        }
    }
}
