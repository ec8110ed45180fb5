using System.Text;
using System.Xml;
using Awards.Core.Common;
using DocumentFormat.OpenXml.Packaging;

namespace Awards.Core.Uploads;

/// <summary>
/// Turns an uploaded .docx into the canonical form an essay is judged in: a title and Markdown
/// holding the main document body only. Everything else in the package (properties, comments,
/// tracked-change authors, headers, footers, notes, templates, custom XML, embedded files, images)
/// is never read, so none of it can reach a judge (SECURITY.md §1). The package is checked with
/// <see cref="DocxPackage.Check"/> before the OpenXML SDK opens it (SECURITY.md §4).
/// </summary>
public static class DocxConverter
{
    // Characters, not bytes: the SDK builds a tree of every part it loads, which costs far more
    // memory than the XML. An essay's document.xml is well under a million characters.
    private const long MaxCharactersInPartCap = 8 * 1024 * 1024;

    // Real documents nest a few dozen elements deep (a text box in a table in a content control);
    // the SDK's recursive loader overflows the stack somewhere beyond a few thousand.
    private const int MaxElementDepth = 256;

    private const string RewrittenUri = "http://invalid.invalid/";

    /// <summary>
    /// Converts <paramref name="docx"/>, which must be readable and seekable. Throws
    /// <see cref="DomainException"/> with <see cref="UploadMessages.DamagedDocument"/>,
    /// <see cref="UploadMessages.Macros"/> or <see cref="UploadMessages.DocumentTooLargeUnpacked"/>
    /// when the file is not a .docx within <paramref name="limits"/>.
    /// </summary>
    public static ConvertedDocument Convert(Stream docx, UploadLimits limits)
    {
        ArgumentNullException.ThrowIfNull(docx);
        ArgumentNullException.ThrowIfNull(limits);
        DocxPackage.Check(docx, limits);

        var maxCharacters = MaxCharactersInPart(limits);
        try
        {
            try
            {
                return Read(docx, maxCharacters, rewriteMalformedUris: false);
            }
            catch (OpenXmlPackageException exception) when (exception.InnerException is UriFormatException)
            {
                // A hyperlink whose address System.Uri refuses (common in real documents) fails the
                // whole package; the SDK can rewrite such addresses, but only in a writable package.
                using var copy = new MemoryStream(checked((int)docx.Length));
                docx.Position = 0;
                docx.CopyTo(copy);
                copy.Position = 0;
                return Read(copy, maxCharacters, rewriteMalformedUris: true);
            }
        }
        catch (OpenXmlPackageException exception)
        {
            throw Damaged(exception);
        }
        catch (InvalidDataException exception)
        {
            throw Damaged(exception);
        }
        catch (XmlException exception)
        {
            throw Damaged(exception);
        }
        catch (InvalidOperationException exception)
        {
            throw Damaged(exception);
        }
        catch (FormatException exception)
        {
            // FileFormatException from System.IO.Packaging, UriFormatException.
            throw Damaged(exception);
        }
        catch (ArgumentException exception)
        {
            // System.IO.Packaging refuses malformed content types and part names this way.
            throw Damaged(exception);
        }
        finally
        {
            if (docx.CanSeek)
            {
                docx.Position = 0;
            }
        }
    }

    /// <summary>Half the inflated bytes the whole package may have (a part cannot hold more characters than bytes), capped.</summary>
    internal static long MaxCharactersInPart(UploadLimits limits) =>
        Math.Clamp(limits.MaxInflatedBytes / 2, 1, MaxCharactersInPartCap);

    private static ConvertedDocument Read(Stream docx, long maxCharacters, bool rewriteMalformedUris)
    {
        var settings = new OpenSettings { MaxCharactersInPart = maxCharacters, AutoSave = false };
        if (rewriteMalformedUris)
        {
            settings.RelationshipErrorHandlerFactory = RelationshipErrorHandler.CreateRewriterFactory((_, _, _) => RewrittenUri);
        }

        using var document = WordprocessingDocument.Open(docx, isEditable: rewriteMalformedUris, settings);
        var main = document.MainDocumentPart ?? throw new DomainException(UploadMessages.DamagedDocument);

        // Only these three parts are ever read.
        var body = Load(main, maxCharacters, () => main.Document)?.Body;
        var styles = main.StyleDefinitionsPart is { } stylesPart ? Load(stylesPart, maxCharacters, () => stylesPart.Styles) : null;
        var numbering = main.NumberingDefinitionsPart is { } numberingPart ? Load(numberingPart, maxCharacters, () => numberingPart.Numbering) : null;
        if (body is null)
        {
            return new ConvertedDocument(null, string.Empty, []);
        }

        var reader = new DocxBodyReader(new DocxStyles(styles, numbering));
        var blocks = reader.Read(body);
        var (title, markdown) = DocxMarkdownWriter.Write(blocks);
        return new ConvertedDocument(title, markdown, [.. reader.Warnings]);
    }

    /// <summary>
    /// Loads a part's XML after reading it once with a plain <see cref="XmlReader"/>, which does not
    /// recurse: the SDK builds its tree recursively, and a few KB of deeply nested elements would
    /// overflow the stack and end the process, which no catch can prevent.
    /// </summary>
    private static T Load<T>(OpenXmlPart part, long maxCharacters, Func<T> load)
    {
        Scan(part, maxCharacters);
        return load();
    }

    /// <summary>
    /// Refuses a part nested deeper than <see cref="MaxElementDepth"/> or longer than
    /// <paramref name="maxCharacters"/>. The reader reports the length, as the SDK does for
    /// <see cref="OpenSettings.MaxCharactersInPart"/>, as a plain <see cref="XmlException"/>
    /// ("exceeded a limit set by MaxCharactersInDocument") that looks like any malformed XML;
    /// counting the part's characters tells the two apart.
    /// </summary>
    private static void Scan(OpenXmlPart part, long maxCharacters)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = maxCharacters,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = true,
        };

        try
        {
            using var stream = part.GetStream(FileMode.Open, FileAccess.Read);
            using var reader = XmlReader.Create(stream, settings);
            while (reader.Read())
            {
                if (reader.Depth > MaxElementDepth)
                {
                    throw new DomainException(UploadMessages.DamagedDocument);
                }
            }
        }
        catch (XmlException exception)
        {
            if (HasMoreCharactersThan(part, maxCharacters))
            {
                throw new DomainException(UploadMessages.DocumentTooLargeUnpacked, exception);
            }

            throw;
        }
    }

    private static bool HasMoreCharactersThan(OpenXmlPart part, long maxCharacters)
    {
        using var stream = part.GetStream(FileMode.Open, FileAccess.Read);
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var buffer = new char[16 * 1024];
        long count = 0;
        int read;
        while ((read = reader.Read(buffer)) > 0)
        {
            count += read;
            if (count > maxCharacters)
            {
                return true;
            }
        }

        return false;
    }

    private static DomainException Damaged(Exception exception) => new(UploadMessages.DamagedDocument, exception);
}
