using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Html;

namespace Awards.Web.Infrastructure.Markdown;

/// <summary>
/// Markdown to safe HTML (SECURITY.md §3): an explicit Markdig pipeline with raw HTML escaped and
/// no generic attributes or media, then a strict allowlist over the parsed result. Markdig is
/// not a sanitizer; the allowlist is what makes the output safe.
/// </summary>
public static class MarkdownRenderer
{
    private static readonly HashSet<string> AllowedTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "em", "del", "sub", "sup", "mark",
        "ul", "ol", "li", "blockquote", "pre", "code", "a", "table", "thead", "tbody", "tr", "th", "td",
    };

    // AngleSharp does not promise that one parser may parse on two threads at once: one per thread.
    [ThreadStatic]
    private static HtmlParser? _parserOfThread;

    private static readonly HashSet<string> AllowedSchemes = new(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" };

    /// <summary>The safe HTML of a text shown under a heading of the page of level <paramref name="under"/> (1 for the page's h1).</summary>
    public static IHtmlContent Render(string? markdown, int under = 1) => new HtmlString(ToSafeHtmlUnder(markdown, under));

    /// <summary>The safe HTML of a text shown under the page's h1.</summary>
    public static string ToSafeHtml(string? markdown) => ToSafeHtmlUnder(markdown, 1);

    /// <summary>
    /// The text's headings go below the page's heading it is shown under: its top level one below
    /// <paramref name="under"/>, and its other levels each one below the last, so that the page's
    /// outline skips no level whichever the author used ("##" first, "#" then "###"); h6 at most.
    /// </summary>
    public static string ToSafeHtmlUnder(string? markdown, int under)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(under, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(under, 5);
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return string.Empty;
        }

        var html = Markdig.Markdown.ToHtml(markdown, Awards.Core.Common.SiteMarkdown.Pipeline);

        // Parsed as the content of a <body>, cleaned and serialized where the parser puts the nodes
        // (the fragment's own root element). Moving them into a document's body first, one by one, and
        // building a parser per text were more than half of the time of a typical essay
        // (MarkdownBenchmarks, docs/PERFORMANCE.md).
        var parser = _parserOfThread ??= new HtmlParser();
        var nodes = parser.ParseFragment(html, parser.ParseDocument(string.Empty).Body!);
        if (nodes.Length == 0)
        {
            return string.Empty;
        }

        var root = (IElement)nodes[0].Parent!;
        var used = root.QuerySelectorAll("h1, h2, h3, h4, h5, h6").Select(h => h.LocalName[1] - '0').Distinct().Order().ToList();
        var levels = new int[7];
        for (var i = 0; i < used.Count; i++)
        {
            levels[used[i]] = Math.Min(6, under + 1 + i);
        }

        Clean(root, levels);
        return root.InnerHtml;
    }

    private static void Clean(IElement parent, int[] levels)
    {
        foreach (var element in parent.Children.ToList())
        {
            Clean(element, levels);
            if (!AllowedTags.Contains(element.LocalName))
            {
                // Unknown elements give way to their text; nothing of their markup survives.
                element.Replace(element.Owner!.CreateTextNode(element.TextContent));
                continue;
            }

            if (element.LocalName is "h1" or "h2" or "h3" or "h4" or "h5" or "h6")
            {
                // The page has its own headings: a text's go below them (ToSafeHtmlUnder).
                var lower = element.Owner!.CreateElement($"h{levels[element.LocalName[1] - '0']}");

                // The nodes themselves, not InnerHtml's text: setting that parses it again.
                while (element.FirstChild is { } child)
                {
                    lower.AppendChild(child);
                }

                element.Replace(lower);
                Clean(lower, levels);
                continue;
            }

            var alignment = element.GetAttribute("style") switch
            {
                "text-align: center;" => "text-center",
                "text-align: right;" => "text-end",
                _ => null,
            };
            foreach (var attribute in element.Attributes.ToList())
            {
                var keep = element.LocalName == "a" && attribute.LocalName == "href" && IsSafeUrl(attribute.Value);
                if (!keep)
                {
                    element.RemoveAttribute(attribute.NamespaceUri, attribute.LocalName);
                }
            }

            if (alignment is not null)
            {
                element.SetAttribute("class", alignment);
            }

            if (element.LocalName == "a")
            {
                element.SetAttribute("rel", "nofollow noopener noreferrer");
            }
        }
    }

    private static bool IsSafeUrl(string value)
    {
        var trimmed = value.Trim();
        if (trimmed.StartsWith("//", StringComparison.Ordinal))
        {
            return false;
        }

        if (!Uri.TryCreate(trimmed, UriKind.RelativeOrAbsolute, out var uri))
        {
            return false;
        }

        // A relative URL has no scheme; anything with a colon before the first slash is a scheme.
        if (!uri.IsAbsoluteUri)
        {
            var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
            var slash = trimmed.IndexOfAny(['/', '?', '#']);
            return colon < 0 || (slash >= 0 && slash < colon);
        }

        return AllowedSchemes.Contains(uri.Scheme);
    }
}
