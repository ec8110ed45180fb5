using Markdig;

namespace Awards.Core.Common;

/// <summary>
/// The Markdown of entries and announcements as the site shows them: raw HTML off (typed tags stay
/// text), pipe tables, emphasis extras. The site's renderer and the judge redaction's view of the
/// rendered text (<see cref="Anonymization.RenderedText"/>) parse with this one pipeline, so that
/// what is redacted is what a judge is shown.
/// </summary>
public static class SiteMarkdown
{
    public static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseEmphasisExtras()
        .Build();
}
