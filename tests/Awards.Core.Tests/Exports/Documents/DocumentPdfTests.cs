using static Awards.Core.Tests.Exports.Documents.WordChecks;

namespace Awards.Core.Tests.Exports.Documents;

/// <summary>
/// LibreOffice opens the documents and prints them to PDF: a second reader besides the schema
/// validator, and a check that each certificate fits on its page.
/// </summary>
public class DocumentPdfTests
{
    private const string LibreOffice = "/usr/bin/soffice";
    private const string PdfToText = "/usr/bin/pdftotext";

    [Fact]
    public void Notice_ConvertsToAPdfShowingTheTitle()
    {
        var docx = Notice(Contest(isFinal: false), SampleTracks);
        AssertValid(docx);
        if (!File.Exists(LibreOffice))
        {
            // Without LibreOffice nothing can render the document here; the validator is all we have.
            return;
        }

        var text = ConvertToPdfText(docx, "notice");
        if (File.Exists(PdfToText))
        {
            var flat = WithoutWhiteSpace(text);
            Assert.Contains(NoticeTitle, flat, StringComparison.Ordinal);
            Assert.Contains("一、征文：我的帮扶故事", flat, StringComparison.Ordinal);
            Assert.Contains("（拟表彰名单，公示期间征求意见）", flat, StringComparison.Ordinal);
            Assert.Contains("2026年11月21日", flat, StringComparison.Ordinal);
            Assert.Contains("—1—", flat, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(Office)]
    [InlineData("清河市扶贫办")]
    public void Notice_PrintsTheDateFourCharactersInFromTheRightMargin_WithTheOfficeCentredOverIt(string office)
    {
        // GB/T 9704 7.3.5.1: 成文日期右空四字, 发文机关署名 centred over the date.
        var docx = Notice(Contest() with { IssuingOffice = office }, SampleTracks);
        AssertValid(docx);
        if (!File.Exists(LibreOffice) || !File.Exists(PdfToText))
        {
            return;
        }

        var lines = ConvertToPdfLines(docx, "notice-signature");
        var date = lines.Last(l => l.Text == "2026年11月21日");
        var signature = lines.Last(l => l.Text == office && l.Page == date.Page);

        // A4 is 595.3 pt wide and the right margin 26 mm; a character of the body text is 16 pt.
        const double TextRight = 595.3 - (1474 / 20.0);
        Assert.InRange(TextRight - date.Right, (4 * 16) - 2, (4 * 16) + 2);
        Assert.InRange(signature.Centre - date.Centre, -2, 2);

        // The sample's last lines reach the foot of the first page: the last winner goes over with
        // the office and the date, which never stand on a page without text.
        Assert.Contains(lines, l => l.Page == date.Page && l.Text == "清河县农业农村局");
    }

    [Fact]
    public void Certificates_ConvertToAPdfWithOnePagePerCertificate()
    {
        var certificates = Enumerable.Range(1, 3).Select(Certificate).ToList();
        certificates[1] = certificates[1] with
        {
            Title = "一个很长很长的题目：记清河县某村驻村第一书记三年来带领群众修路、建厂、办合作社的点点滴滴",
        };
        var docx = Certificates(certificates);
        AssertValid(docx);
        if (!File.Exists(LibreOffice))
        {
            // Without LibreOffice nothing can render the document here; the validator is all we have.
            return;
        }

        var text = ConvertToPdfText(docx, "certificates");
        if (File.Exists(PdfToText))
        {
            // pdftotext ends every page with a form feed.
            Assert.Equal(3, text.Count(c => c == '\f'));
            var pages = text.Split('\f', StringSplitOptions.RemoveEmptyEntries).Select(WithoutWhiteSpace).ToList();
            for (var i = 0; i < 3; i++)
            {
                Assert.Contains("荣誉证书", pages[i], StringComparison.Ordinal);
                Assert.Contains(certificates[i].Name, pages[i], StringComparison.Ordinal);
                Assert.Contains($"证书编号：{certificates[i].VerifyCode}", pages[i], StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Certificates_StayOnePageEach_WhateverTheLengthOfTitleNameAndUnit()
    {
        // The longest title the essay form takes is 200 characters; names and units are not short either.
        var longTitle = string.Concat(Enumerable.Repeat("记清河县某村驻村第一书记带领群众修路建厂办合作社", 9))[..200];
        var longWord = new string('x', 100);
        var englishTitle = string.Join(' ', Enumerable.Repeat("Bridges of Light over the River", 6)) + " " + longWord;
        var certificates = Enumerable.Range(1, 5).Select(Certificate).ToList();
        certificates[0] = certificates[0] with { Title = longTitle };
        certificates[1] = certificates[1] with { Title = englishTitle[..200] };
        certificates[2] = certificates[2] with { Name = new string('名', 50), Unit = new string('单', 100), Title = longTitle };
        certificates[3] = certificates[3] with { Title = "《" + longTitle + "》", IsFinal = false };
        var docx = Certificates(certificates, Contest() with { Name = ContestName + "暨第二届“我的帮扶故事”“我的脱贫历程”主题征文活动" });
        AssertValid(docx);
        if (!File.Exists(LibreOffice) || !File.Exists(PdfToText))
        {
            return;
        }

        var text = ConvertToPdfText(docx, "long-certificates");

        // pdftotext ends every page with a form feed; each page ends with its own certificate's code.
        Assert.Equal(certificates.Count, text.Count(c => c == '\f'));
        var pages = text.Split('\f', StringSplitOptions.RemoveEmptyEntries).Select(WithoutWhiteSpace).ToList();
        for (var i = 0; i < certificates.Count; i++)
        {
            Assert.Contains("荣誉证书", pages[i], StringComparison.Ordinal);
            Assert.Contains($"证书编号：{certificates[i].VerifyCode}", pages[i], StringComparison.Ordinal);
            Assert.Contains("2026年11月21日", pages[i], StringComparison.Ordinal);
            Assert.Equal(i == 3, pages[i].Contains("样张·公示期间不作证书使用", StringComparison.Ordinal));
        }
    }
}
