using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Markdig;
using Microsoft.AspNetCore.Html;

namespace Awards.Web.Infrastructure.Markdown;

/// <summary>
/// Markdown to safe HTML (SECURITY.md §3): an explicit Markdig pipeline with raw HTML escaped and
/// no generic attributes or media, then a strict allowlist over the parsed result. Markdig is
/// not a sanitizer; the allowlist is what makes the output safe.
/// </summary>
public static class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseEmphasisExtras()
        .Build();

    private static readonly HashSet<string> AllowedTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "em", "del", "sub", "sup", "mark",
        "ul", "ol", "li", "blockquote", "pre", "code", "a", "table", "thead", "tbody", "tr", "th", "td",
    };

    private static readonly HashSet<string> AllowedSchemes = new(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" };

    public static IHtmlContent Render(string? markdown) => new HtmlString(ToSafeHtml(markdown));

    public static string ToSafeHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return string.Empty;
        }

        var html = Markdig.Markdown.ToHtml(markdown, Pipeline);
        var parser = new HtmlParser();
        var document = parser.ParseDocument("<body></body>");
        var nodes = parser.ParseFragment(html, document.Body!);
        foreach (var node in nodes.ToList())
        {
            document.Body!.AppendChild(node);
        }

        Clean(document.Body!);
        return document.Body!.InnerHtml;
    }

    private static void Clean(IElement parent)
    {
        foreach (var element in parent.Children.ToList())
        {
            Clean(element);
            if (!AllowedTags.Contains(element.LocalName))
            {
                // Unknown elements give way to their text; nothing of their markup survives.
                element.Replace(element.Owner!.CreateTextNode(element.TextContent));
                continue;
            }

            if (element.LocalName is "h1" or "h2" or "h3" or "h4" or "h5")
            {
                // The page has its own title (h1): a text's headings go one level below it.
                var lower = element.Owner!.CreateElement($"h{element.LocalName[1] - '0' + 1}");
                lower.InnerHtml = element.InnerHtml;
                element.Replace(lower);
                Clean(lower);
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
