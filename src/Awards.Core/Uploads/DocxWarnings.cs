namespace Awards.Core.Uploads;

/// <summary>
/// What <see cref="DocxConverter"/> left out of a document, for the author to check before
/// submitting. Each is the English text and a localization key; none carries anything taken from
/// the document.
/// </summary>
public static class DocxWarnings
{
    public const string ImagesNotImported = "Images, text boxes and embedded objects were not imported.";

    public const string FootnotesNotImported = "Footnotes and endnotes were not imported.";

    public const string EquationsNotImported = "Equations were not imported.";

    public const string HiddenTextNotImported = "Hidden text was not imported.";

    /// <summary>Fields such as AUTHOR or FILENAME, and content controls bound to document properties.</summary>
    public const string DocumentPropertiesNotImported =
        "Fields that show document properties, such as the author or the file name, were not imported.";
}
