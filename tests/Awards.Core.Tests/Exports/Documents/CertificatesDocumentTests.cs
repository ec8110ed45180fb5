using System.Buffers.Binary;
using Awards.Core.Exports;
using Awards.Core.Exports.Documents;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using static Awards.Core.Tests.Exports.Documents.WordChecks;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;

namespace Awards.Core.Tests.Exports.Documents;

public class CertificatesDocumentTests
{
    private static readonly string[] StyleIds = ["Normal", "Title", "Heading1", "Heading2"];

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public void Write_ProducesADocumentTheSchemaValidatorAccepts()
    {
        AssertValid(Certificates([.. Enumerable.Range(1, 3).Select(Certificate)]));
        AssertValid(Certificates([Certificate(1)]));
        AssertValid(Certificates([]));
    }

    [Fact]
    public void Write_PutsOnePageBreakBetweenCertificates()
    {
        Assert.Equal(0, PageBreaks(Certificates([Certificate(1)])));
        Assert.Equal(4, PageBreaks(Certificates([.. Enumerable.Range(1, 5).Select(Certificate)])));
    }

    [Fact]
    public void Write_PrintsEachCertificatesWinnerAwardLevelAndCode()
    {
        var certificates = Enumerable.Range(1, 3).Select(Certificate).ToList();

        Open(Certificates(certificates), document =>
        {
            var texts = ParagraphTexts(document);
            Assert.Equal(3, texts.Count(t => t == CertificatesDocument.Heading));
            foreach (var certificate in certificates)
            {
                Assert.Contains($"{certificate.Name}（{certificate.Unit}）：", texts);
                Assert.Contains(
                    $"在{ContestName}中，您的作品《{certificate.Title}》荣获“我的帮扶故事”征文二等奖。特发此证，以资鼓励。",
                    texts);
                Assert.Contains($"证书编号：{certificate.VerifyCode}", texts);
                Assert.Contains($"扫码或访问 {certificate.VerifyUrl} 核验", texts);
            }

            Assert.Equal(3, texts.Count(t => t == Office));
            Assert.Equal(3, texts.Count(t => t == "2026年11月21日"));

            // In order: certificate 1's page comes first.
            var all = BodyOf(document).InnerText;
            Assert.True(
                all.IndexOf("获奖者1（", StringComparison.Ordinal) < all.IndexOf("获奖者2（", StringComparison.Ordinal)
                && all.IndexOf("获奖者2（", StringComparison.Ordinal) < all.IndexOf("获奖者3（", StringComparison.Ordinal));
        });
    }

    [Fact]
    public void Write_NamesTheWinnerWithoutUnitOrWorkWhenThereIsNone()
    {
        var unitAward = new CertificateData("清河县民政局", string.Empty, "创新奖", "创新奖", string.Empty, "AAAA-BBBB-CC", "https://awards.example.gov.cn/verify/AAAA-BBBB-CC");

        Open(Certificates([unitAward]), document =>
        {
            var texts = ParagraphTexts(document);
            Assert.Contains("清河县民政局：", texts);
            Assert.Contains($"在{ContestName}中，荣获创新奖。特发此证，以资鼓励。", texts);
            Assert.DoesNotContain("创新奖创新奖", BodyOf(document).InnerText, StringComparison.Ordinal);
            Assert.DoesNotContain("（）", BodyOf(document).InnerText, StringComparison.Ordinal);
            Assert.DoesNotContain("《", BodyOf(document).InnerText, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Write_NamesAUnitNominatedByItselfOnce()
    {
        var selfNominated = new CertificateData("柳溪县", "柳溪县", "组织创新奖", "组织创新奖", string.Empty, "AAAA-BBBB-CD", "https://awards.example.gov.cn/verify/AAAA-BBBB-CD");

        Open(Certificates([selfNominated]), document =>
        {
            Assert.Contains("柳溪县：", ParagraphTexts(document));
            Assert.DoesNotContain("柳溪县（柳溪县）", BodyOf(document).InnerText, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Write_MarksACertificateOfAResultOnNotice_AsASpecimen_AndAFinalOneNot()
    {
        var proposed = Certificate(1) with { IsFinal = false };
        var final = Certificate(2);

        var docx = Certificates([proposed, final], Contest(isFinal: false));

        AssertValid(docx);
        Open(docx, document =>
        {
            var paragraphs = BodyOf(document).Elements<Paragraph>().ToList();
            var mark = Assert.Single(paragraphs, p => p.InnerText == "样张 · 公示期间不作证书使用");
            Assert.Equal(CertificatesDocument.SpecimenLine, mark.InnerText);
            Assert.Equal("FF0000", mark.Descendants<Run>().Single().RunProperties?.Color?.Val?.Value);

            // On the first certificate's page, right under its title.
            Assert.Equal(CertificatesDocument.Heading, paragraphs[paragraphs.IndexOf(mark) - 1].InnerText);
            Assert.Equal(0, paragraphs.IndexOf(mark) - 1);
        });
    }

    [Fact]
    public void Write_NamesTheAwardOnce_WhenItsNameEndsWithTheLevels()
    {
        var organization = new CertificateData("河东区", string.Empty, "征文优秀组织奖", "优秀组织奖", string.Empty, "AAAA-BBBB-CD", "https://awards.example.gov.cn/verify/AAAA-BBBB-CD");

        Open(Certificates([organization]), document =>
        {
            Assert.Contains($"在{ContestName}中，荣获征文优秀组织奖。特发此证，以资鼓励。", ParagraphTexts(document));
            Assert.DoesNotContain("优秀组织奖优秀组织奖", BodyOf(document).InnerText, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Write_AddsOnePngQrCodePerCertificateWithUniqueDrawingIds()
    {
        var certificates = Enumerable.Range(1, 4).Select(Certificate).ToList();

        Open(Certificates(certificates), document =>
        {
            var main = document.MainDocumentPart!;
            var images = main.ImageParts.ToList();
            Assert.Equal(4, images.Count);
            foreach (var image in images)
            {
                Assert.Equal("image/png", image.ContentType);
                AssertPlausibleQrPng(ReadAll(image));
            }

            var drawings = BodyOf(document).Descendants<Drawing>().ToList();
            Assert.Equal(4, drawings.Count);
            Assert.Equal(4, drawings.Select(d => d.Descendants<DW.DocProperties>().Single().Id!.Value).Distinct().Count());

            var embedded = drawings.Select(d => d.Descendants<A.Blip>().Single().Embed!.Value!).ToList();
            Assert.Equal(4, embedded.Distinct().Count());
            Assert.All(embedded, id => Assert.IsType<ImagePart>(main.GetPartById(id), exactMatch: false));

            // About 2.5 cm square, inline.
            Assert.All(drawings, d =>
            {
                var extent = d.Inline!.Extent!;
                Assert.Equal(extent.Cx!.Value, extent.Cy!.Value);
                Assert.InRange(extent.Cx.Value, 2.3 * 360_000, 2.7 * 360_000);
            });
        });
    }

    [Fact]
    public void Write_EncodesEachCertificatesOwnAddress()
    {
        // No QR decoder is available here: different addresses at least give different images,
        // and the same address the same image.
        var twice = new[] { Certificate(1), Certificate(2), Certificate(1) };

        Open(Certificates(twice), document =>
        {
            var main = document.MainDocumentPart!;
            var bytes = BodyOf(document).Descendants<A.Blip>().Select(b => ReadAll((ImagePart)main.GetPartById(b.Embed!.Value!))).ToList();
            Assert.NotEqual(bytes[0], bytes[1]);
            Assert.Equal(bytes[0], bytes[2]);
        });
    }

    [Fact]
    public void Write_HandlesHundredsOfCertificates()
    {
        var certificates = Enumerable.Range(1, 300).Select(Certificate).ToList();

        var docx = Certificates(certificates);

        Open(docx, document =>
        {
            Assert.Equal(300, document.MainDocumentPart!.ImageParts.Count());
            Assert.Equal(300, BodyOf(document).Descendants<DW.DocProperties>().Select(p => p.Id!.Value).Distinct().Count());
            Assert.Equal(299, BodyOf(document).Descendants<Break>().Count(b => b.Type?.Value == BreakValues.Page));
            Assert.Contains("证书编号：7KQ2-9XHM-0300", ParagraphTexts(document));
        });
    }

    [Fact]
    public void Write_UsesA4LandscapeTheStylesAndTheCoreProperties()
    {
        Open(Certificates([Certificate(1)]), document =>
        {
            var section = BodyOf(document).GetFirstChild<SectionProperties>()!;
            var size = section.GetFirstChild<PageSize>()!;
            Assert.Equal(16838U, size.Width!.Value);
            Assert.Equal(11906U, size.Height!.Value);
            Assert.Equal(PageOrientationValues.Landscape, size.Orient!.Value);
            var margin = section.GetFirstChild<PageMargin>()!;
            Assert.InRange(margin.Top!.Value, 1000, 1300);
            Assert.InRange(margin.Left!.Value, 1000U, 1300U);

            var paragraphs = BodyOf(document).Elements<Paragraph>().ToList();
            Assert.Equal("Title", StyleOf(paragraphs.First(p => p.InnerText == "荣誉证书")));
            Assert.Equal("Heading1", StyleOf(paragraphs.First(p => p.InnerText.EndsWith('：'))));
            Assert.Equal(0, Style(document, "Heading1").StyleParagraphProperties?.OutlineLevel?.Val?.Value);
            Assert.Equal(1, Style(document, "Heading2").StyleParagraphProperties?.OutlineLevel?.Val?.Value);

            var defaults = document.MainDocumentPart!.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!;
            Assert.Equal("宋体", defaults.RunFonts!.EastAsia!.Value);
            Assert.Equal("Times New Roman", defaults.RunFonts.Ascii!.Value);
            Assert.Equal("zh-CN", defaults.Languages!.EastAsia!.Value);
            Assert.All(
                StyleIds,
                id => Assert.False(string.IsNullOrEmpty(Style(document, id).StyleRunProperties?.RunFonts?.EastAsia?.Value)));
            foreach (var paragraph in paragraphs)
            {
                foreach (var run in paragraph.Elements<Run>().Where(r => HasChinese(r.InnerText)))
                {
                    Assert.NotNull(EastAsiaFontOf(document, paragraph, run));
                }
            }

            Assert.Equal(PageOrientationValues.Landscape, size.Orient.Value);
            Assert.Equal(ContestName + "荣誉证书", document.PackageProperties.Title);
            Assert.Equal(Office, document.PackageProperties.Creator);
            Assert.Null(document.PackageProperties.LastModifiedBy);
        });
    }

    [Fact]
    public void Write_DropsForbiddenControlCharactersAndKeepsMarkupAsText()
    {
        var certificate = Certificate(1) with { Name = "张\u0001三\u001F", Unit = "<w:b/>单位", Title = "题目\u0000" };

        var docx = Certificates([certificate]);

        AssertValid(docx);
        Open(docx, document =>
        {
            var texts = ParagraphTexts(document);
            Assert.Contains("张三（<w:b/>单位）：", texts);
            Assert.Contains($"在{ContestName}中，您的作品《题目》荣获“我的帮扶故事”征文二等奖。特发此证，以资鼓励。", texts);
            Assert.DoesNotContain(BodyOf(document).InnerText, c => c < ' ');
            Assert.Empty(BodyOf(document).Descendants<Bold>());
        });
    }

    private static int PageBreaks(byte[] docx)
    {
        var count = -1;
        Open(docx, document => count = BodyOf(document).Descendants<Break>().Count(b => b.Type?.Value == BreakValues.Page));
        return count;
    }

    private static byte[] ReadAll(ImagePart image)
    {
        using var stream = image.GetStream(FileMode.Open, FileAccess.Read);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>A PNG signature, an IHDR chunk of a square image big enough for a QR code, an IEND at the end.</summary>
    private static void AssertPlausibleQrPng(byte[] png)
    {
        Assert.True(png.AsSpan().StartsWith(PngSignature), "The image is not a PNG.");
        Assert.InRange(png.Length, 100, 100_000);
        Assert.Equal("IHDR"u8.ToArray(), png[12..16]);
        var width = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4));
        var height = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4));
        Assert.Equal(width, height);

        // Version 1 is 21 modules; with the quiet zone and a few pixels a module, hundreds of pixels.
        Assert.InRange(width, 21 * 4, 4000);
        Assert.Equal("IEND"u8.ToArray(), png[^8..^4]);
    }
}
