using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Awards.Web.Infrastructure;

/// <summary>
/// After a settings save refused because someone else saved first (the contest's and an award's
/// settings pages), the line under a field that says what is saved now, where it differs from
/// what was typed; what was typed stays in the field.
/// </summary>
public static class SavedNow
{
    /// <summary>What a settings save found under its write lock.</summary>
    public enum Outcome
    {
        /// <summary>What the page was for is gone (no contest, no such award).</summary>
        Missing,

        /// <summary>Nothing to change: a second click on the same form, or a save without edits.</summary>
        Unchanged,

        /// <summary>Someone saved since the page was opened; nothing was saved.</summary>
        Stale,

        Saved,
    }

    /// <summary>
    /// The page again after a stale save: what was typed stays, the message says why nothing was
    /// saved, and the form now carries the saved settings' stamp (the view shows them under the
    /// fields from ViewData "Saved"), so saving again replaces them knowingly.
    /// </summary>
    public static void KeepForResave<TForm>(Controller controller, TForm typed, TForm saved, string message)
        where TForm : IStampedForm
    {
        ArgumentNullException.ThrowIfNull(controller);
        ArgumentNullException.ThrowIfNull(typed);
        ArgumentNullException.ThrowIfNull(saved);
        controller.ModelState.AddModelError(string.Empty, message);
        controller.ModelState.Remove(nameof(IStampedForm.Stamp));
        typed.Stamp = saved.Stamp;
        controller.ViewData["Saved"] = saved;
    }

    /// <summary>How the saved value is shown.</summary>
    public enum Shown
    {
        /// <summary>As it is.</summary>
        Value,

        /// <summary>A datetime-local input's value, with a space for its T.</summary>
        Date,

        /// <summary>A long text (the rules, a preface): only its length.</summary>
        Text,
    }

    /// <summary>The line, or nothing when the saved value is what was typed.</summary>
    public static IHtmlContent Hint(IStringLocalizer l, string? now, string? typed, Shown shown = Shown.Value)
    {
        ArgumentNullException.ThrowIfNull(l);
        var saved = now ?? string.Empty;
        if (saved == (typed ?? string.Empty).Trim())
        {
            return HtmlString.Empty;
        }

        var message = shown switch
        {
            Shown.Text => l["Saved now: another text of {0} characters", saved.Length],
            _ when saved.Length == 0 => l["Saved now: empty"],
            Shown.Date => l["Saved now: {0}", saved.Replace('T', ' ')],
            _ => l["Saved now: {0}", saved],
        };
        return new HtmlContentBuilder()
            .AppendHtml("<div class=\"form-text text-danger-emphasis\" data-testid=\"saved-now\">")
            .Append(message.Value)
            .AppendHtml("</div>");
    }
}

/// <summary>A settings form that carries the stamp of the settings it was opened on.</summary>
public interface IStampedForm
{
    string? Stamp { get; set; }
}
