using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using MarkdownCell = Markdig.Extensions.Tables.TableCell;
using MarkdownRow = Markdig.Extensions.Tables.TableRow;
using MarkdownTable = Markdig.Extensions.Tables.Table;
using TableColumnAlign = Markdig.Extensions.Tables.TableColumnAlign;
using WordTable = DocumentFormat.OpenXml.Wordprocessing.Table;

namespace Awards.Core.Exports.Anthology;

/// <summary>
/// Markdown as authors write it (CommonMark and pipe tables; raw HTML is not markup but literal
/// text) to WordprocessingML, written block by block through an <see cref="OpenXmlWriter"/> that is
/// inside a w:body, so only one paragraph or table row is ever built in memory.
/// </summary>
/// <remarks>
/// Headings become the Heading styles, shifted by the heading offset; lists become paragraphs with
/// a "• " or "1. " prefix and a hanging indent (no numbering part); block quotes are indented; links
/// keep their text only; images are dropped; a thematic break is an empty paragraph. A body
/// paragraph holding a web address or a long word is set at the left rather than justified.
/// </remarks>
public sealed class MarkdownDocxWriter
{
    // Raw HTML is disabled: "<script>" stays the literal text an author typed.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .Build();

    private const string Bullet = "• ";

    /// <summary>What an image's description is set in: ［图：扶贫车间开工那天］, or ［图］ without one.</summary>
    private const string ImageLabel = "图";
    private const string ImageMark = "［图］";
    private const int CodeTabWidth = 4;

    // Beyond this depth lists and quotes are not indented further: the page has a width.
    private const int MaxIndentSteps = 8;

    private readonly OpenXmlWriter _writer;
    private readonly int _headingOffset;
    private readonly bool _linkAddresses;
    private readonly bool _fromTheTop;

    // How many levels the text's top headings are below "#" (an essay whose sections are "##").
    private int _unusedLevels;

    /// <summary>
    /// A writer into <paramref name="writer"/>, which must be positioned inside a w:body. A Markdown
    /// "#" becomes Heading(1 + <paramref name="headingOffset"/>), capped at Heading 6. With
    /// <paramref name="linkAddresses"/> a link's address is printed after its text (the anthology,
    /// which is read on paper); without, only its text (a judge packet). With
    /// <paramref name="fromTheTop"/> each text's top headings become Heading(1 + offset), whatever
    /// level its author started at ("##" sections too), so that the outline skips no level.
    /// </summary>
    public MarkdownDocxWriter(OpenXmlWriter writer, int headingOffset, bool linkAddresses = false, bool fromTheTop = false)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentOutOfRangeException.ThrowIfNegative(headingOffset);
        _writer = writer;
        _headingOffset = headingOffset;
        _linkAddresses = linkAddresses;
        _fromTheTop = fromTheTop;
    }

    /// <summary>Writes the blocks of <paramref name="markdown"/>; nothing for blank text.</summary>
    public void Write(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return;
        }

        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(markdown, Pipeline);
        }
        catch (ArgumentException)
        {
            // Markdig refuses input nested beyond its depth limit ("> > > …" thousands deep). One
            // such essay must not sink the document: its text is kept, line by line, without markup.
            WritePlainLines(markdown);
            return;
        }

        // The top-level headings only: a heading in a quote or a list does not set the text's outline.
        _unusedLevels = _fromTheTop ? document.OfType<HeadingBlock>().Select(h => h.Level).DefaultIfEmpty(1).Min() - 1 : 0;
        WriteBlocks(document, Context.Body);
    }

    private void WritePlainLines(string markdown)
    {
        foreach (var line in markdown.Split('\n'))
        {
            var clean = WordText.Line(line);
            if (clean.Length > 0)
            {
                _writer.WriteElement(WordText.Paragraph(Context.Body.ParagraphStyle, clean));
            }
        }
    }

    private void WriteBlocks(ContainerBlock container, Context context)
    {
        foreach (var block in container)
        {
            WriteBlock(block, context);
        }
    }

    private void WriteBlock(Block block, Context context)
    {
        // Markdown nests without limit ("> > > …"); past what the stack allows, the text is kept flat.
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            WriteFlat(block, context);
            return;
        }

        switch (block)
        {
            case HeadingBlock heading:
                WriteParagraph(
                    Properties(context, DocumentStyles.Heading(Math.Max(1, heading.Level - _unusedLevels) + _headingOffset)),
                    heading.Inline,
                    RunFormat.None,
                    prefix: null,
                    keepEmpty: false);
                break;
            case ParagraphBlock paragraph:
                WriteParagraph(Properties(context, context.ParagraphStyle), paragraph.Inline, RunFormat.None, prefix: null, keepEmpty: false);
                break;
            case ListBlock list:
                WriteList(list, context);
                break;
            case QuoteBlock quote:
                WriteBlocks(quote, context.Quoted());
                break;
            case MarkdownTable table:
                WriteTable(table, context);
                break;
            case CodeBlock code:
                WriteCode(code, context);
                break;
            case ThematicBreakBlock:
                _writer.WriteElement(new Paragraph(Properties(context, DocumentStyles.Normal)));
                break;
            case HtmlBlock html:
                // Not produced with HTML disabled; should it appear, its source is text like any other.
                WriteLines(html, context, context.ParagraphStyle);
                break;
            case ContainerBlock other:
                WriteBlocks(other, context);
                break;
            default:
                // Link reference definitions and blank lines print nothing.
                break;
        }
    }

    private void WriteList(ListBlock list, Context context)
    {
        var number = 1;
        if (list.IsOrdered && int.TryParse(list.OrderedStart, NumberStyles.None, CultureInfo.InvariantCulture, out var start))
        {
            number = start;
        }

        var itemContext = context.Indented();
        foreach (var block in list)
        {
            var prefix = list.IsOrdered ? number.ToString(CultureInfo.InvariantCulture) + ". " : Bullet;
            number++;
            if (block is not ListItemBlock item)
            {
                WriteBlock(block, itemContext);
                continue;
            }

            var first = true;
            foreach (var child in item)
            {
                if (first)
                {
                    first = false;
                    var hanging = Properties(itemContext, itemContext.ParagraphStyle, hanging: true);
                    if (child is ParagraphBlock paragraph)
                    {
                        WriteParagraph(hanging, paragraph.Inline, RunFormat.None, prefix, keepEmpty: true);
                        continue;
                    }

                    // An item that opens with a code block, a table or a nested list: the marker stands alone.
                    WriteParagraph(hanging, inlines: null, RunFormat.None, prefix, keepEmpty: true);
                }

                WriteBlock(child, itemContext);
            }

            if (first)
            {
                // An empty item still shows its marker.
                WriteParagraph(Properties(itemContext, itemContext.ParagraphStyle, hanging: true), inlines: null, RunFormat.None, prefix, keepEmpty: true);
            }
        }
    }

    private void WriteTable(MarkdownTable table, Context context)
    {
        var rows = table.OfType<MarkdownRow>().ToList();
        var columns = rows.Count == 0 ? 0 : rows.Max(row => row.Count);
        if (columns == 0)
        {
            return;
        }

        var width = Math.Max(DocumentStyles.TextWidth - (context.Steps * DocumentStyles.IndentStep), DocumentStyles.TextWidth / 2);

        // The cells first, so that each column is as wide as its text asks (TableColumns), not an equal share.
        var cells = rows.Select(row => Cells(table, row, columns)).ToList();
        var widths = TableColumns.Widths([.. cells.Select(row => row.Select(cell => cell.Select(p => p.InnerText).ToList()).ToList())], columns, width);
        var properties = new TableProperties(
            new TableWidth { Type = TableWidthUnitValues.Dxa, Width = widths.Sum().ToString(CultureInfo.InvariantCulture) });
        if (context.Steps > 0)
        {
            properties.Append(new TableIndentation { Type = TableWidthUnitValues.Dxa, Width = context.Steps * DocumentStyles.IndentStep });
        }

        properties.Append(
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "auto" },
                new LeftBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "auto" },
                new BottomBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "auto" },
                new RightBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "auto" },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "auto" },
                new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "auto" }),
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableCellMarginDefault(
                new TopMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                new TableCellLeftMargin { Width = 100, Type = TableWidthValues.Dxa },
                new BottomMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                new TableCellRightMargin { Width = 100, Type = TableWidthValues.Dxa }));

        var grid = new TableGrid();
        foreach (var columnWidth in widths)
        {
            grid.Append(new GridColumn { Width = columnWidth.ToString(CultureInfo.InvariantCulture) });
        }

        _writer.WriteStartElement(new WordTable());
        _writer.WriteElement(properties);
        _writer.WriteElement(grid);
        for (var r = 0; r < rows.Count; r++)
        {
            _writer.WriteElement(Row(rows[r].IsHeader, cells[r], widths));
        }

        _writer.WriteEndElement();

        // Two tables in a row would merge into one in Word; a paragraph keeps them apart.
        _writer.WriteElement(new Paragraph(Properties(context, DocumentStyles.Normal)));
    }

    /// <summary>Each of a row's <paramref name="columns"/> cells as its paragraphs (one empty paragraph for a missing or empty cell).</summary>
    private List<List<Paragraph>> Cells(MarkdownTable table, MarkdownRow row, int columns)
    {
        var format = row.IsHeader ? RunFormat.Bold : RunFormat.None;
        var cells = row.OfType<MarkdownCell>().ToList();
        var result = new List<List<Paragraph>>(columns);
        for (var c = 0; c < columns; c++)
        {
            var alignment = c < table.ColumnDefinitions.Count ? table.ColumnDefinitions[c].Alignment : null;
            var paragraphs = c < cells.Count ? CellParagraphs(cells[c], alignment, format) : [];
            result.Add(paragraphs.Count > 0 ? paragraphs : [CellParagraph(alignment)]);
        }

        return result;
    }

    private static TableRow Row(bool isHeader, List<List<Paragraph>> cells, int[] widths)
    {
        var wordRow = new TableRow();
        if (isHeader)
        {
            wordRow.Append(new TableRowProperties(new TableHeader()));
        }

        for (var c = 0; c < cells.Count; c++)
        {
            var cellProperties = new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Dxa, Width = widths[c].ToString(CultureInfo.InvariantCulture) });
            if (isHeader)
            {
                cellProperties.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "F2F2F2" });
            }

            var cell = new TableCell(cellProperties);
            cell.Append(cells[c]);
            wordRow.Append(cell);
        }

        return wordRow;
    }

    private List<Paragraph> CellParagraphs(MarkdownCell cell, TableColumnAlign? alignment, RunFormat format)
    {
        var paragraphs = new List<Paragraph>();
        foreach (var block in cell)
        {
            var inlines = block switch
            {
                LeafBlock leaf => leaf.Inline,
                _ => null,
            };
            var builder = new ParagraphBuilder(CellParagraph(alignment));
            AppendInlines(builder, inlines, format);
            paragraphs.Add(builder.Paragraph);
        }

        return paragraphs;
    }

    private static Paragraph CellParagraph(TableColumnAlign? alignment)
    {
        var properties = new ParagraphProperties
        {
            ParagraphStyleId = new ParagraphStyleId { Val = DocumentStyles.Normal },
            SpacingBetweenLines = new SpacingBetweenLines { Line = "276", LineRule = LineSpacingRuleValues.Auto },
        };
        var justification = alignment switch
        {
            TableColumnAlign.Center => JustificationValues.Center,
            TableColumnAlign.Right => JustificationValues.Right,
            _ => (JustificationValues?)null,
        };
        if (justification is { } value)
        {
            properties.Justification = new Justification { Val = value };
        }

        return new Paragraph(properties);
    }

    private void WriteCode(CodeBlock code, Context context)
    {
        var lines = code.Lines;
        for (var i = 0; i < lines.Count; i++)
        {
            var text = lines.Lines[i].Slice.ToString();
            var paragraph = new Paragraph(Properties(context, DocumentStyles.CodeBlock));
            var clean = WordText.Clean(text.Replace("\t", new string(' ', CodeTabWidth), StringComparison.Ordinal));
            if (clean.Length > 0)
            {
                paragraph.Append(new Run(WordText.Text(clean)));
            }

            _writer.WriteElement(paragraph);
        }
    }

    private void WriteLines(LeafBlock leaf, Context context, string style)
    {
        var lines = leaf.Lines;
        for (var i = 0; i < lines.Count; i++)
        {
            _writer.WriteElement(WordText.Paragraph(Properties(context, style), lines.Lines[i].Slice.ToString()));
        }
    }

    private void WriteFlat(Block block, Context context)
    {
        foreach (var descendant in block.Descendants<LeafBlock>().Prepend(block as LeafBlock))
        {
            if (descendant is null)
            {
                continue;
            }

            var builder = new ParagraphBuilder(new Paragraph(Properties(context, context.ParagraphStyle)));
            if (descendant.Inline is { } inlines)
            {
                builder.Append(PlainText(inlines), RunFormat.None);
            }
            else
            {
                builder.Append(string.Join(' ', descendant.Lines.Lines.Take(descendant.Lines.Count).Select(line => line.Slice.ToString())), RunFormat.None);
            }

            if (builder.HasContent)
            {
                _writer.WriteElement(builder.Paragraph);
            }
        }
    }

    private void WriteParagraph(ParagraphProperties properties, ContainerInline? inlines, RunFormat format, string? prefix, bool keepEmpty)
    {
        var builder = new ParagraphBuilder(new Paragraph(properties));
        if (prefix is not null)
        {
            builder.Append(prefix, RunFormat.None);
        }

        AppendInlines(builder, inlines, format);
        if (!builder.HasContent && !keepEmpty)
        {
            return;
        }

        var paragraph = builder.Paragraph;
        if (properties.ParagraphStyleId?.Val?.Value == DocumentStyles.BodyText && WordText.HasUnbreakableRun(paragraph.InnerText))
        {
            // Justified, the line before a web address or a long word that goes whole to the next
            // line is spread wide (日　子　，　详　情…); at the left it just ends short, and the
            // paragraph's Chinese lines, which break at any character, stay as full as before.
            properties.Justification = new Justification { Val = JustificationValues.Left };
        }

        _writer.WriteElement(paragraph);
    }

    private void AppendInlines(ParagraphBuilder builder, ContainerInline? container, RunFormat format)
    {
        for (var inline = container?.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
            {
                builder.Append(PlainText(inline), format);
                continue;
            }

            switch (inline)
            {
                case LiteralInline literal:
                    builder.Append(literal.Content.ToString(), format);
                    break;
                case EmphasisInline emphasis:
                    AppendInlines(builder, emphasis, format | (emphasis.DelimiterCount >= 2 ? RunFormat.Bold : RunFormat.Italic));
                    break;
                case CodeInline code:
                    builder.Append(code.Content, format | RunFormat.Code);
                    break;
                case LineBreakInline lineBreak:
                    if (lineBreak.IsHard)
                    {
                        builder.Break(format);
                    }
                    else
                    {
                        builder.SoftBreak();
                    }

                    break;
                case LinkInline { IsImage: true } image:
                    // The picture itself is not fetched; its description stays in its place: ［图：扶贫车间开工那天］.
                    var description = ChildrenText(image).Trim();
                    builder.Append(description.Length == 0 ? ImageMark : $"［{ImageLabel}：{description}］", format);
                    break;
                case LinkInline link:
                    AppendInlines(builder, link, format);

                    // On paper a link is its text and its address: 清河市扶贫办网站（https://…）.
                    var url = link.Url?.Trim() ?? string.Empty;
                    if (_linkAddresses && url.Length > 0 && url != ChildrenText(link).Trim())
                    {
                        builder.Append($"（{url}）", format);
                    }

                    break;
                case AutolinkInline autolink:
                    builder.Append(autolink.Url, format);
                    break;
                case HtmlEntityInline entity:
                    builder.Append(entity.Transcoded.ToString(), format);
                    break;
                case HtmlInline html:
                    builder.Append(html.Tag, format);
                    break;
                case DelimiterInline delimiter:
                    builder.Append(delimiter.ToLiteral(), format);
                    AppendInlines(builder, delimiter, format);
                    break;
                case ContainerInline other:
                    AppendInlines(builder, other, format);
                    break;
                default:
                    break;
            }
        }
    }

    // The text of what a container holds.
    private static string ChildrenText(ContainerInline container) => string.Concat(container.Select(PlainText));

    // The text of an inline and everything in it, without recursion.
    private static string PlainText(Inline inline)
    {
        var text = new StringBuilder();
        var pending = new Stack<Inline>();
        pending.Push(inline);
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case LiteralInline literal:
                    text.Append(literal.Content.ToString());
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
                case LineBreakInline:
                    text.Append(' ');
                    break;
                case LinkInline { IsImage: true } image:
                    text.Append($"［{ImageLabel}：").Append(ChildrenText(image)).Append('］');
                    break;
                case AutolinkInline autolink:
                    text.Append(autolink.Url);
                    break;
                case HtmlEntityInline entity:
                    text.Append(entity.Transcoded.ToString());
                    break;
                case HtmlInline html:
                    text.Append(html.Tag);
                    break;
                case ContainerInline container:
                    // Pushed last child first, so the first child is written first.
                    for (var child = container.LastChild; child is not null; child = child.PreviousSibling)
                    {
                        pending.Push(child);
                    }

                    break;
                default:
                    break;
            }
        }

        return text.ToString();
    }

    private static ParagraphProperties Properties(Context context, string style, bool hanging = false)
    {
        var properties = new ParagraphProperties { ParagraphStyleId = new ParagraphStyleId { Val = style } };
        var left = context.Steps * DocumentStyles.IndentStep;
        if (hanging)
        {
            properties.Indentation = new Indentation
            {
                Left = left.ToString(CultureInfo.InvariantCulture),
                Hanging = DocumentStyles.IndentStep.ToString(CultureInfo.InvariantCulture),
                FirstLineChars = 0,
            };
        }
        else if (left > 0)
        {
            properties.Indentation = new Indentation { Left = left.ToString(CultureInfo.InvariantCulture), FirstLine = "0", FirstLineChars = 0 };
        }

        return properties;
    }

    /// <summary>Where a block sits: how far it is indented, and whether it is in a list or a quote.</summary>
    private readonly record struct Context(int Steps, bool InList, bool InQuote)
    {
        public static Context Body => new(0, false, false);

        /// <summary>Body paragraphs have a first-line indent; in a list or a quote they are flush with their indent.</summary>
        public string ParagraphStyle => InQuote ? DocumentStyles.Quote : InList ? DocumentStyles.Normal : DocumentStyles.BodyText;

        public Context Indented() => this with { Steps = Math.Min(Steps + 1, MaxIndentSteps), InList = true };

        public Context Quoted() => this with { Steps = Math.Min(Steps + 1, MaxIndentSteps), InQuote = true };
    }

    /// <summary>
    /// Collects text into the runs of one paragraph, merging neighbours of the same format. A soft
    /// line break is a space, except between two Chinese characters.
    /// </summary>
    private sealed class ParagraphBuilder(Paragraph paragraph)
    {
        private readonly StringBuilder _text = new();
        private RunFormat _format;
        private char _last;
        private bool _softBreak;

        public bool HasContent { get; private set; }

        public Paragraph Paragraph
        {
            get
            {
                Flush();
                return paragraph;
            }
        }

        public void Append(string? text, RunFormat format)
        {
            var clean = WordText.Clean(text);
            if (clean.Length == 0)
            {
                return;
            }

            if (_softBreak)
            {
                _softBreak = false;
                if (_last != '\0' && !char.IsWhiteSpace(_last) && !char.IsWhiteSpace(clean[0]) && !WordText.JoinsWithoutSpace(_last, clean[0]))
                {
                    AppendText(" ", _format);
                }
            }

            AppendText(clean, format);
        }

        public void SoftBreak() => _softBreak = HasContent;

        public void Break(RunFormat format)
        {
            Flush();
            _softBreak = false;
            var run = new Run();
            if (WordText.Properties(format) is { } properties)
            {
                run.Append(properties);
            }

            run.Append(new Break());
            paragraph.Append(run);
            _last = '\0';
        }

        private void AppendText(string clean, RunFormat format)
        {
            if (format != _format)
            {
                Flush();
                _format = format;
            }

            _text.Append(clean);
            _last = clean[^1];
            HasContent = true;
        }

        private void Flush()
        {
            if (_text.Length == 0)
            {
                return;
            }

            var run = new Run();
            if (WordText.Properties(_format) is { } properties)
            {
                run.Append(properties);
            }

            run.Append(WordText.Text(_text.ToString()));
            paragraph.Append(run);
            _text.Clear();
        }
    }
}
