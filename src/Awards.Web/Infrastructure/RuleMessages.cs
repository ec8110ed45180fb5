using Awards.Core.Common;
using Awards.Core.Entries;
using Awards.Core.Tracks;
using Microsoft.Extensions.Localization;

namespace Awards.Web.Infrastructure;

/// <summary>Turns a broken rule into the reader's language, its arguments included (an entry status reads 已提交, not Submitted; a time is Beijing time, as every page shows it).</summary>
public static class RuleMessages
{
    public static string Rule(this IStringLocalizer localizer, DomainException exception)
    {
        var arguments = exception.Arguments.Select(a => a switch
        {
            EntryStatus status => InSentence(localizer[Labels.Of(status)].Value),
            Entrant entrant => InSentence(localizer[Labels.Of(entrant)].Value),
            TrackKind kind => localizer[Labels.Of(kind)].Value,
            BilingualText text => text.ForCurrentCulture(),
            DateTime at => SiteTime.Format(at),
            string text => localizer[text].Value,
            _ => a,
        }).ToArray();
        return localizer[exception.MessageKey, arguments].Value;
    }

    // A label inside an English sentence is not capitalized ("an entry that is withdrawn"); Chinese has no case.
    private static string InSentence(string label) =>
        label.Length > 1 && char.IsUpper(label[0]) && char.IsLower(label[1]) && !Cultures.CurrentIsChinese
            ? char.ToLowerInvariant(label[0]) + label[1..]
            : label;
}
