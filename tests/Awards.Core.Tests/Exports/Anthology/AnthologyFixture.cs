using System.Collections;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using Awards.Core.Exports;
using Awards.Core.Exports.Anthology;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Awards.Core.Tests.Exports.Anthology;

/// <summary>Contests, essays and anthologies built in code, and the checks the anthology tests share.</summary>
internal static class AnthologyFixture
{
    public const string ContestName = "2026年清河市扶贫日表彰暨征文活动";
    public const string Office = "清河市扶贫开发领导小组办公室";

    public const string Preface =
        """
        扶贫日征文活动自启动以来，共收到来稿**一千余篇**。

        本书收录获奖作品，按主题和奖项编排。
        """;

    public static ExportContest Contest(bool isFinal = true) => new(ContestName, Office, new DateTime(2026, 10, 17), isFinal);

    public static string EssayTitle(int number) => string.Create(CultureInfo.InvariantCulture, $"第{number}篇 山那边的路");

    public static string Byline(int number) => string.Create(CultureInfo.InvariantCulture, $"作者{number} · 清河县第{number}中学 · 一等奖");

    /// <summary>
    /// An essay body of about <paramref name="characters"/> Chinese characters: sections under "##",
    /// paragraphs with bold and italic, a bullet list, an ordered list and a table. The sentences are
    /// random characters (seeded by <paramref name="number"/>), so the text compresses no better than
    /// real prose would.
    /// </summary>
    public static string EssayMarkdown(int number, int characters = 3000)
    {
        var random = new Random(number);
        var text = new StringBuilder();
        var count = 0;
        var section = 0;
        while (count < characters)
        {
            section++;
            text.Append("## 第").Append(section).Append("部分\n\n");
            for (var p = 0; p < 4 && count < characters; p++)
            {
                for (var s = 0; s < 4; s++)
                {
                    var words = Words(random, random.Next(20, 40));

                    // The full stop stays outside the markers: CommonMark does not close emphasis
                    // between punctuation and a letter ("**好。**后" is not bold).
                    text.Append(s == 1 ? "**" + words + "**" : s == 2 ? "*" + words + "*" : words).Append('。');
                    count += words.Length + 1;
                }

                text.Append("\n\n");
            }

            text.Append("- 修路：三公里\n- 建厂：一座\n  - 其中扶贫车间：两间\n\n1. 第一步，摸清底数\n2. 第二步，因户施策\n\n");
            text.Append("| 项目 | 数量 | 备注 |\n|:---|:---:|---:|\n| 新修道路 | 3 | 公里 |\n| 新建车间 | 2 | 间 |\n\n");
            count += 60;
        }

        return text.ToString();
    }

    /// <summary>An anthology of <paramref name="themes"/> themes × <paramref name="levels"/> levels × <paramref name="perLevel"/> essays, numbered in reading order.</summary>
    public static IReadOnlyList<AnthologyTheme> Themes(int themes, int levels, int perLevel, int characters = 3000)
    {
        var result = new List<AnthologyTheme>();
        var number = 0;
        for (var t = 1; t <= themes; t++)
        {
            var themeLevels = new List<AnthologyLevel>();
            for (var l = 1; l <= levels; l++)
            {
                var first = number + 1;
                number += perLevel;
                themeLevels.Add(new AnthologyLevel(LevelName(l), new LazyList<DocumentEssay>(perLevel, i => Essay(first + i, characters))));
            }

            result.Add(new AnthologyTheme(ThemeName(t), themeLevels));
        }

        return result;
    }

    // Characters from the most common block of CJK ideographs.
    private static string Words(Random random, int length) =>
        string.Create(length, random, (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = (char)r.Next(0x4E00, 0x7000);
            }
        });

    public static string ThemeName(int number) => string.Create(CultureInfo.InvariantCulture, $"主题{number}：我的帮扶故事");

    public static string LevelName(int rank) => rank switch
    {
        1 => "一等奖",
        2 => "二等奖",
        3 => "三等奖",
        _ => string.Create(CultureInfo.InvariantCulture, $"第{rank}等"),
    };

    public static DocumentEssay Essay(int number, int characters = 3000) =>
        new(string.Create(CultureInfo.InvariantCulture, $"ZW-{number:0000}"), EssayTitle(number), Byline(number), EssayMarkdown(number, characters), Author(number));

    public static string Author(int number) => string.Create(CultureInfo.InvariantCulture, $"作者{number}");

    public static byte[] AnthologyDocx(IReadOnlyList<AnthologyTheme> themes, ExportContest? contest = null, string preface = Preface)
    {
        using var output = new MemoryStream();
        AnthologyDocument.Write(output, contest ?? Contest(), preface, themes);
        return output.ToArray();
    }

    /// <summary>Writes a body with <see cref="MarkdownDocxWriter"/> into an otherwise minimal document.</summary>
    public static byte[] MarkdownDocument(string markdown, int headingOffset = 0)
    {
        using var output = new MemoryStream();
        using (var document = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            using var writer = OpenXmlWriter.Create(main);
            writer.WriteStartDocument();
            writer.WriteStartElement(new Document());
            writer.WriteStartElement(new Body());
            new MarkdownDocxWriter(writer, headingOffset).Write(markdown);
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        return output.ToArray();
    }

    /// <summary>The schema errors of <paramref name="docx"/> against Office 2013, one line each.</summary>
    public static List<string> ValidationErrors(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var document = WordprocessingDocument.Open(stream, false);
        return ValidationErrors(document);
    }

    public static List<string> ValidationErrors(WordprocessingDocument document) =>
        [.. new OpenXmlValidator(FileFormatVersions.Office2013).Validate(document)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")];

    public static void AssertValid(byte[] docx)
    {
        var errors = ValidationErrors(docx);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    public static WordprocessingDocument Open(byte[] docx) => WordprocessingDocument.Open(new MemoryStream(docx), false);

    /// <summary>The body's paragraphs, with the sdt's contents, in document order.</summary>
    public static List<Paragraph> Paragraphs(WordprocessingDocument document) =>
        [.. document.MainDocumentPart!.Document.Body!.Descendants<Paragraph>()];

    public static string? Style(Paragraph paragraph) => paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;

    public static string Text(OpenXmlElement element) => string.Concat(element.Descendants<Text>().Select(t => t.Text));

    /// <summary>(style, text) of every paragraph styled Heading 1 to 6.</summary>
    public static List<(string Style, string Text)> Headings(WordprocessingDocument document) =>
        [.. Paragraphs(document)
            .Where(p => Style(p) is { } style && style.StartsWith("Heading", StringComparison.Ordinal))
            .Select(p => (Style(p)!, Text(p)))];

    /// <summary>Every entry of the package read as UTF-8 text, by entry name.</summary>
    public static Dictionary<string, string> PartsAsText(byte[] docx)
    {
        using var archive = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read);
        var parts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in archive.Entries)
        {
            using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
            parts[entry.FullName] = reader.ReadToEnd();
        }

        return parts;
    }

    public static string WithoutWhiteSpace(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    /// <summary>A list whose items are made when read, so a large anthology costs no memory before it is written.</summary>
    private sealed class LazyList<T>(int count, Func<int, T> item) : IReadOnlyList<T>
    {
        public int Count => count;

        public T this[int index] => index >= 0 && index < count ? item(index) : throw new ArgumentOutOfRangeException(nameof(index));

        public IEnumerator<T> GetEnumerator()
        {
            for (var i = 0; i < count; i++)
            {
                yield return item(i);
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
