using System.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Awards.Core.Anonymization;

/// <summary>
/// The text a judge reads once the Markdown is rendered, and for each of its characters the span of
/// the source it came from. Markdig decodes character references (&amp;#x5F20;, &amp;#24352;,
/// &amp;commat;) and joins code spans, links and escapes with the text around them, so
/// <c>`张`小[梅](https://example.org)</c> shows 张小梅 although no matcher finds it in the source.
/// Matching on this text too, with the same matchers, and mapping each match back, hides what the
/// judge would see. Parsing uses the renderer's own pipeline, <see cref="Common.SiteMarkdown"/> (raw HTML off, pipe tables, emphasis
/// extras); what it shows beyond that (an image's description) matches too, which at worst hides more.
/// <para>
/// Blocks and table cells end with a line break, which no match crosses. A line break inside a
/// paragraph, soft or hard, becomes a space: the judge reads 张小 / 梅 as one name, and this is
/// where a match across lines is found (the source only shows where the lines break, not whether
/// the next line goes on with the paragraph or starts a heading or a list item). A character maps to its own source character where the inline's text lies
/// in the source as it is, otherwise to the whole inline (an entity, an escape), so a match never
/// leaves half of a character reference behind. A link's destination is read separately from its
/// text: its decoded form (&amp;#x5F20; in a URL) is what the browser shows for it.
/// </para>
/// </summary>
internal sealed class RenderedText
{
    private readonly string _source;
    private readonly StringBuilder _text = new();
    private readonly List<int> _starts = [];
    private readonly List<int> _ends = [];
    private readonly List<LinkInline> _links = [];

    private RenderedText(string source)
    {
        _source = source;
    }

    public string Text => _text.ToString();

    /// <summary>The rendered text of <paramref name="markdown"/>, or null when Markdig refuses it (nested beyond its depth limit).</summary>
    public static RenderedText? Of(string markdown)
    {
        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(markdown, Common.SiteMarkdown.Pipeline);
        }
        catch (ArgumentException)
        {
            return null;
        }

        var rendered = new RenderedText(markdown);
        foreach (var block in document.Descendants<LeafBlock>())
        {
            if (block is LinkReferenceDefinition definition)
            {
                rendered.AppendAligned(definition.Url ?? string.Empty, definition.UrlSpan);
            }
            else if (block.Inline is { } inline)
            {
                rendered.AppendInlines(inline);
            }

            rendered.Break();

            // A destination on a line of its own after the block: the address is no part of the sentence.
            foreach (var link in rendered._links)
            {
                rendered.AppendAligned(link.Url!, link.UrlSpan);
                rendered.Break();
            }

            rendered._links.Clear();
        }

        return rendered;
    }

    /// <summary>Where in the source the rendered characters <paramref name="start"/> to <paramref name="end"/> - 1 came from.</summary>
    public (int Start, int End) Original(int start, int end)
    {
        var from = int.MaxValue;
        var to = 0;
        for (var i = start; i < end; i++)
        {
            from = Math.Min(from, _starts[i]);
            to = Math.Max(to, _ends[i]);
        }

        return (from, to);
    }

    // Without recursion: emphasis and links nest as deep as an author likes.
    private void AppendInlines(ContainerInline root)
    {
        var pending = new Stack<Inline>();
        for (var child = root.LastChild; child is not null; child = child.PreviousSibling)
        {
            pending.Push(child);
        }

        while (pending.Count > 0)
        {
            var inline = pending.Pop();
            switch (inline)
            {
                case LiteralInline literal:
                    AppendAligned(literal.Content.ToString(), inline.Span);
                    break;
                case CodeInline code:
                    AppendCode(code);
                    break;
                case HtmlEntityInline entity:
                    AppendCoarse(entity.Transcoded.ToString(), entity.Span);
                    break;
                case AutolinkInline autolink:
                    AppendAligned(autolink.Url, autolink.Span);
                    break;
                case HtmlInline html:
                    AppendCoarse(html.Tag, html.Span);
                    break;
                case LineBreakInline lineBreak when !lineBreak.Span.IsEmpty && lineBreak.Span.Start >= 0:
                    Append(' ', lineBreak.Span.Start, lineBreak.Span.End + 1);
                    break;
                case LineBreakInline:
                    Break();
                    break;
                case LinkInline link:
                    if (link.Reference is null && link.Url is not null)
                    {
                        _links.Add(link);
                    }

                    PushChildren(link);
                    break;
                case DelimiterInline delimiter:
                    AppendCoarse(delimiter.ToLiteral(), delimiter.Span);
                    PushChildren(delimiter);
                    break;
                case ContainerInline container:
                    PushChildren(container);
                    break;
                default:
                    break;
            }
        }

        void PushChildren(ContainerInline container)
        {
            for (var child = container.LastChild; child is not null; child = child.PreviousSibling)
            {
                pending.Push(child);
            }
        }
    }

    /// <summary>
    /// Text found in its span of the source character by character, where a backslash escape stands
    /// for the character after it (Markdig joins escaped characters and the text around them into
    /// one literal); autolink brackets and the like around it are skipped. Else mapped as a whole.
    /// </summary>
    private void AppendAligned(string text, SourceSpan span)
    {
        var at = new int[text.Length];
        var pos = span.Start;
        var end = span.End + 1;
        if (!span.IsEmpty && end <= _source.Length && text.Length > 0)
        {
            var first = _source.IndexOf(text[0], pos, end - pos);
            pos = first < 0 ? end : first > pos && _source[first - 1] == '\\' ? first - 1 : first;
            var i = 0;
            for (; i < text.Length && pos < end; i++)
            {
                at[i] = pos;
                if (_source[pos] == text[i])
                {
                    pos++;
                }
                else if (_source[pos] == '\\' && pos + 1 < end && _source[pos + 1] == text[i])
                {
                    pos += 2;
                }
                else
                {
                    break;
                }
            }

            if (i == text.Length)
            {
                for (i = 0; i < text.Length; i++)
                {
                    Append(text[i], at[i], i + 1 < text.Length ? at[i + 1] : pos);
                }

                return;
            }
        }

        AppendCoarse(text, span);
    }

    /// <summary>
    /// A code span's text, found in the source between its backticks, with the one space Markdown
    /// strips on each side; a span over several lines (their breaks read as spaces) maps as a whole.
    /// </summary>
    private void AppendCode(CodeInline code)
    {
        var inner = new SourceSpan(code.Span.Start + code.DelimiterCount, code.Span.End - code.DelimiterCount);
        if (!code.Span.IsEmpty && inner.Length >= code.Content.Length && inner.End < _source.Length)
        {
            var text = _source.AsSpan(inner.Start, inner.Length);
            var padding = (text.Length - code.Content.Length) / 2;
            if (text.Slice(padding, code.Content.Length).SequenceEqual(code.Content))
            {
                AppendAligned(code.Content, new SourceSpan(inner.Start + padding, inner.Start + padding + code.Content.Length - 1));
                return;
            }
        }

        AppendCoarse(code.Content, code.Span);
    }

    /// <summary>Text that came from the whole span (a decoded reference, an escape): any of it stands for all of it.</summary>
    private void AppendCoarse(string text, SourceSpan span)
    {
        if (span.IsEmpty || span.Start < 0)
        {
            // Nowhere to map it back to: read as a boundary, so nothing joins across it.
            Break();
            return;
        }

        foreach (var c in text)
        {
            Append(c, span.Start, span.End + 1);
        }
    }

    private void Break()
    {
        var at = _ends.Count > 0 ? _ends[^1] : 0;
        Append('\n', at, at);
    }

    private void Append(char c, int start, int end)
    {
        // A line break inside a code span or a decoded reference (&#10;) still ends the line for matching.
        _text.Append(c is '\r' ? '\n' : c);
        _starts.Add(start);
        _ends.Add(end);
    }
}
