using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Awards.Core.Exports.Anthology;

/// <summary>
/// A Word document written as it goes: the body is streamed through an <see cref="OpenXmlWriter"/>
/// into a <see cref="StreamingPackage"/>, one small element at a time, and the styles, settings and
/// footer follow once the body is complete. Only the element being written is ever in memory.
/// </summary>
internal sealed class StreamedDocx : IDisposable
{
    // The footer is added after the body that refers to it, so its relationship id is chosen here.
    private const string FooterRelationshipId = "rIdFooter1";

    private readonly StreamingPackage _package;
    private readonly WordprocessingDocument _document;
    private readonly MainDocumentPart _main;
    private readonly bool _removePersonalInformation;
    private readonly bool _coverPage;
    private bool _finished;

    /// <summary>
    /// Starts a document in <paramref name="output"/> (left open: the caller owns it) whose core
    /// properties hold <paramref name="title"/> and, when given, <paramref name="creator"/>; nothing else
    /// about who made it.
    /// </summary>
    /// <param name="output">Where the package goes.</param>
    /// <param name="title">The core properties' title.</param>
    /// <param name="creator">The core properties' creator; none when null.</param>
    /// <param name="removePersonalInformation">Word's "remove personal information on save" (a judge packet).</param>
    /// <param name="coverPage">The first page is a cover: it bears no page number.</param>
    public StreamedDocx(Stream output, string title, string? creator, bool removePersonalInformation, bool coverPage = false)
    {
        ArgumentNullException.ThrowIfNull(output);
        _removePersonalInformation = removePersonalInformation;
        _coverPage = coverPage;
        _package = new StreamingPackage(output);
        try
        {
            _document = WordprocessingDocument.Create(_package, WordprocessingDocumentType.Document, autoSave: false);
            _document.PackageProperties.Title = WordText.Clean(title);
            if (!string.IsNullOrEmpty(creator))
            {
                _document.PackageProperties.Creator = WordText.Clean(creator);
            }

            _document.PackageProperties.Language = "zh-CN";
            _main = _document.AddMainDocumentPart();
            Writer = OpenXmlWriter.Create(_main);
            Writer.WriteStartDocument();
            Writer.WriteStartElement(new Document());
            Writer.WriteStartElement(new Body());
        }
        catch
        {
            ((IDisposable)_package).Dispose();
            throw;
        }
    }

    /// <summary>The writer of the body: write block-level elements (paragraphs, tables, sdt) only.</summary>
    public OpenXmlWriter Writer { get; }

    /// <summary>Writes one block-level element of the body.</summary>
    public void Write(OpenXmlElement element) => Writer.WriteElement(element);

    /// <summary>Ends the body with its section properties and writes the styles, settings and footer.</summary>
    public void Finish()
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        _finished = true;
        Writer.WriteElement(DocumentStyles.Section(FooterRelationshipId, _coverPage));
        Writer.WriteEndElement();
        Writer.WriteEndElement();
        Writer.Close();

        Save(_main.AddNewPart<StyleDefinitionsPart>(), DocumentStyles.Styles());
        Save(_main.AddNewPart<DocumentSettingsPart>(), DocumentStyles.Settings(_removePersonalInformation));
        Save(_main.AddNewPart<FooterPart>(FooterRelationshipId), DocumentStyles.PageNumberFooter());
    }

    public void Dispose()
    {
        Writer.Dispose();
        _document.Dispose();
        ((IDisposable)_package).Dispose();
    }

    private static void Save(OpenXmlPart part, OpenXmlPartRootElement root)
    {
        using var stream = part.GetStream(FileMode.Create, FileAccess.Write);
        root.Save(stream);
    }
}
