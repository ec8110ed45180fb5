using AngleSharp.Dom;

namespace Awards.Web.Tests.Accessibility;

/// <summary>
/// What a screen reader or keyboard user meets on a page, read from its HTML: each rule answers
/// one sentence naming the element that fails it. Only rules that a user would notice: a field read
/// out as "edit text" with no name, a button read as "button", two elements that one label or
/// message points at, a page without a heading to jump to.
/// </summary>
public static class PageRules
{
    /// <summary>Every failure on the page, each as "rule: element".</summary>
    public static IEnumerable<string> Check(IDocument page, string language)
    {
        var lang = page.DocumentElement.GetAttribute("lang");
        if (lang != language)
        {
            yield return $"html lang: \"{lang}\", expected \"{language}\"";
        }

        // The title is what a screen reader says first and what a tab or the history shows.
        if (page.Title is not { } title || title.Split('·')[0].Trim().Length == 0)
        {
            yield return $"title without the page's name: \"{page.Title}\"";
        }

        // "是, radio button" means nothing without the question: the choices need a named group.
        foreach (var radio in page.QuerySelectorAll("input[type=radio]").GroupBy(r => r.GetAttribute("name")).Select(g => g.First()).Where(r => !InNamedGroup(page, r)))
        {
            yield return $"radio buttons without a named group (fieldset and legend): {Describe(radio)}";
        }

        foreach (var control in page.QuerySelectorAll("input, select, textarea").Where(IsFilledIn).Where(c => !HasName(page, c)))
        {
            yield return $"field without a label: {Describe(control)}";
        }

        foreach (var action in page.QuerySelectorAll("a[href], button").Where(a => !HasName(page, a)))
        {
            yield return $"link or button without a name: {Describe(action)}";
        }

        foreach (var image in page.QuerySelectorAll("img:not([alt])"))
        {
            yield return $"image without alt: {Describe(image)}";
        }

        foreach (var id in page.QuerySelectorAll("[id]").GroupBy(e => e.Id).Where(g => g.Count() > 1))
        {
            yield return $"id used {id.Count()} times: \"{id.Key}\"";
        }

        foreach (var reference in References(page).Where(r => page.GetElementById(r.Id) is null))
        {
            yield return $"{reference.Attribute} points at no element: \"{reference.Id}\" on {Describe(reference.Element)}";
        }

        var headings = page.QuerySelectorAll("h1").Length;
        if (headings != 1)
        {
            yield return $"h1: {headings} on the page, expected exactly one";
        }

        var mains = page.QuerySelectorAll("main, [role=main]").Length;
        if (mains != 1)
        {
            yield return $"main landmark: {mains} on the page, expected exactly one";
        }

        // Landmarks are a list a screen reader offers: two unnamed "navigation" entries cannot be told apart.
        var navigations = page.QuerySelectorAll("nav, [role=navigation]");
        foreach (var navigation in navigations.Where(n => navigations.Length > 1 && !HasName(page, n)))
        {
            yield return $"one of {navigations.Length} navigation landmarks without a name: {Describe(navigation)}";
        }

        foreach (var progress in page.QuerySelectorAll("progress, [role=progressbar]").Where(p => !HasName(page, p) && string.IsNullOrWhiteSpace(p.GetAttribute("aria-valuetext"))))
        {
            yield return $"progress bar without a name: {Describe(progress)}";
        }

        // On a phone, text too small to read must be zoomable.
        if (page.QuerySelector("meta[name=viewport]")?.GetAttribute("content") is not { } viewport || viewport.Contains("user-scalable=no", StringComparison.Ordinal) || viewport.Contains("maximum-scale=1", StringComparison.Ordinal))
        {
            yield return "viewport missing or forbidding zoom";
        }

        foreach (var table in page.QuerySelectorAll("table").Where(t => t.QuerySelector("th") is null))
        {
            yield return $"table without header cells: {Describe(table)}";
        }
    }

    private static bool InNamedGroup(IDocument page, IElement radio) =>
        radio.Ancestors<IElement>().Any(a =>
            (a.LocalName == "fieldset" && a.QuerySelector("legend") is { } legend && !string.IsNullOrWhiteSpace(legend.TextContent))
            || (a.GetAttribute("role") is "radiogroup" or "group" && HasName(page, a)));

    /// <summary>A control that a person fills in or ticks: not one the page fills, nor a button.</summary>
    private static bool IsFilledIn(IElement control) =>
        control.LocalName != "input" || (control.GetAttribute("type")?.ToLowerInvariant() ?? "text") is not ("hidden" or "submit" or "button" or "reset" or "image");

    private static bool HasName(IDocument page, IElement element)
    {
        if (!string.IsNullOrWhiteSpace(element.GetAttribute("aria-label")))
        {
            return true;
        }

        if (element.GetAttribute("aria-labelledby") is { } labelledBy)
        {
            return labelledBy.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(id => page.GetElementById(id) is { } label && !string.IsNullOrWhiteSpace(label.TextContent));
        }

        if (element.LocalName is "a" or "button")
        {
            return !string.IsNullOrWhiteSpace(element.TextContent) || element.QuerySelectorAll("img[alt]").Any(i => !string.IsNullOrWhiteSpace(i.GetAttribute("alt")));
        }

        var labels = page.QuerySelectorAll("label").Where(l => (element.Id is { Length: > 0 } id && l.GetAttribute("for") == id) || l.Contains(element));
        return labels.Any(l => !string.IsNullOrWhiteSpace(l.TextContent));
    }

    private static readonly string[] ReferenceAttributes = ["for", "aria-labelledby", "aria-describedby", "aria-controls"];

    /// <summary>The ids that labels and ARIA attributes point at: a dangling one names or describes nothing.</summary>
    private static IEnumerable<(IElement Element, string Attribute, string Id)> References(IDocument page) =>
        from element in page.All
        from attribute in ReferenceAttributes
        where element.HasAttribute(attribute) && (attribute != "for" || element.LocalName == "label")
        from id in element.GetAttribute(attribute)!.Split(' ', StringSplitOptions.RemoveEmptyEntries)
        select (element, attribute, id);

    private static string Describe(IElement element)
    {
        var html = element.OuterHtml;
        var open = html.IndexOf('>', StringComparison.Ordinal);
        return open < 0 || open > 160 ? html[..Math.Min(html.Length, 160)] : html[..(open + 1)];
    }
}
