using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using MathParagraph = DocumentFormat.OpenXml.Math.Paragraph;
using OfficeMath = DocumentFormat.OpenXml.Math.OfficeMath;

namespace Awards.Core.Uploads;

/// <summary>A paragraph or a table of the document body, before it is written as Markdown.</summary>
internal abstract record DocxBlock;

/// <summary>A paragraph: its text, its role, the level if it is a heading, the kind and level (0 at the top) if it is a list item.</summary>
internal sealed record DocxParagraph(DocxInlineText Text, ParagraphRole Role, int HeadingLevel, (bool Ordered, int Level)? List) : DocxBlock;

/// <summary>A table: the Markdown of each cell, one line each, row by row.</summary>
internal sealed record DocxTable(IReadOnlyList<IReadOnlyList<string>> Rows) : DocxBlock;

/// <summary>
/// Walks the main document body and nothing else (SECURITY.md §1): comments, headers, footers,
/// notes, properties, settings, custom XML and embedded parts are never opened, and of the body
/// only the text a reader of the accepted document sees is kept. Tracked insertions count as
/// accepted, deletions and moved-away text as gone; field instructions, hidden text, placeholder
/// text and anything that shows a document property are left out.
/// </summary>
internal sealed class DocxBodyReader(DocxStyles styles)
{
    private const string WordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    private const int MaxInstructionLength = 256;

    // The first word of a field instruction whose result is copied from the document's properties,
    // the user's settings or a mail merge source: exactly the places identity hides in.
    private static readonly HashSet<string> PropertyFields = new(StringComparer.OrdinalIgnoreCase)
    {
        "ADDRESSBLOCK", "AUTHOR", "COMMENTS", "DATABASE", "DOCPROPERTY", "DOCVARIABLE", "FILENAME",
        "GREETINGLINE", "INFO", "KEYWORDS", "LASTSAVEDBY", "MERGEFIELD", "SUBJECT", "TEMPLATE", "TITLE",
        "USERADDRESS", "USERINITIALS", "USERNAME",
    };

    // Elements inside a paragraph that only wrap runs.
    private static readonly HashSet<string> WrapperNames = new(StringComparer.Ordinal) { "smartTag", "dir", "bdo", "customXml" };

    private readonly List<string> _warnings = [];

    // Complex fields open at this point of the body, innermost on top, and how many of them hide
    // what follows (counted, not searched for: a hostile document can open thousands).
    private readonly Stack<Field> _fields = new();
    private int _hidingFields;

    // Bookmarks whose text is a property: a REF field repeats it ({ SET a "{ USERNAME }" } then
    // { REF a }; a bookmark around an AUTHOR field's result). The bookmarks open now, by id, until
    // they end or are found to hold a property; and how many property results are open now.
    private readonly HashSet<string> _propertyBookmarks = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _openBookmarks = new(StringComparer.Ordinal);
    private int _propertyResults;

    public IReadOnlyList<string> Warnings => _warnings;

    public List<DocxBlock> Read(Body body)
    {
        var blocks = new List<DocxBlock>();
        ReadBlocks(body, blocks);
        return blocks;
    }

    private void ReadBlocks(OpenXmlElement container, List<DocxBlock> blocks)
    {
        foreach (var child in container.ChildElements)
        {
            switch (child)
            {
                case Paragraph paragraph:
                    blocks.Add(ReadParagraph(paragraph));
                    break;
                case Table table:
                    blocks.Add(ReadTable(table));
                    break;
                case SdtBlock sdt:
                    if (ShowsContent(sdt.SdtProperties) && sdt.SdtContentBlock is { } content)
                    {
                        ReadBlocks(content, blocks);
                    }

                    break;
                case CustomXmlBlock customXml:
                    ReadBlocks(customXml, blocks);
                    break;
                case BookmarkStart or BookmarkEnd:
                    OnBookmark(child);
                    break;
                case AltChunk:
                    Warn(DocxWarnings.ImagesNotImported);
                    break;
                case AlternateContent alternate:
                    ReadAlternateContent(alternate, fallback => ReadBlocks(fallback, blocks));
                    break;
                default:
                    break;
            }
        }
    }

    private DocxParagraph ReadParagraph(Paragraph paragraph)
    {
        var properties = paragraph.ParagraphProperties;
        var (role, level) = styles.RoleOf(properties);
        var list = role == ParagraphRole.Body ? styles.ListOf(properties) : null;
        var text = new DocxInlineText();
        ReadInlines(paragraph, text);

        // Word keeps a field's instruction within one paragraph; a field still in its instruction
        // here is broken, and would otherwise hide the rest of the document. (A field whose result
        // shows a property stays open: its result may run on.)
        while (_fields.TryPeek(out var open) && !open.InResult)
        {
            PopField();
        }

        return new DocxParagraph(text, role, level, list);
    }

    private DocxTable ReadTable(Table table)
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (var row in Rows(table))
        {
            // A row deleted with changes tracked is gone once the changes are accepted.
            if (row.TableRowProperties?.GetFirstChild<Deleted>() is not null)
            {
                continue;
            }

            var cells = new List<string>();
            foreach (var cell in Cells(row))
            {
                var properties = cell.TableCellProperties;
                var merge = properties?.VerticalMerge;
                var continuesAbove = merge is not null && (merge.Val is null || merge.Val.InnerText == "continue");
                var blocks = new List<DocxBlock>();
                ReadBlocks(cell, blocks);
                cells.Add(continuesAbove ? string.Empty : CellText(blocks));

                // A cell spanning columns keeps the columns of the rows below in line.
                var span = Math.Clamp(DocxStyles.ReadInt(properties?.GridSpan?.Val) ?? 1, 1, 64);
                for (var i = 1; i < span; i++)
                {
                    cells.Add(string.Empty);
                }
            }

            rows.Add(cells);
        }

        return new DocxTable(rows);
    }

    private static string CellText(List<DocxBlock> blocks)
    {
        var parts = new List<string>();
        foreach (var block in blocks)
        {
            switch (block)
            {
                case DocxParagraph paragraph:
                    parts.AddRange(paragraph.Text.ToMarkdownLines(singleLine: true, escapeEveryHash: false));
                    break;
                case DocxTable nested:
                    parts.AddRange(nested.Rows.SelectMany(row => row).Where(cell => cell.Length > 0));
                    break;
                default:
                    break;
            }
        }

        return string.Join(' ', parts);
    }

    private static IEnumerable<TableRow> Rows(OpenXmlElement container)
    {
        foreach (var child in container.ChildElements)
        {
            switch (child)
            {
                case TableRow row:
                    yield return row;
                    break;
                case SdtRow sdt when sdt.SdtContentRow is { } content:
                    foreach (var row in Rows(content))
                    {
                        yield return row;
                    }

                    break;
                case CustomXmlRow customXml:
                    foreach (var row in Rows(customXml))
                    {
                        yield return row;
                    }

                    break;
                default:
                    break;
            }
        }
    }

    private static IEnumerable<TableCell> Cells(OpenXmlElement container)
    {
        foreach (var child in container.ChildElements)
        {
            switch (child)
            {
                case TableCell cell:
                    yield return cell;
                    break;
                case SdtCell sdt when sdt.SdtContentCell is { } content:
                    foreach (var cell in Cells(content))
                    {
                        yield return cell;
                    }

                    break;
                case CustomXmlCell customXml:
                    foreach (var cell in Cells(customXml))
                    {
                        yield return cell;
                    }

                    break;
                default:
                    break;
            }
        }
    }

    private void ReadInlines(OpenXmlElement container, DocxInlineText text)
    {
        foreach (var child in container.ChildElements)
        {
            switch (child)
            {
                case Run run:
                    ReadRun(run, text);
                    break;
                case Hyperlink or InsertedRun or MoveToRun or CustomXmlRun:
                    // A hyperlink gives its text only; its address is never read.
                    ReadInlines(child, text);
                    break;
                case DeletedRun or MoveFromRun:
                    break;
                case BookmarkStart or BookmarkEnd:
                    OnBookmark(child);
                    break;
                case SimpleField field:
                    ReadSimpleField(field, text);
                    break;
                case SdtRun sdt:
                    if (ShowsContent(sdt.SdtProperties) && sdt.SdtContentRun is { } content)
                    {
                        ReadInlines(content, text);
                    }

                    break;
                case OfficeMath or MathParagraph:
                    if (!Suppressed)
                    {
                        Warn(DocxWarnings.EquationsNotImported);
                    }

                    break;
                case AlternateContent alternate:
                    ReadAlternateContent(alternate, fallback => ReadInlines(fallback, text));
                    break;
                case RubyBase:
                    ReadInlines(child, text);
                    break;
                default:
                    if (child.NamespaceUri == WordNamespace && WrapperNames.Contains(child.LocalName))
                    {
                        ReadInlines(child, text);
                    }

                    break;
            }
        }
    }

    private void ReadRun(Run run, DocxInlineText text)
    {
        var properties = run.RunProperties;
        var byStyle = styles.CharacterStyle(properties?.RunStyle?.Val?.Value);
        var bold = DocxStyles.IsOn(properties?.Bold) ?? byStyle.Bold ?? false;
        var italic = DocxStyles.IsOn(properties?.Italic) ?? byStyle.Italic ?? false;
        var hidden = DocxStyles.IsOn(properties?.Vanish) ?? byStyle.Hidden ?? false;

        foreach (var child in run.ChildElements)
        {
            // Field characters and instructions decide what is shown, even in hidden runs.
            switch (child)
            {
                case FieldChar fieldChar:
                    OnFieldChar(fieldChar);
                    continue;
                case FieldCode code:
                    // The first word names the field; the rest is not needed.
                    if (_fields.TryPeek(out var field) && !field.InResult && field.Instruction.Length < MaxInstructionLength)
                    {
                        field.Instruction += code.Text;
                    }

                    continue;
                default:
                    break;
            }

            if (Suppressed)
            {
                continue;
            }

            if (hidden)
            {
                if (child is Text { Text.Length: > 0 })
                {
                    Warn(DocxWarnings.HiddenTextNotImported);
                }

                continue;
            }

            switch (child)
            {
                case Text t:
                    text.Append(t.Text, bold, italic);
                    break;
                case TabChar or PositionalTab:
                    text.Append(" ", bold, italic);
                    break;
                case Break or CarriageReturn:
                    text.AppendBreak();
                    break;
                case NoBreakHyphen:
                    text.Append("-", bold, italic);
                    break;
                case Drawing or Picture or EmbeddedObject or ContentPart:
                    Warn(DocxWarnings.ImagesNotImported);
                    break;
                case FootnoteReference or EndnoteReference:
                    Warn(DocxWarnings.FootnotesNotImported);
                    break;
                case Ruby ruby:
                    // The base text; the pronunciation guide above it is left out.
                    if (ruby.GetFirstChild<RubyBase>() is { } rubyBase)
                    {
                        ReadInlines(rubyBase, text);
                    }

                    break;
                case AlternateContent alternate:
                    ReadAlternateContent(alternate, fallback => ReadRunContent(fallback, run, text));
                    break;
                default:
                    // Deleted text, soft hyphens, symbols, comment marks, page numbers and the like.
                    break;
            }
        }
    }

    /// <summary>Run content found outside a run (in an mc:Fallback), read with that run's formatting.</summary>
    private void ReadRunContent(OpenXmlElement fallback, Run run, DocxInlineText text)
    {
        var copy = new Run();
        if (run.RunProperties is { } properties)
        {
            copy.AppendChild(properties.CloneNode(true));
        }

        foreach (var child in fallback.ChildElements)
        {
            copy.AppendChild(child.CloneNode(true));
        }

        ReadRun(copy, text);
    }

    /// <summary>
    /// Markup compatibility: the fallback is what older readers see. Without one, the content is
    /// something newer (a text box or a shape, nearly always), and is reported as not imported.
    /// </summary>
    private void ReadAlternateContent(AlternateContent alternate, Action<AlternateContentFallback> readFallback)
    {
        if (Suppressed)
        {
            return;
        }

        if (alternate.GetFirstChild<AlternateContentFallback>() is { } fallback)
        {
            readFallback(fallback);
        }
        else
        {
            Warn(DocxWarnings.ImagesNotImported);
        }
    }

    private void ReadSimpleField(SimpleField field, DocxInlineText text)
    {
        if (IsPropertyField(field.Instruction?.Value) || RefersToPropertyBookmark(field.Instruction?.Value))
        {
            NestPropertyInInstruction();
            TaintOpenBookmarks();
            foreach (var start in field.Descendants<BookmarkStart>())
            {
                AddPropertyBookmark(start.Name?.Value);
            }

            if (!Suppressed)
            {
                Warn(DocxWarnings.DocumentPropertiesNotImported);
            }

            return;
        }

        ReadInlines(field, text);
    }

    private void OnFieldChar(FieldChar fieldChar)
    {
        switch (fieldChar.FieldCharType?.InnerText)
        {
            case "begin":
                _fields.Push(new Field());
                _hidingFields++;
                break;
            case "separate":
                if (_fields.TryPeek(out var field) && !field.InResult)
                {
                    // Until now the field hid its instruction; from here on it hides its result
                    // only if that shows a property.
                    field.InResult = true;
                    field.Hidden = ShowsProperty(field);
                    if (!field.Hidden)
                    {
                        _hidingFields--;
                    }
                    else
                    {
                        _propertyResults++;
                        TaintOpenBookmarks();
                        if (_hidingFields == 1)
                        {
                            Warn(DocxWarnings.DocumentPropertiesNotImported);
                        }
                    }
                }

                break;
            case "end":
                PopField();
                break;
            default:
                break;
        }
    }

    /// <summary>Inside a field instruction or the result of a field that shows a property, nothing is read.</summary>
    private bool Suppressed => _hidingFields > 0;

    private void PopField()
    {
        if (!_fields.TryPop(out var field))
        {
            return;
        }

        if (field.Hides)
        {
            _hidingFields--;
        }

        if (field.InResult && field.Hidden)
        {
            _propertyResults--;
        }

        if (ShowsProperty(field))
        {
            NestPropertyInInstruction();
        }

        // { SET a "{ USERNAME }" } gives bookmark a the property.
        if (field.NestsProperty && Words(field.Instruction) is [var set, var name, ..] && set.Equals("SET", StringComparison.OrdinalIgnoreCase))
        {
            AddPropertyBookmark(name);
        }
    }

    private bool ShowsProperty(Field field) =>
        field.NestsProperty || IsPropertyField(field.Instruction) || RefersToPropertyBookmark(field.Instruction);

    /// <summary>A REF field ({ REF a }, or just { a }) to a bookmark whose text is a property.</summary>
    private bool RefersToPropertyBookmark(string? instruction) =>
        _propertyBookmarks.Count > 0 && Words(instruction) switch
        {
            [var word, var name, ..] when word.Equals("REF", StringComparison.OrdinalIgnoreCase) => _propertyBookmarks.Contains(name),
            [var name, ..] => _propertyBookmarks.Contains(name),
            _ => false,
        };

    private static string[] Words(string? instruction) =>
        instruction?.Split((char[]?)null, 3, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

    private void OnBookmark(OpenXmlElement bookmark)
    {
        switch (bookmark)
        {
            case BookmarkStart { Id.Value: { } id, Name.Value: { } name }:
                if (_propertyResults > 0)
                {
                    AddPropertyBookmark(name);
                }
                else
                {
                    _openBookmarks[id] = name;
                }

                break;
            case BookmarkEnd { Id.Value: { } id }:
                _openBookmarks.Remove(id);
                break;
            default:
                break;
        }
    }

    /// <summary>The bookmarks open around a property's result hold it; each is marked once, so this stays linear.</summary>
    private void TaintOpenBookmarks()
    {
        foreach (var name in _openBookmarks.Values)
        {
            AddPropertyBookmark(name);
        }

        _openBookmarks.Clear();
    }

    private void AddPropertyBookmark(string? name)
    {
        if (!string.IsNullOrEmpty(name))
        {
            _propertyBookmarks.Add(name);
        }
    }

    /// <summary>
    /// A property field inside another field's instruction ({ IF 1 = 1 "{ USERNAME }" }) gives that
    /// field its value: the outer field's result shows the property as well, and is hidden too.
    /// </summary>
    private void NestPropertyInInstruction()
    {
        if (_fields.TryPeek(out var outer) && !outer.InResult)
        {
            outer.NestsProperty = true;
        }
    }

    private static bool IsPropertyField(string? instruction)
    {
        var words = instruction?.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return words is { Length: > 0 } && PropertyFields.Contains(words[0]);
    }

    /// <summary>
    /// A content control shows its content unless that is placeholder text ("Click here to enter
    /// text") or is bound to a document property or custom XML, whose value may be the author's name.
    /// </summary>
    private bool ShowsContent(SdtProperties? properties)
    {
        if (properties is null)
        {
            return true;
        }

        if (properties.GetFirstChild<ShowingPlaceholder>() is not null)
        {
            return false;
        }

        if (properties.GetFirstChild<DataBinding>() is not null
            || properties.GetFirstChild<DocumentFormat.OpenXml.Office2013.Word.DataBinding>() is not null)
        {
            if (!Suppressed)
            {
                Warn(DocxWarnings.DocumentPropertiesNotImported);
            }

            return false;
        }

        return true;
    }

    private void Warn(string warning)
    {
        if (!_warnings.Contains(warning))
        {
            _warnings.Add(warning);
        }
    }

    private sealed class Field
    {
        public string Instruction { get; set; } = string.Empty;

        public bool InResult { get; set; }

        public bool Hidden { get; set; }

        /// <summary>Whether a property field stood in the instruction (see <see cref="NestPropertyInInstruction"/>).</summary>
        public bool NestsProperty { get; set; }

        public bool Hides => !InResult || Hidden;
    }
}
