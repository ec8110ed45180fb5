using Awards.Core.Exports;
using Awards.Core.Exports.Anthology;
using DocumentFormat.OpenXml.Wordprocessing;
using static Awards.Core.Tests.Exports.Anthology.AnthologyFixture;

namespace Awards.Core.Tests.Exports.Anthology;

/// <summary>
/// The judge packet is read offline, outside the site's access control: nothing in it may say who
/// wrote an entry, not in the text and not in the package around it.
/// </summary>
public class JudgePacketDocumentTests
{
    private const string Track = "征文：我的帮扶故事";
    private const string Round = "初评";

    // The author, planted where a careless caller would leave it: the byline, which a packet never prints.
    private const string Author = "张海燕";

    private static readonly DocumentEssay[] Entries =
    [
        new("ZW-0007", "山那边的路", $"{Author} · 清河县第一中学", "作者：■■■（已隐去）\n\n# 一、出发\n\n那年春天，我们**走进**了村子。\n\n- 修路\n- 建厂"),
        new("ZW-0012", "合作社的账本", $"{Author} · 清河县第一中学", "每一分钱都花在了*看得见*的地方。\n\n| 项目 | 金额 |\n|---|---|\n| 道路 | 30万 |"),
        new("ZW-0031", "灯", $"{Author} · 清河县第一中学", "> 夜里的村委会依然亮着灯。"),
    ];

    private static readonly Lazy<byte[]> Packet = new(() => Write(Entries));

    [Fact]
    public void Write_ValidatesAgainstOffice2013()
    {
        AssertValid(Packet.Value);
    }

    [Fact]
    public void Write_TitleNoteAndEntries_InTheGivenOrder()
    {
        using var document = Open(Packet.Value);
        var paragraphs = Paragraphs(document);

        Assert.Equal("征文：我的帮扶故事 · 初评 评审材料", Text(paragraphs[0]));
        Assert.Equal("Title", Style(paragraphs[0]));
        Assert.Equal(JudgePacketDocument.Note, Text(paragraphs[1]));
        Assert.Contains("匿名", JudgePacketDocument.Note, StringComparison.Ordinal);

        var entries = Headings(document).Where(h => h.Style == "Heading1").Select(h => h.Text);
        Assert.Equal(["ZW-0007  山那边的路", "ZW-0012  合作社的账本", "ZW-0031  灯"], entries);

        // The entry's own "#" is one level down.
        Assert.Contains(("Heading2", "一、出发"), Headings(document));
    }

    [Fact]
    public void Write_EachEntryAfterTheFirst_StartsOnANewPage()
    {
        using var document = Open(Packet.Value);

        var entries = Paragraphs(document).Where(p => Style(p) == "Heading1").ToList();
        Assert.Null(entries[0].ParagraphProperties?.PageBreakBefore);
        Assert.All(entries.Skip(1), entry => Assert.NotNull(entry.ParagraphProperties?.PageBreakBefore));
    }

    [Fact]
    public void Write_Bodies_KeepTheirFormatting()
    {
        using var document = Open(Packet.Value);
        var body = document.MainDocumentPart!.Document.Body!;

        Assert.NotNull(body.Descendants<Run>().Single(r => Text(r) == "走进").RunProperties?.Bold);
        Assert.NotNull(body.Descendants<Run>().Single(r => Text(r) == "看得见").RunProperties?.Italic);
        Assert.Equal(["道路", "30万"], body.Descendants<Table>().Single().Elements<TableRow>().Last().Elements<TableCell>().Select(Text));
        Assert.Contains(Paragraphs(document), p => Text(p) == "• 修路");
    }

    [Fact]
    public void Write_PackageNamesNoOne()
    {
        // The planting is real: the name is in what the caller passed.
        Assert.All(Entries, entry => Assert.Contains(Author, entry.Byline, StringComparison.Ordinal));

        var docx = Packet.Value;
        using var document = Open(docx);

        var core = document.PackageProperties;
        Assert.True(string.IsNullOrEmpty(core.Creator));
        Assert.True(string.IsNullOrEmpty(core.LastModifiedBy));
        Assert.Equal("征文：我的帮扶故事 · 初评 评审材料", core.Title);
        Assert.Null(document.CustomFilePropertiesPart);
        Assert.Null(document.ExtendedFilePropertiesPart);
        Assert.Null(document.MainDocumentPart!.WordprocessingCommentsPart);
        Assert.Empty(document.MainDocumentPart.HeaderParts);
        Assert.Null(document.MainDocumentPart.WordprocessingPeoplePart);
        var settings = document.MainDocumentPart.DocumentSettingsPart!.Settings!;
        Assert.NotNull(settings.GetFirstChild<RemovePersonalInformation>());

        foreach (var (name, xml) in PartsAsText(docx))
        {
            Assert.False(xml.Contains(Author, StringComparison.Ordinal), $"{name} names the author.");
            Assert.False(xml.Contains("海燕", StringComparison.Ordinal), $"{name} names the author.");
        }

        Assert.DoesNotContain(Author, Text(document.MainDocumentPart.Document.Body!), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_NoEntries_StillMakesAValidPacket()
    {
        var docx = Write([]);

        AssertValid(docx);
        using var document = Open(docx);
        Assert.Equal(2, Paragraphs(document).Count);
    }

    [Fact]
    public void EntryHeading_IsTheCodeAndTheTitle()
    {
        Assert.Equal("ZW-1  题目", JudgePacketDocument.EntryHeading(new DocumentEssay("ZW-1", "题目", string.Empty, string.Empty)));
        Assert.Equal("题目", JudgePacketDocument.EntryHeading(new DocumentEssay(string.Empty, "题目", string.Empty, string.Empty)));
    }

    private static byte[] Write(IReadOnlyList<DocumentEssay> entries)
    {
        using var output = new MemoryStream();
        JudgePacketDocument.Write(output, Track, Round, entries);
        return output.ToArray();
    }
}
