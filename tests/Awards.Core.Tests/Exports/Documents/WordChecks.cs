using System.Diagnostics;
using System.Text;
using Awards.Core.Exports;
using Awards.Core.Exports.Documents;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Awards.Core.Tests.Exports.Documents;

/// <summary>Sample data, and what the document tests check again and again.</summary>
internal static class WordChecks
{
    public const string PdfToText = "/usr/bin/pdftotext";

    public const string ContestName = "2026年清河市扶贫日表彰暨征文活动";
    public const string Office = "清河市扶贫开发领导小组办公室";
    public const string NoticeTitle = "关于2026年清河市扶贫日表彰暨征文活动获奖者的通报";

    public static readonly IReadOnlyList<string> BodyParagraphs =
    [
        "为表彰在脱贫攻坚工作中涌现出的先进典型，经单位推荐、资格审查、专家评审和社会公示，决定对以下获奖者予以表彰。",
        "希望受表彰的个人和单位珍惜荣誉，再接再厉。",
    ];

    public static ExportContest Contest(bool isFinal = true) =>
        new(ContestName, Office, new DateTime(2026, 11, 21, 0, 0, 0, DateTimeKind.Unspecified), isFinal);

    public static IReadOnlyList<PrizeTrack> SampleTracks =>
    [
        new("help-story", "征文：我的帮扶故事",
        [
            new(1, 1, "一等奖", "E001", "我们村的变化", "张三", "清河县扶贫办", 95.5m),
            new(2, 2, "二等奖", "E007", "山路弯弯", "李四", "清河县教育局", 90m),
            new(3, 2, "二等奖", "E003", "老槐树下", "王五", string.Empty, 88m),
        ], Works: true),
        new("nobody", "无人获奖的奖项", []),
        new("innovation", "创新奖",
        [
            new(1, 1, "创新奖", string.Empty, string.Empty, "清河县民政局", string.Empty, null),
            new(2, 1, "创新奖", string.Empty, string.Empty, "清河县农业农村局", string.Empty, null),
        ], Units: true),
    ];

    public static CertificateData Certificate(int number) =>
        new(
            $"获奖者{number}",
            $"清河县第{number}中学",
            "征文：我的帮扶故事",
            "二等奖",
            $"我的帮扶故事之{number}",
            $"7KQ2-9XHM-{number:D4}",
            $"https://awards.example.gov.cn/verify/7KQ2-9XHM-{number:D4}");

    public static byte[] Notice(ExportContest contest, IReadOnlyList<PrizeTrack> tracks, IReadOnlyList<string>? body = null)
    {
        using var output = new MemoryStream();
        CommendationNotice.Write(output, contest, body ?? BodyParagraphs, tracks);
        Assert.True(output.CanRead, "The caller owns the stream: the writer must leave it open.");
        return output.ToArray();
    }

    public static byte[] Certificates(IReadOnlyList<CertificateData> certificates, ExportContest? contest = null)
    {
        using var output = new MemoryStream();
        CertificatesDocument.Write(output, contest ?? Contest(), certificates);
        Assert.True(output.CanRead, "The caller owns the stream: the writer must leave it open.");
        return output.ToArray();
    }

    /// <summary>Opens <paramref name="docx"/> read-only and hands the document to <paramref name="check"/>.</summary>
    public static void Open(byte[] docx, Action<WordprocessingDocument> check)
    {
        using var stream = new MemoryStream(docx, writable: false);
        using var document = WordprocessingDocument.Open(stream, isEditable: false);
        check(document);
    }

    /// <summary>Asserts that the Office 2013 schema validator finds nothing, listing what it finds otherwise.</summary>
    public static void AssertValid(WordprocessingDocument document)
    {
        var errors = new OpenXmlValidator(FileFormatVersions.Office2013).Validate(document).ToList();
        Assert.True(
            errors.Count == 0,
            string.Join(Environment.NewLine, errors.Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")));
    }

    public static void AssertValid(byte[] docx) => Open(docx, AssertValid);

    public static Body BodyOf(WordprocessingDocument document) => document.MainDocumentPart!.Document.Body!;

    public static IReadOnlyList<string> ParagraphTexts(WordprocessingDocument document) =>
        [.. BodyOf(document).Elements<Paragraph>().Select(p => p.InnerText)];

    public static string? StyleOf(Paragraph paragraph) => paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;

    public static Style Style(WordprocessingDocument document, string id) =>
        document.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Elements<Style>().Single(s => s.StyleId?.Value == id);

    /// <summary>The East Asian font a run gets from its own properties, its paragraph's style, or the defaults.</summary>
    public static string? EastAsiaFontOf(WordprocessingDocument document, Paragraph paragraph, Run run)
    {
        if (run.RunProperties?.RunFonts?.EastAsia?.Value is { } own)
        {
            return own;
        }

        var styles = document.MainDocumentPart!.StyleDefinitionsPart!.Styles!;
        var styleId = StyleOf(paragraph)
            ?? styles.Elements<Style>().Single(s => s.Default?.Value == true && s.Type?.Value == StyleValues.Paragraph).StyleId!.Value;
        while (styleId is not null)
        {
            var style = styles.Elements<Style>().Single(s => s.StyleId?.Value == styleId);
            if (style.StyleRunProperties?.RunFonts?.EastAsia?.Value is { } font)
            {
                return font;
            }

            styleId = style.BasedOn?.Val?.Value;
        }

        return styles.DocDefaults?.RunPropertiesDefault?.RunPropertiesBaseStyle?.RunFonts?.EastAsia?.Value;
    }

    public static bool HasChinese(string text) => text.Any(c => c is >= '\u3000' and <= '\u9FFF' or >= '\uFF00' and <= '\uFFEF');

    /// <summary>
    /// Converts <paramref name="docx"/> to PDF with LibreOffice in a throw-away profile and returns
    /// the PDF's text (pages end with a form feed), or just an empty string when pdftotext is missing.
    /// </summary>
    public static string ConvertToPdfText(byte[] docx, string fileName) =>
        ConvertToPdf(docx, fileName, pdf => File.Exists(PdfToText)
            ? RunProcess(PdfToText, TimeSpan.FromSeconds(60), "-enc", "UTF-8", pdf, "-")
            : string.Empty);

    /// <summary>
    /// Converts <paramref name="docx"/> to PDF with LibreOffice and returns each printed line with
    /// where it stands across its page, in points (pdftotext's layout boxes), page by page.
    /// </summary>
    public static IReadOnlyList<PdfLine> ConvertToPdfLines(byte[] docx, string fileName) =>
        ConvertToPdf(docx, fileName, pdf =>
        {
            var layout = RunProcess(PdfToText, TimeSpan.FromSeconds(60), "-enc", "UTF-8", "-bbox-layout", pdf, "-");
            var lines = new List<PdfLine>();
            var page = 0;
            foreach (var chunk in layout.Split("<page ", StringSplitOptions.None).Skip(1))
            {
                page++;
                foreach (System.Text.RegularExpressions.Match line in System.Text.RegularExpressions.Regex.Matches(chunk, "<line xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" xMax=\"([0-9.]+)\"[^>]*>(.*?)</line>", System.Text.RegularExpressions.RegexOptions.Singleline))
                {
                    var words = System.Text.RegularExpressions.Regex.Matches(line.Groups[4].Value, "<word[^>]*>(.*?)</word>").Select(w => System.Net.WebUtility.HtmlDecode(w.Groups[1].Value));
                    lines.Add(new PdfLine(
                        page,
                        string.Concat(words),
                        double.Parse(line.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
                        double.Parse(line.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture))
                    {
                        Top = double.Parse(line.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture),
                    });
                }
            }

            return lines;
        });

    private static T ConvertToPdf<T>(byte[] docx, string fileName, Func<string, T> read)
    {
        var folder = Path.Combine(Path.GetTempPath(), "awards-docs-" + Guid.NewGuid().ToString("N"));
        var profile = Path.Combine(folder, "profile");
        Directory.CreateDirectory(folder);
        try
        {
            var input = Path.Combine(folder, fileName + ".docx");
            File.WriteAllBytes(input, docx);
            RunProcess("/usr/bin/soffice", TimeSpan.FromSeconds(120),
                "--headless", $"-env:UserInstallation=file://{profile}", "--convert-to", "pdf", "--outdir", folder, input);

            var pdf = Path.Combine(folder, fileName + ".pdf");
            Assert.True(File.Exists(pdf), "LibreOffice wrote no PDF.");
            Assert.True(new FileInfo(pdf).Length > 1000, "The PDF is implausibly small.");
            return read(pdf);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A line of a PDF: its page (from 1), its text without spaces, and its left and right edges in points.</summary>
    public sealed record PdfLine(int Page, string Text, double Left, double Right)
    {
        /// <summary>How far down its page the line stands, in points; lines of one printed row share it.</summary>
        public double Top { get; init; }

        public double Centre => (Left + Right) / 2;
    }

    public static string WithoutWhiteSpace(string text) =>
        new([.. text.Where(c => !char.IsWhiteSpace(c))]);

    private static string RunProcess(string program, TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{program} did not finish within {timeout.TotalSeconds} s.");
        }

        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{program} exited with {process.ExitCode}: {error.Result}");
        return output.Result;
    }
}
