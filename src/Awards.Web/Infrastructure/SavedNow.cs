using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;

namespace Awards.Web.Infrastructure;

/// <summary>
/// After a settings save refused because someone else saved first (the contest's and an award's
/// settings pages), the line under a field that says what is saved now, where it differs from
/// what was typed; what was typed stays in the field.
/// </summary>
public static class SavedNow
{
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
