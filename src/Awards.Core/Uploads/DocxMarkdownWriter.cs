using System.Text;

namespace Awards.Core.Uploads;

/// <summary>
/// Writes the blocks of a document body as canonical Markdown: blocks separated by one blank
/// line, list items by a single newline, "\n" newlines, no trailing white space, no trailing
/// newline. The first non-empty paragraph becomes the title if it is styled Title or Heading 1.
/// </summary>
internal static class DocxMarkdownWriter
{
    private const string HardBreak = "\\\n";
    private const int BulletWidth = 2;
    private const int OrderedWidth = 3;

    // Every row is padded to the widest; a hostile table must not multiply the output.
    private const int MaxColumns = 64;

    public static (string? Title, string Markdown) Write(IEnumerable<DocxBlock> blocks)
    {
        string? title = null;
        var seenContent = false;
        var chunks = new List<(string Markdown, bool IsListItem)>();

        // The marker widths of the list items enclosing the next one, outermost first.
        var openLists = new List<int>();
        foreach (var block in blocks)
        {
            switch (block)
            {
                case DocxParagraph paragraph when !paragraph.Text.IsBlank:
                    if (!seenContent)
                    {
                        seenContent = true;
                        if (paragraph.Role == ParagraphRole.Title
                            || (paragraph.Role == ParagraphRole.Heading && paragraph.HeadingLevel == 1))
                        {
                            title = paragraph.Text.ToPlainText();
                            continue;
                        }
                    }

                    if (paragraph.List is { } list)
                    {
                        var item = ListItem(paragraph.Text, list.Ordered, list.Level, openLists);
                        if (item.Length > 0)
                        {
                            chunks.Add((item, true));
                        }

                        continue;
                    }

                    openLists.Clear();
                    var markdown = paragraph.Role == ParagraphRole.Body
                        ? string.Join(HardBreak, paragraph.Text.ToMarkdownLines(singleLine: false, escapeEveryHash: false))
                        : Heading(paragraph);
                    if (markdown.Length > 0)
                    {
                        chunks.Add((markdown, false));
                    }

                    break;
                case DocxTable table:
                    var rendered = Table(table);
                    if (rendered.Length > 0)
                    {
                        seenContent = true;
                        openLists.Clear();
                        chunks.Add((rendered, false));
                    }

                    break;
                default:
                    break;
            }
        }

        var output = new StringBuilder();
        for (var i = 0; i < chunks.Count; i++)
        {
            if (i > 0)
            {
                output.Append(chunks[i - 1].IsListItem && chunks[i].IsListItem ? "\n" : "\n\n");
            }

            output.Append(chunks[i].Markdown);
        }

        return (string.IsNullOrEmpty(title) ? null : title, Normalize(output.ToString()));
    }

    private static string Heading(DocxParagraph paragraph)
    {
        var text = paragraph.Text.ToMarkdownLines(singleLine: true, escapeEveryHash: true);
        if (text.Count == 0)
        {
            return string.Empty;
        }

        // A Title-styled paragraph after the first text is shown as a top-level heading.
        var level = paragraph.Role == ParagraphRole.Title ? 1 : Math.Clamp(paragraph.HeadingLevel, 1, 6);
        return new string('#', level) + " " + text[0];
    }

    private static string ListItem(DocxInlineText text, bool ordered, int level, List<int> openLists)
    {
        var lines = text.ToMarkdownLines(singleLine: false, escapeEveryHash: false);
        if (lines.Count == 0)
        {
            return string.Empty;
        }

        // Markdown nests an item only under an item one level up, so a skipped level is closed
        // up; and an item nests by starting where its parent's text starts.
        var depth = Math.Min(level, openLists.Count);
        openLists.RemoveRange(depth, openLists.Count - depth);
        var indent = openLists.Sum();
        var width = ordered ? OrderedWidth : BulletWidth;
        openLists.Add(width);

        var item = new StringBuilder();
        item.Append(' ', indent).Append(ordered ? "1. " : "- ").Append(lines[0]);
        foreach (var line in lines.Skip(1))
        {
            item.Append(HardBreak).Append(' ', indent + width).Append(line);
        }

        return item.ToString();
    }

    private static string Table(DocxTable table)
    {
        var rows = table.Rows.Where(row => row.Count > 0).Select(Narrow).ToList();
        if (rows.Count == 0 || rows.All(row => row.All(cell => cell.Length == 0)))
        {
            return string.Empty;
        }

        var columns = rows.Max(row => row.Count);
        var markdown = new StringBuilder();
        for (var r = 0; r < rows.Count; r++)
        {
            if (r > 0)
            {
                markdown.Append('\n');
            }

            AppendRow(markdown, Enumerable.Range(0, columns).Select(c => c < rows[r].Count ? rows[r][c] : string.Empty));
            if (r == 0)
            {
                markdown.Append('\n');
                AppendRow(markdown, Enumerable.Repeat("---", columns));
            }
        }

        return markdown.ToString();
    }

    /// <summary>A row of at most <see cref="MaxColumns"/> cells: the last one takes the text of any beyond.</summary>
    private static IReadOnlyList<string> Narrow(IReadOnlyList<string> row) =>
        row.Count <= MaxColumns
            ? row
            : [.. row.Take(MaxColumns - 1), string.Join(' ', row.Skip(MaxColumns - 1).Where(cell => cell.Length > 0))];

    private static void AppendRow(StringBuilder markdown, IEnumerable<string> cells)
    {
        markdown.Append('|');
        foreach (var cell in cells)
        {
            markdown.Append(' ');
            if (cell.Length > 0)
            {
                markdown.Append(cell).Append(' ');
            }

            markdown.Append('|');
        }
    }

    /// <summary>"\n" newlines, no trailing white space, at most one blank line in a row, trimmed.</summary>
    private static string Normalize(string markdown)
    {
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var output = new StringBuilder(markdown.Length);
        var blank = 0;
        foreach (var raw in lines)
        {
            var line = raw.TrimEnd();
            if (line.Length == 0)
            {
                blank++;
                continue;
            }

            if (output.Length > 0)
            {
                output.Append(blank > 0 ? "\n\n" : "\n");
            }

            output.Append(line);
            blank = 0;
        }

        return output.ToString();
    }
}
