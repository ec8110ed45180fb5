using System.Diagnostics;
using static Awards.Core.Tests.Exports.Anthology.AnthologyFixture;

namespace Awards.Core.Tests.Exports.Anthology;

/// <summary>
/// LibreOffice opens the anthology and prints it to PDF: a second reader besides the schema
/// validator, one that really lays the pages out.
/// </summary>
public class AnthologyPdfTests
{
    private const string Soffice = "/usr/bin/soffice";
    private const string PdfToText = "/usr/bin/pdftotext";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(180);

    [Fact]
    public void Write_SmallAnthology_ConvertsToAPdfShowingTheEssays()
    {
        var docx = AnthologyDocx(Themes(2, 2, 5, characters: 600));
        AssertValid(docx);
        if (!File.Exists(Soffice))
        {
            // Without LibreOffice nothing here can lay the document out; the validator is all we have.
            return;
        }

        var folder = Directory.CreateTempSubdirectory("awards-anthology-pdf-");
        try
        {
            var file = Path.Combine(folder.FullName, "anthology.docx");
            File.WriteAllBytes(file, docx);
            var pdf = ConvertToPdf(file, folder.FullName);
            Assert.True(new FileInfo(pdf).Length > 0);
            if (!File.Exists(PdfToText))
            {
                // The PDF exists, but nothing here can read its text.
                return;
            }

            var text = WithoutWhiteSpace(Run(PdfToText, ["-layout", pdf, "-"]));
            Assert.Contains(WithoutWhiteSpace(EssayTitle(1)), text, StringComparison.Ordinal);
            Assert.Contains(WithoutWhiteSpace(EssayTitle(20)), text, StringComparison.Ordinal);
            Assert.Contains("获奖征文选编", text, StringComparison.Ordinal);
            Assert.Contains(WithoutWhiteSpace(Byline(7)), text, StringComparison.Ordinal);
            Assert.Contains("新修道路", text, StringComparison.Ordinal);

            // The contents show their entries without a field update.
            Assert.DoesNotContain("更新目录", text, StringComparison.Ordinal);
            var contents = text[text.IndexOf("目录", StringComparison.Ordinal)..text.IndexOf(WithoutWhiteSpace(Byline(1)), StringComparison.Ordinal)];
            Assert.Contains(WithoutWhiteSpace(EssayTitle(20)) + "作者20", contents.Replace(".", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Write_EachEssay_StartsItsOwnPageInThePdf_WithItsBylineAndText()
    {
        // Essays of a few lines, which would otherwise share pages; fewer than ten, so no title is part of another.
        var docx = AnthologyDocx(Themes(1, 2, 3, characters: 40));
        if (!File.Exists(Soffice) || !File.Exists(PdfToText))
        {
            return;
        }

        var folder = Directory.CreateTempSubdirectory("awards-anthology-pages-");
        try
        {
            var file = Path.Combine(folder.FullName, "anthology.docx");
            File.WriteAllBytes(file, docx);
            var pages = Run(PdfToText, [ConvertToPdf(file, folder.FullName), "-"]).Split('\f').Select(WithoutWhiteSpace).ToList();
            for (var n = 1; n <= 6; n++)
            {
                var title = WithoutWhiteSpace(EssayTitle(n));
                var page = Assert.Single(pages, p => p.Contains(title, StringComparison.Ordinal) && p.Contains(WithoutWhiteSpace(Byline(n)), StringComparison.Ordinal));
                Assert.Contains("第1部分", page[page.IndexOf(title, StringComparison.Ordinal)..], StringComparison.Ordinal);
                Assert.All(Enumerable.Range(1, 6).Where(other => other != n), other => Assert.DoesNotContain(WithoutWhiteSpace(EssayTitle(other)), page, StringComparison.Ordinal));
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Write_TheCoverBearsNoPageNumber_TheNextPagesDo()
    {
        var docx = AnthologyDocx(Themes(1, 1, 1, characters: 40));
        using (var document = Open(docx))
        {
            var section = document.MainDocumentPart!.Document.Body!.GetFirstChild<DocumentFormat.OpenXml.Wordprocessing.SectionProperties>()!;
            Assert.NotNull(section.GetFirstChild<DocumentFormat.OpenXml.Wordprocessing.TitlePage>());
            Assert.DoesNotContain(section.Elements<DocumentFormat.OpenXml.Wordprocessing.FooterReference>(), f => f.Type?.Value == DocumentFormat.OpenXml.Wordprocessing.HeaderFooterValues.First);
        }

        if (!File.Exists(Soffice) || !File.Exists(PdfToText))
        {
            return;
        }

        var folder = Directory.CreateTempSubdirectory("awards-anthology-cover-");
        try
        {
            var file = Path.Combine(folder.FullName, "anthology.docx");
            File.WriteAllBytes(file, docx);
            var pages = Run(PdfToText, ["-layout", ConvertToPdf(file, folder.FullName), "-"]).Split('\f').Select(p => p.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList()).ToList();
            Assert.Contains(WithoutWhiteSpace(ContestName), WithoutWhiteSpace(string.Concat(pages[0])), StringComparison.Ordinal);
            Assert.NotEqual("1", pages[0][^1]);
            Assert.Equal("2", pages[1][^1]);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string ConvertToPdf(string file, string outputDirectory)
    {
        // A private profile, so parallel runs and a desktop session do not collide.
        var profile = Path.Combine(Path.GetTempPath(), "awards-lo-" + Guid.NewGuid().ToString("N"));
        try
        {
            Run(Soffice, ["-env:UserInstallation=" + new Uri(profile).AbsoluteUri, "--headless", "--convert-to", "pdf", "--outdir", outputDirectory, file]);
            var pdf = Path.Combine(outputDirectory, Path.GetFileNameWithoutExtension(file) + ".pdf");
            Assert.True(File.Exists(pdf), "soffice made no PDF.");
            return pdf;
        }
        finally
        {
            if (Directory.Exists(profile))
            {
                Directory.Delete(profile, recursive: true);
            }
        }
    }

    [Fact]
    public void Write_TheLineBeforeALongWord_IsNotSpreadAcrossThePage()
    {
        // The long word does not fit after 报道 and goes whole to the next line; justified, the
        // Chinese line before it would be spread out to the right margin.
        const string Markdown = "那一年我们村修通了第一条水泥路，乡亲们都说这是扶贫工作队带来的好日子，详情可以看市扶贫办网站的报道"
            + "Supercalifragilisticexpialidociousantidisestablishmentarianismpneumonoultramicroscopic。后面还有一些文字。";
        var essay = new Awards.Core.Exports.DocumentEssay("ZW-0001", EssayTitle(1), Byline(1), Markdown, Author(1));
        var docx = AnthologyDocx([new Awards.Core.Exports.AnthologyTheme(ThemeName(1), [new Awards.Core.Exports.AnthologyLevel(LevelName(1), [essay])])]);
        AssertValid(docx);
        if (!File.Exists(Soffice) || !File.Exists(PdfToText))
        {
            return;
        }

        var lines = Documents.WordChecks.ConvertToPdfLines(docx, "long-word");
        var index = lines.ToList().FindLastIndex(l => l.Text.StartsWith("Supercalifragilistic", StringComparison.Ordinal));
        Assert.True(index > 0, "The long word starts a line of its own.");
        // pdftotext cuts a line spread wide into pieces: the printed row is all of them.
        var row = lines.Where(l => l.Page == lines[index - 1].Page && Math.Abs(l.Top - lines[index - 1].Top) < 1).ToList();
        var text = string.Concat(row.Select(l => l.Text));
        Assert.EndsWith("报道", text, StringComparison.Ordinal);

        // Body text is 12 pt: as wide as its characters (punctuation may be narrower), not the whole line.
        var width = row.Max(l => l.Right) - row.Min(l => l.Left);
        Assert.True(width <= (text.Length * 12) + 2, $"「{text}」 spans {width:0} pt.");
    }

    private static string Run(string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} did not finish within {Timeout.TotalSeconds} s.");
        }

        Assert.True(process.ExitCode == 0, $"{program} exited with {process.ExitCode}: {stderr.Result}");
        return stdout.Result;
    }
}
