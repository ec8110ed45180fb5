using System.Text;
using Awards.Core.Scoring.Sheets;
using Awards.Core.Tests.Uploads;
using DocumentFormat.OpenXml;
using static Awards.Core.Tests.Scoring.Sheets.SheetFiles;

namespace Awards.Core.Tests.Scoring.Sheets;

public class ScoreSheetReaderFileTests
{
    private const int MiB = 1024 * 1024;

    private static readonly object?[] Header = ["Code", "Judge", "c1", "c2", "c3"];

    // The ratio limit is out of the way, so only the total counts.
    private static readonly SheetLimits SmallTotal = SheetLimits.Default with { MaxInflatedBytes = 2 * MiB, MaxCompressionRatio = 1e9 };

    [Fact]
    public void Read_RefusesAnEmptyFile()
    {
        AssertRefused(SheetMessages.Empty, Read([]));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\r\n\r\n")]
    [InlineData(",,,\n ,\t,\n")]
    public void Read_RefusesCsvWithoutAHeader(string text)
    {
        AssertRefused(SheetMessages.Empty, Read(Utf8(text, bom: true)));
    }

    [Fact]
    public void Read_RefusesAWorkbookWithAnEmptySheet()
    {
        AssertRefused(SheetMessages.Empty, Read(Xlsx([], null), "scores.xlsx"));
    }

    [Fact]
    public void Read_TakesAHeaderWithoutRows_AsAValidSheetOfNoScores()
    {
        var sheet = ReadCsv(CsvHeader);

        Assert.True(sheet.IsValid);
        Assert.Empty(sheet.Rows);
    }

    [Fact]
    public void Read_RefusesAFileLargerThanTheLimit()
    {
        var limits = SheetLimits.Default with { MaxFileBytes = MiB };
        var bytes = Utf8(CsvHeader + "\n" + new string(' ', MiB));

        var error = AssertRefused(SheetMessages.TooLarge, Read(bytes, limits: limits));

        Assert.Equal([1], error.Arguments);
    }

    [Fact]
    public void Read_RefusesMoreRowsThanTheLimit()
    {
        var limits = SheetLimits.Default with { MaxRows = 3 };
        var rows = Enumerable.Range(1, 4).Select(i => $"CODE-000{i},wang@example.com,85,90,78");

        var error = AssertRefused(SheetMessages.TooManyRows, Read(Utf8(Lines([CsvHeader, .. rows])), limits: limits));

        Assert.Equal([3], error.Arguments);
    }

    [Fact]
    public void Read_TakesAsManyRowsAsTheLimit_NotCountingEmptyOnes()
    {
        var limits = SheetLimits.Default with { MaxRows = 3 };
        var rows = Enumerable.Range(1, 3).Select(i => $"CODE-000{i},wang@example.com,85,90,78\n,,,,");

        var sheet = Read(Utf8(Lines([CsvHeader, .. rows])), limits: limits);

        Assert.True(sheet.IsValid, string.Join("\n", Messages(sheet)));
        Assert.Equal(3, sheet.Rows.Count);
    }

    [Fact]
    public void Read_RefusesAWorkbookWithMoreRowsThanTheLimit()
    {
        var limits = SheetLimits.Default with { MaxRows = 2 };
        var xlsx = Xlsx(
            Header,
            ["CODE-0001", "wang@example.com", 85, 90, 78],
            ["CODE-0002", "wang@example.com", 85, 90, 78],
            ["CODE-0003", "wang@example.com", 85, 90, 78]);

        AssertRefused(SheetMessages.TooManyRows, Read(xlsx, "scores.xlsx", limits));
    }

    [Fact]
    public void Read_RefusesAZipBomb_ByTheBytesItInflatesTo()
    {
        var xlsx = WithEntries(Xlsx(Header), zip => TestFiles.AddZeros(zip, "xl/media/image1.bin", 3 * MiB));

        AssertRefused(SheetMessages.TooLargeUnpacked, Read(xlsx, "scores.xlsx", SmallTotal));
    }

    [Fact]
    public void Read_CountsTheBytesInflatedNotTheSizeTheZipDeclares()
    {
        // 3 MiB inflated but 10 MiB declared: a check that trusted the declared size would refuse it.
        // (The opposite lie is harmless: ZipArchive stops inflating at the declared size.)
        const string Name = "xl/media/image1.bin";
        var xlsx = TestFiles.WithDeclaredSize(WithEntries(Xlsx(Header), zip => TestFiles.AddZeros(zip, Name, 3 * MiB)), Name, 10 * MiB);

        var sheet = Read(xlsx, "scores.xlsx", SmallTotal with { MaxInflatedBytes = 4 * MiB });

        Assert.True(sheet.IsValid, string.Join("\n", Messages(sheet)));
    }

    [Fact]
    public void Read_RefusesAnEntryThatInflatesTooFarBeyondItsCompressedSize()
    {
        var xlsx = WithEntries(Xlsx(Header), zip => TestFiles.AddZeros(zip, "xl/media/image1.bin", 3 * MiB));

        AssertRefused(SheetMessages.TooLargeUnpacked, Read(xlsx, "scores.xlsx", SheetLimits.Default with { MaxCompressionRatio = 100 }));
    }

    [Fact]
    public void Read_RefusesAWorkbookWithTooManyEntries()
    {
        var xlsx = WithEntries(Xlsx(Header), zip =>
        {
            for (var i = 0; i < 10; i++)
            {
                TestFiles.AddText(zip, $"customXml/item{i}.xml", "<a/>");
            }
        });

        AssertRefused(SheetMessages.TooLargeUnpacked, Read(xlsx, "scores.xlsx", SheetLimits.Default with { MaxZipEntries = 12 }));
    }

    [Fact]
    public void Read_RefusesAWordDocument_EvenNamedXlsx()
    {
        AssertRefused(SheetMessages.NotASheet, Read(TestFiles.Docx(), "scores.xlsx"));
    }

    [Fact]
    public void Read_RefusesAMacroEnabledWorkbook()
    {
        var xlsm = Xlsx([Header], hiddenSheetFirst: false, SpreadsheetDocumentType.MacroEnabledWorkbook);

        AssertRefused(SheetMessages.NotASheet, Read(xlsm, "scores.xlsm"));
    }

    [Fact]
    public void Read_RefusesAnyOtherZip()
    {
        var zip = TestFiles.Zip(zip => TestFiles.AddText(zip, "scores.csv", CsvHeader));

        AssertRefused(SheetMessages.NotASheet, Read(zip, "scores.zip"));
    }

    [Theory]
    [InlineData("scores.csv")]
    [InlineData("scores.xls")]
    [InlineData("scores")]
    public void Read_RefusesBinaryBytesAsNotASheet(string fileName)
    {
        AssertRefused(SheetMessages.NotASheet, Read(TestFiles.RandomBytes, fileName));
    }

    [Fact]
    public void Read_RefusesBinaryBytesNamedXlsxAsADamagedWorkbook()
    {
        AssertRefused(SheetMessages.DamagedWorkbook, Read(TestFiles.RandomBytes, "scores.XLSX"));
    }

    [Fact]
    public void Read_RefusesAnOldOrProtectedWorkbook()
    {
        AssertRefused(SheetMessages.NotASheet, Read(TestFiles.OleCompoundFile, "scores.xlsx"));
    }

    [Fact]
    public void Read_RefusesAPdf_ThoughItBeginsAsText()
    {
        AssertRefused(SheetMessages.NotASheet, Read(TestFiles.Pdf, "scores.csv"));
    }

    [Fact]
    public void Read_RefusesATruncatedWorkbookAsDamaged()
    {
        var xlsx = Xlsx(Header, ["7K3M-9Q2X", "wang@example.com", 85, 90, 78]);

        AssertRefused(SheetMessages.DamagedWorkbook, Read(xlsx[..(xlsx.Length / 2)], "scores.xlsx"));
    }

    [Fact]
    public void Read_RefusesAWorkbookWhoseSheetIsNotXml()
    {
        var xlsx = Xlsx(Header);
        var broken = WithEntries(xlsx, zip =>
        {
            var sheet = zip.Entries.Single(entry => entry.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal));
            var name = sheet.FullName;
            sheet.Delete();
            TestFiles.AddText(zip, name, "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row>");
        });

        AssertRefused(SheetMessages.DamagedWorkbook, Read(broken, "scores.xlsx"));
    }

    [Fact]
    public void Read_ReadsDeeplyNestedXmlWithoutRecursing()
    {
        // The SDK's recursive loader would overflow the stack here, which no catch can handle.
        const int Depth = 100_000;
        var cell = "<c r=\"A2\" t=\"inlineStr\"><is>" + string.Concat(Enumerable.Repeat("<x>", Depth)) + "<t>7K3M-9Q2X</t>"
            + string.Concat(Enumerable.Repeat("</x>", Depth)) + "<t>!</t></is></c>";
        var xlsx = WithEntries(Xlsx(Header), zip =>
        {
            var sheet = zip.Entries.Single(entry => entry.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal));
            var name = sheet.FullName;
            sheet.Delete();
            TestFiles.AddText(zip, name, $"""
                <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
                <row r="1"><c r="A1" t="inlineStr"><is><t>Code</t></is></c><c r="B1" t="inlineStr"><is><t>Judge</t></is></c></row>
                <row r="2">{cell}</row></sheetData></worksheet>
                """);
        });

        var sheet = Read(xlsx, "scores.xlsx");

        Assert.Contains("1: The header row has no column for 内容 / Content.", Messages(sheet));
        Assert.Contains("2: Row 2: the judge is missing.", Messages(sheet));
    }

    [Fact]
    public void Read_RefusesALargeStreamThatCannotSeek_WithoutReadingItAll()
    {
        using var stream = new ForwardOnlyStream(Utf8(CsvHeader + "\n" + new string(' ', 2 * MiB)));

        var sheet = ScoreSheetReader.Read(stream, "scores.csv", Criteria, SheetLimits.Default with { MaxFileBytes = MiB });

        AssertRefused(SheetMessages.TooLarge, sheet);
        Assert.True(stream.BytesRead < 2 * MiB);
    }

    [Fact]
    public void Read_RefusesTextThatIsNeitherUtf8NorGb18030()
    {
        byte[] bytes = [.. Encoding.ASCII.GetBytes("Code,Judge\n"), 0x81, 0x20, 0x81];

        AssertRefused(SheetMessages.NotASheet, Read(bytes));
    }
}
