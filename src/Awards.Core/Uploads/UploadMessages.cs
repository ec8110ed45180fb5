namespace Awards.Core.Uploads;

/// <summary>
/// The message keys of the <see cref="Common.DomainException"/>s that refuse an upload. Each is
/// the English text and a localization key; {0} and {1} are filled from the exception's arguments.
/// </summary>
public static class UploadMessages
{
    public const string Empty = "The file is empty.";

    /// <summary>{0}: the limit in MB (an int).</summary>
    public const string TooLarge = "The file is larger than {0} MB.";

    /// <summary>{0}: the accepted extensions, joined with ", ".</summary>
    public const string NotAccepted = "This kind of file is not accepted here. Accepted: {0}.";

    /// <summary>{0}: the extension of the file's name (or the whole name if it has none); {1}: the extension of the kind its content is.</summary>
    public const string NameMismatch = "The file's name ends in {0} but its content is {1}.";

    public const string OldOrProtectedDocument =
        "Old .doc files and password-protected documents are not accepted; save the document as .docx and upload it again.";

    public const string Macros =
        "The Word document contains macros; save it as a plain .docx (Word Document) and upload it again.";

    public const string DamagedDocument = "The file is damaged or is not a Word document (.docx).";

    public const string DocumentTooLargeUnpacked = "The Word document is too large when unpacked.";
}
