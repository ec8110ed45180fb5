using Awards.Core.Common;
using Awards.Core.Uploads;

namespace Awards.Core.Tests.Uploads;

public class FileInspectorTests
{
    private static readonly FileKind[] DocxOnly = [FileKind.Docx];
    private static readonly FileKind[] Everything = [FileKind.Docx, FileKind.Pdf, FileKind.Jpeg, FileKind.Png];

    public static TheoryData<string, FileKind> ByHeader => new()
    {
        { "essay.pdf", FileKind.Pdf },
        { "photo.jpg", FileKind.Jpeg },
        { "photo.JPEG", FileKind.Jpeg },
        { "scan.png", FileKind.Png },
    };

    [Fact]
    public void Inspect_AcceptsAMinimalWordDocument()
    {
        Assert.Equal(FileKind.Docx, Inspect(TestFiles.Docx(), "作文.docx", DocxOnly));
    }

    [Theory]
    [MemberData(nameof(ByHeader))]
    public void Inspect_RecognizesPdfJpegAndPngByTheirFirstBytes(string fileName, FileKind expected)
    {
        var content = expected switch
        {
            FileKind.Pdf => TestFiles.Pdf,
            FileKind.Jpeg => TestFiles.Jpeg,
            _ => TestFiles.Png,
        };

        Assert.Equal(expected, Inspect(content, fileName, Everything));
    }

    [Fact]
    public void Inspect_TakesANameWithAPathAndUpperCaseExtension()
    {
        Assert.Equal(FileKind.Docx, Inspect(TestFiles.Docx(), "uploads/My Essay.DOCX", DocxOnly));
    }

    [Fact]
    public void Inspect_RefusesAnEmptyFile()
    {
        AssertRefused(UploadMessages.Empty, [], [], "essay.docx", DocxOnly);
    }

    [Fact]
    public void Inspect_RefusesAFileOverTheSizeLimitInMegabytes()
    {
        var limits = UploadLimits.Default with { MaxFileBytes = 1024 * 1024 };

        AssertRefused(UploadMessages.TooLarge, [1], new byte[(1024 * 1024) + 1], "essay.pdf", Everything, limits);
    }

    [Fact]
    public void Inspect_AcceptsAFileOfExactlyTheSizeLimit()
    {
        var limits = UploadLimits.Default with { MaxFileBytes = TestFiles.Png.Length };

        Assert.Equal(FileKind.Png, Inspect(TestFiles.Png, "scan.png", Everything, limits));
    }

    [Fact]
    public void Inspect_RefusesAKindThatIsNotAccepted()
    {
        AssertRefused(UploadMessages.NotAccepted, [".docx"], TestFiles.Png, "scan.png", DocxOnly);
    }

    [Fact]
    public void Inspect_ListsEveryAcceptedExtension()
    {
        AssertRefused(UploadMessages.NotAccepted, [".jpg, .png"], TestFiles.Pdf, "essay.pdf", [FileKind.Jpeg, FileKind.Png]);
    }

    [Fact]
    public void Inspect_RefusesAWordDocumentWhereOnlyImagesAreAccepted()
    {
        AssertRefused(UploadMessages.NotAccepted, [".jpg, .png"], TestFiles.Docx(), "essay.docx", [FileKind.Jpeg, FileKind.Png]);
    }

    [Fact]
    public void Inspect_RefusesAnUnknownFormatAsNotAccepted()
    {
        AssertRefused(UploadMessages.NotAccepted, [".docx, .pdf, .jpg, .png"], "GIF89a....."u8.ToArray(), "photo.gif", Everything);
    }

    [Fact]
    public void Inspect_RefusesARenamedFile()
    {
        AssertRefused(UploadMessages.NameMismatch, [".docx", ".png"], TestFiles.Png, "essay.docx", Everything);
    }

    [Fact]
    public void Inspect_RefusesAWordDocumentNamedAsAPdf()
    {
        AssertRefused(UploadMessages.NameMismatch, [".pdf", ".docx"], TestFiles.Docx(), "essay.pdf", Everything);
    }

    [Fact]
    public void Inspect_RefusesANameWithoutAnExtension()
    {
        AssertRefused(UploadMessages.NameMismatch, ["essay", ".pdf"], TestFiles.Pdf, "essay", Everything);
    }

    [Theory]
    [InlineData("essay.doc")]
    [InlineData("essay.docx")]
    public void Inspect_RefusesOldDocAndPasswordProtectedDocuments(string fileName)
    {
        AssertRefused(UploadMessages.OldOrProtectedDocument, [], TestFiles.OleCompoundFile, fileName, DocxOnly);
    }

    [Fact]
    public void Inspect_RefusesAnOldDocAsNotAcceptedWhereNoWordDocumentIsWanted()
    {
        AssertRefused(UploadMessages.NotAccepted, [".pdf"], TestFiles.OleCompoundFile, "essay.doc", [FileKind.Pdf]);
    }

    [Fact]
    public void Inspect_RefusesMacroEnabledDocuments()
    {
        AssertRefused(UploadMessages.Macros, [], TestFiles.Docx(TestFiles.MacroEnabledDocumentType), "essay.docx", DocxOnly);
    }

    [Fact]
    public void Inspect_RefusesADocumentWithAVbaProject()
    {
        var docx = TestFiles.Docx(zip => TestFiles.AddBytes(zip, "word/vbaProject.bin", [0xCC]));

        AssertRefused(UploadMessages.Macros, [], docx, "essay.docx", DocxOnly);
    }

    [Fact]
    public void Inspect_RefusesAZipThatIsNotAWordDocument()
    {
        var zip = TestFiles.Zip(zip => TestFiles.AddText(zip, "readme.txt", "hello"));

        AssertRefused(UploadMessages.DamagedDocument, [], zip, "essay.docx", DocxOnly);
    }

    [Fact]
    public void Inspect_RefusesRandomBytesNamedDocxAsDamaged()
    {
        AssertRefused(UploadMessages.DamagedDocument, [], TestFiles.RandomBytes, "essay.docx", DocxOnly);
    }

    [Fact]
    public void Inspect_RefusesTooManyEntries()
    {
        var docx = TestFiles.Docx(zip => TestFiles.AddText(zip, "word/styles.xml", "<styles/>"));

        AssertRefused(UploadMessages.DocumentTooLargeUnpacked, [], docx, "essay.docx", DocxOnly, UploadLimits.Default with { MaxZipEntries = 3 });
    }

    [Fact]
    public void Inspect_RefusesAZipBomb()
    {
        var docx = TestFiles.Docx(zip => TestFiles.AddZeros(zip, "word/media/image1.png", 4 * 1024 * 1024));

        AssertRefused(UploadMessages.DocumentTooLargeUnpacked, [], docx, "essay.docx", DocxOnly, UploadLimits.Default with { MaxInflatedBytes = 2 * 1024 * 1024 });
    }

    [Fact]
    public void Inspect_LeavesTheStreamAtPositionZero()
    {
        using var content = TestFiles.Stream(TestFiles.Docx());

        FileInspector.Inspect(content, "essay.docx", DocxOnly, UploadLimits.Default);

        Assert.Equal(0, content.Position);
    }

    [Fact]
    public void Inspect_ReadsFromTheStartWhateverThePosition()
    {
        using var content = TestFiles.Stream(TestFiles.Png);
        content.Position = 5;

        Assert.Equal(FileKind.Png, FileInspector.Inspect(content, "scan.png", Everything, UploadLimits.Default));
        Assert.Equal(0, content.Position);
    }

    [Fact]
    public void Inspect_RefusesANonSeekableStream()
    {
        using var content = new NonSeekableStream(TestFiles.Png);

        Assert.Throws<ArgumentException>(() => FileInspector.Inspect(content, "scan.png", Everything, UploadLimits.Default));
    }

    [Fact]
    public void UploadMessages_AreSingleLines()
    {
        string[] messages =
        [
            UploadMessages.Empty, UploadMessages.TooLarge, UploadMessages.NotAccepted, UploadMessages.NameMismatch,
            UploadMessages.OldOrProtectedDocument, UploadMessages.Macros, UploadMessages.DamagedDocument,
            UploadMessages.DocumentTooLargeUnpacked,
        ];

        Assert.All(messages, message => Assert.DoesNotContain('\n', message));
        Assert.Equal(messages.Length, messages.Distinct().Count());
    }

    private static FileKind Inspect(byte[] content, string fileName, FileKind[] accepted, UploadLimits? limits = null)
    {
        using var stream = TestFiles.Stream(content);
        return FileInspector.Inspect(stream, fileName, accepted, limits ?? UploadLimits.Default);
    }

    private static void AssertRefused(
        string messageKey, object[] arguments, byte[] content, string fileName, FileKind[] accepted, UploadLimits? limits = null)
    {
        using var stream = TestFiles.Stream(content);

        var refusal = Assert.Throws<DomainException>(
            () => FileInspector.Inspect(stream, fileName, accepted, limits ?? UploadLimits.Default));

        Assert.Equal(messageKey, refusal.MessageKey);
        Assert.Equal(arguments, refusal.Arguments);
        Assert.Equal(0, stream.Position);
    }

    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
