using System.Text;
using Awards.Core.Common;
using Awards.Core.Uploads;

namespace Awards.Core.Tests.Uploads;

public class DocxPackageTests
{
    private const int MiB = 1024 * 1024;

    // The ratio limit is out of the way, so only the total counts.
    private static readonly UploadLimits SmallTotal = UploadLimits.Default with { MaxInflatedBytes = 2 * MiB, MaxCompressionRatio = 1e9 };

    [Fact]
    public void Check_AcceptsAMinimalWordDocument()
    {
        using var content = TestFiles.Stream(TestFiles.Docx());

        DocxPackage.Check(content, UploadLimits.Default);

        Assert.Equal(0, content.Position);
    }

    [Fact]
    public void Check_AcceptsAMainDocumentTypedByTheDefaultForXml()
    {
        var contentTypes = TestFiles.ContentTypes()
            .Replace("<Override PartName=\"/word/document.xml\" ContentType=\"" + DocxPackage.MainDocumentContentType + "\"/>", string.Empty, StringComparison.Ordinal)
            .Replace("ContentType=\"application/xml\"", "ContentType=\"" + DocxPackage.MainDocumentContentType + "\"", StringComparison.Ordinal);
        var zip = TestFiles.Zip(zip =>
        {
            TestFiles.AddText(zip, "[Content_Types].xml", contentTypes);
            TestFiles.AddText(zip, "word/document.xml", TestFiles.MainDocument);
        });

        DocxPackage.Check(TestFiles.Stream(zip), UploadLimits.Default);
    }

    [Fact]
    public void Check_RefusesRandomBytesAsDamaged()
    {
        AssertRefused(UploadMessages.DamagedDocument, TestFiles.RandomBytes);
    }

    [Fact]
    public void Check_RefusesATruncatedZipAsDamaged()
    {
        var docx = TestFiles.Docx();

        AssertRefused(UploadMessages.DamagedDocument, docx[..(docx.Length / 2)]);
    }

    [Fact]
    public void Check_RefusesACorruptedEntryAsDamaged()
    {
        const string Name = "word/styles.xml";
        var docx = TestFiles.Docx(zip => TestFiles.AddText(zip, Name, string.Concat(Enumerable.Repeat("<w:style/>", 1000))));

        // The entry's data follows its name in the local header; 0xFF there starts a deflate block
        // of the reserved type 3, which no inflater accepts.
        docx[docx.AsSpan().IndexOf(Encoding.UTF8.GetBytes(Name)) + Name.Length] = 0xFF;

        AssertRefused(UploadMessages.DamagedDocument, docx);
    }

    [Fact]
    public void Check_RefusesAZipWithoutTheMainDocument()
    {
        var zip = TestFiles.Zip(zip =>
        {
            TestFiles.AddText(zip, "[Content_Types].xml", TestFiles.ContentTypes());
            TestFiles.AddText(zip, "_rels/.rels", TestFiles.PackageRelationships);
            TestFiles.AddText(zip, "notes.txt", "not a Word document");
        });

        AssertRefused(UploadMessages.DamagedDocument, zip);
    }

    [Fact]
    public void Check_RefusesAZipWithoutContentTypes()
    {
        var zip = TestFiles.Zip(zip => TestFiles.AddText(zip, "word/document.xml", TestFiles.MainDocument));

        AssertRefused(UploadMessages.DamagedDocument, zip);
    }

    [Fact]
    public void Check_RefusesContentTypesThatAreNotXml()
    {
        var zip = TestFiles.Zip(zip =>
        {
            TestFiles.AddText(zip, "[Content_Types].xml", "<Types xmlns=");
            TestFiles.AddText(zip, "word/document.xml", TestFiles.MainDocument);
        });

        AssertRefused(UploadMessages.DamagedDocument, zip);
    }

    [Fact]
    public void Check_RefusesContentTypesWithADocumentTypeDefinition()
    {
        var withDtd = TestFiles.ContentTypes().Replace(
            "<Types",
            "<!DOCTYPE Types [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><Types",
            StringComparison.Ordinal);
        var zip = TestFiles.Zip(zip =>
        {
            TestFiles.AddText(zip, "[Content_Types].xml", withDtd);
            TestFiles.AddText(zip, "word/document.xml", TestFiles.MainDocument);
        });

        AssertRefused(UploadMessages.DamagedDocument, zip);
    }

    [Fact]
    public void Check_RefusesATemplateAsNotAWordDocument()
    {
        AssertRefused(UploadMessages.DamagedDocument, TestFiles.Docx(TestFiles.TemplateType));
    }

    [Theory]
    [InlineData(TestFiles.MacroEnabledDocumentType)]
    [InlineData(TestFiles.MacroEnabledTemplateType)]
    public void Check_RefusesMacroEnabledContentTypes(string mainDocumentType)
    {
        AssertRefused(UploadMessages.Macros, TestFiles.Docx(mainDocumentType));
    }

    [Theory]
    [InlineData("word/vbaProject.bin")]
    [InlineData("vbaProject.bin")]
    [InlineData("customXml/deep/VBAPROJECT.BIN")]
    public void Check_RefusesAVbaProjectInAnyFolder(string name)
    {
        var docx = TestFiles.Docx(zip => TestFiles.AddBytes(zip, name, [1, 2, 3]));

        AssertRefused(UploadMessages.Macros, docx);
    }

    [Fact]
    public void Check_AcceptsExactlyTheEntryLimit()
    {
        var docx = TestFiles.Docx(zip => TestFiles.AddText(zip, "word/styles.xml", "<styles/>"));

        DocxPackage.Check(TestFiles.Stream(docx), UploadLimits.Default with { MaxZipEntries = 4 });
    }

    [Fact]
    public void Check_RefusesTooManyEntries()
    {
        var docx = TestFiles.Docx(zip =>
        {
            for (var i = 0; i < 3; i++)
            {
                TestFiles.AddText(zip, $"word/extra{i}.xml", "<x/>");
            }
        });

        AssertRefused(UploadMessages.DocumentTooLargeUnpacked, docx, UploadLimits.Default with { MaxZipEntries = 5 });
    }

    [Fact]
    public void Check_RefusesAnEntryThatInflatesPastTheTotalLimit()
    {
        var docx = TestFiles.Docx(zip => TestFiles.AddZeros(zip, "word/media/image1.png", 3 * MiB));

        AssertRefused(UploadMessages.DocumentTooLargeUnpacked, docx, SmallTotal);
    }

    [Fact]
    public void Check_AddsUpEntriesThatAreEachWithinTheTotalLimit()
    {
        var docx = TestFiles.Docx(zip =>
        {
            for (var i = 0; i < 3; i++)
            {
                TestFiles.AddZeros(zip, $"word/media/image{i}.png", 800 * 1024);
            }
        });

        AssertRefused(UploadMessages.DocumentTooLargeUnpacked, docx, SmallTotal);
    }

    [Fact]
    public void Check_RefusesAZipBombByItsCompressionRatio()
    {
        // 4 MiB of zeros deflates to about 4 KB: a ratio near 1000, well within the 100 MB total.
        var docx = TestFiles.Docx(zip => TestFiles.AddZeros(zip, "word/media/image1.png", 4 * MiB));

        AssertRefused(UploadMessages.DocumentTooLargeUnpacked, docx, UploadLimits.Default);
    }

    [Fact]
    public void Check_AllowsAHighRatioUpToOneMebibyte()
    {
        var docx = TestFiles.Docx(zip => TestFiles.AddZeros(zip, "word/media/image1.png", MiB));

        DocxPackage.Check(TestFiles.Stream(docx), UploadLimits.Default);
    }

    [Fact]
    public void Check_CountsTheBytesInflatedNotTheSizeTheZipDeclares()
    {
        // 3 MiB inflated but 10 MiB declared: a check that trusted the declared size would refuse it.
        // (The opposite lie cannot be built: ZipArchive stops inflating at the declared size.)
        const string Name = "word/media/image1.png";
        var docx = TestFiles.WithDeclaredSize(TestFiles.Docx(zip => TestFiles.AddZeros(zip, Name, 3 * MiB)), Name, 10 * MiB);

        DocxPackage.Check(TestFiles.Stream(docx), UploadLimits.Default with { MaxInflatedBytes = 4 * MiB, MaxCompressionRatio = 1e9 });
    }

    [Fact]
    public void Check_RewindsTheStreamWhenItRefuses()
    {
        using var content = TestFiles.Stream(TestFiles.Docx(TestFiles.MacroEnabledDocumentType));
        content.Position = 10;

        Assert.Throws<DomainException>(() => DocxPackage.Check(content, UploadLimits.Default));

        Assert.Equal(0, content.Position);
    }

    private static void AssertRefused(string messageKey, byte[] content, UploadLimits? limits = null)
    {
        using var stream = TestFiles.Stream(content);

        var refusal = Assert.Throws<DomainException>(() => DocxPackage.Check(stream, limits ?? UploadLimits.Default));

        Assert.Equal(messageKey, refusal.MessageKey);
        Assert.Equal(0, stream.Position);
    }
}
