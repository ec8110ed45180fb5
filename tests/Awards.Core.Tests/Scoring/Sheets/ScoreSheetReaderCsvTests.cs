using System.Text;
using Awards.Core.Scoring.Sheets;
using static Awards.Core.Tests.Scoring.Sheets.SheetFiles;

namespace Awards.Core.Tests.Scoring.Sheets;

public class ScoreSheetReaderCsvTests
{
    [Fact]
    public void Read_YieldsExactlyTheRowsOfAValidCsv_WithTheirValues()
    {
        var sheet = ReadCsv(Lines(
            CsvHeader,
            "7K3M-9Q2X,wang@example.com,85,90.5,78,Vivid and true to life",
            "7k3m-9q2x,  Li@Example.COM ,80,88,70.25,",
            "  a1b2-c3d4 ,wang@example.com,0,100,60,\"Good, but long\""));

        Assert.True(sheet.IsValid);
        Assert.Empty(sheet.Errors);
        Assert.Equal(3, sheet.Rows.Count);

        var first = sheet.Rows[0];
        Assert.Equal(2, first.Line);
        Assert.Equal("7K3M-9Q2X", first.EntryCode);
        Assert.Equal("wang@example.com", first.Judge);
        Assert.Equal([(11, 85m), (12, 90.5m), (13, 78m)], Scores(first));
        Assert.Equal("Vivid and true to life", first.Comment);

        var second = sheet.Rows[1];
        Assert.Equal(3, second.Line);
        Assert.Equal("7K3M-9Q2X", second.EntryCode);
        Assert.Equal("li@example.com", second.Judge);
        Assert.Equal([(11, 80m), (12, 88m), (13, 70.25m)], Scores(second));
        Assert.Null(second.Comment);

        var third = sheet.Rows[2];
        Assert.Equal(4, third.Line);
        Assert.Equal("A1B2-C3D4", third.EntryCode);
        Assert.Equal([(11, 0m), (12, 100m), (13, 60m)], Scores(third));
        Assert.Equal("Good, but long", third.Comment);
    }

    [Fact]
    public void Read_TakesQuotedValuesWithCommasQuotesAndLineBreaks_AndNumbersRowsAsASpreadsheetWould()
    {
        var sheet = ReadCsv(Lines(
            CsvHeader,
            "7K3M-9Q2X,wang@example.com,85,90,78,\"Line one,\nline two with \"\"quotes\"\"\"",
            "\"A1B2-C3D4\",\"li@example.com\",\"80\",\"88\",\"70\",\"\""));

        Assert.True(sheet.IsValid, string.Join("\n", Messages(sheet)));
        Assert.Equal("Line one,\nline two with \"quotes\"", sheet.Rows[0].Comment);
        Assert.Equal(2, sheet.Rows[0].Line);
        Assert.Equal(3, sheet.Rows[1].Line);
        Assert.Equal("A1B2-C3D4", sheet.Rows[1].EntryCode);
        Assert.Null(sheet.Rows[1].Comment);
    }

    [Fact]
    public void Read_SkipsABom()
    {
        var sheet = Read(Utf8(Lines(CsvHeader, "7K3M-9Q2X,wang@example.com,85,90,78,"), bom: true));

        Assert.True(sheet.IsValid, string.Join("\n", Messages(sheet)));
        Assert.Equal("7K3M-9Q2X", Assert.Single(sheet.Rows).EntryCode);
    }

    [Fact]
    public void Read_DetectsATabDelimiter_InATsvWithCommasInItsComments()
    {
        var sheet = ReadCsv("Entry code\tJudge\tc1\tc2\tc3\tComment\n7K3M-9Q2X\twang@example.com\t85\t90\t78\tVivid, true, moving\n");

        var row = Assert.Single(sheet.Rows);
        Assert.Equal([(11, 85m), (12, 90m), (13, 78m)], Scores(row));
        Assert.Equal("Vivid, true, moving", row.Comment);
    }

    [Fact]
    public void Read_DetectsASemicolonDelimiter_AndTakesDecimalCommas()
    {
        var sheet = ReadCsv("Code;Judge;Content;Expression;Creativity\r\n7K3M-9Q2X;wang@example.com;85,5;90;78,25\r\n");

        Assert.Equal([(11, 85.5m), (12, 90m), (13, 78.25m)], Scores(Assert.Single(sheet.Rows)));
    }

    [Fact]
    public void Read_TakesAQuotedDecimalComma_InACommaSeparatedFile()
    {
        var sheet = ReadCsv(Lines(CsvHeader, "7K3M-9Q2X,wang@example.com,\"85,5\",90,78,"));

        Assert.Equal([(11, 85.5m), (12, 90m), (13, 78m)], Scores(Assert.Single(sheet.Rows)));
    }

    [Fact]
    public void Read_TakesChineseHeadersInAnyOrder()
    {
        var sheet = ReadCsv(Lines(
            "评委邮箱,创意,作品编号,内容,评语,表达",
            "wang@example.com,78,7K3M-9Q2X,85,情节生动，语言朴实。,90"));

        var row = Assert.Single(sheet.Rows);
        Assert.Equal("7K3M-9Q2X", row.EntryCode);
        Assert.Equal("wang@example.com", row.Judge);
        Assert.Equal([(11, 85m), (12, 90m), (13, 78m)], Scores(row));
        Assert.Equal("情节生动，语言朴实。", row.Comment);
    }

    [Theory]
    [InlineData("编号,评委,内容,表达,创意")]
    [InlineData("ENTRY CODE,JUDGE,CONTENT,EXPRESSION,CREATIVITY")]
    [InlineData("  Entry   Code , Judge E-mail ,  c1,C2 ,c3")]
    [InlineData("ｃｏｄｅ,Ｅ－ｍａｉｌ,ｃ１,ｃ２,ｃ３")]
    [InlineData("entry code,email,Content,表达,c3")]
    public void Read_MatchesHeadersWhateverTheirCaseWidthOrSpacing(string header)
    {
        var sheet = ReadCsv(Lines(header, "7K3M-9Q2X,wang@example.com,85,90,78"));

        Assert.True(sheet.IsValid, string.Join("\n", Messages(sheet)));
        Assert.Equal([(11, 85m), (12, 90m), (13, 78m)], Scores(Assert.Single(sheet.Rows)));
    }

    [Fact]
    public void Read_FoldsFullWidthCodesJudgesAndDigits()
    {
        var sheet = ReadCsv(Lines(
            "作品编号,评委邮箱,内容,表达,创意",
            "７ｋ３ｍ－９ｑ２ｘ,ＷＡＮＧ＠ｅｘａｍｐｌｅ．ｃｏｍ,８５．５,９０,７８，５"));

        var row = Assert.Single(sheet.Rows);
        Assert.Equal("7K3M-9Q2X", row.EntryCode);
        Assert.Equal("wang@example.com", row.Judge);
        Assert.Equal([(11, 85.5m), (12, 90m), (13, 78.5m)], Scores(row));
    }

    [Fact]
    public void Read_DecodesGbk_AsExcelSavesCsvOnAChineseWindows()
    {
        var gbk = CodePagesEncodingProvider.Instance.GetEncoding(936)!;
        var bytes = gbk.GetBytes(Lines("作品编号,评委,内容,表达,创意,评语", "7K3M-9Q2X,王老师,85,90,78,情节生动"));

        var sheet = Read(bytes);

        var row = Assert.Single(sheet.Rows);
        Assert.Equal("王老师", row.Judge);
        Assert.Equal("情节生动", row.Comment);
    }

    [Fact]
    public void Read_DecodesUtf16WithItsBom_AsExcelSavesUnicodeText()
    {
        var bytes = Encoding.Unicode.GetPreamble()
            .Concat(Encoding.Unicode.GetBytes("作品编号\t评委\t内容\t表达\t创意\r\n7K3M-9Q2X\t王老师\t85\t90\t78\r\n"))
            .ToArray();

        var sheet = Read(bytes, "scores.txt");

        Assert.Equal("王老师", Assert.Single(sheet.Rows).Judge);
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r")]
    [InlineData("\r\n")]
    public void Read_TakesAnyLineEnding(string newLine)
    {
        var text = string.Join(newLine, "Code,Judge,c1,c2,c3", "7K3M-9Q2X,wang@example.com,85,90,78", "A1B2-C3D4,wang@example.com,80,88,70");

        var sheet = ReadCsv(text);

        Assert.Equal([2, 3], sheet.Rows.Select(row => row.Line));
    }

    [Fact]
    public void Read_SkipsEmptyRows_AndKeepsTheFilesRowNumbers()
    {
        var sheet = ReadCsv(Lines(
            string.Empty,
            CsvHeader,
            string.Empty,
            "7K3M-9Q2X,wang@example.com,85,90,78,",
            ",,,,,",
            "  ,\t, ,　,,",
            "A1B2-C3D4,wang@example.com,80,88,70,"));

        Assert.True(sheet.IsValid, string.Join("\n", Messages(sheet)));
        Assert.Equal([4, 7], sheet.Rows.Select(row => row.Line));
    }

    [Fact]
    public void Read_LeavesTheCommentNull_WhenThereIsNoCommentColumn()
    {
        var sheet = ReadCsv(Lines("Code,Judge,c1,c2,c3", "7K3M-9Q2X,wang@example.com,85,90,78"));

        Assert.Null(Assert.Single(sheet.Rows).Comment);
    }

    [Fact]
    public void Read_ReadsAStreamThatCannotSeek()
    {
        using var stream = new ForwardOnlyStream(Utf8(Lines(CsvHeader, "7K3M-9Q2X,wang@example.com,85,90,78,")));

        var sheet = ScoreSheetReader.Read(stream, "scores.csv", Criteria, SheetLimits.Default);

        Assert.Single(sheet.Rows);
    }

    [Fact]
    public void Read_LeavesASeekableStreamAtItsStart()
    {
        using var stream = new MemoryStream(Utf8(Lines(CsvHeader, "7K3M-9Q2X,wang@example.com,85,90,78,")));
        stream.Position = 5;

        var sheet = ScoreSheetReader.Read(stream, "scores.csv", Criteria, SheetLimits.Default);

        Assert.True(sheet.IsValid);
        Assert.Equal(0, stream.Position);
    }

    [Fact]
    public void Read_RefusesCriteriaThatShareAColumnName()
    {
        using var stream = new MemoryStream(Utf8(CsvHeader));
        SheetCriterion[] criteria = [new(1, ["内容"]), new(2, ["Content", "内容"])];

        Assert.Throws<ArgumentException>(() => ScoreSheetReader.Read(stream, "scores.csv", criteria, SheetLimits.Default));
    }

    [Fact]
    public void Read_RefusesACriterionNamedLikeAFixedColumn()
    {
        using var stream = new MemoryStream(Utf8(CsvHeader));
        SheetCriterion[] criteria = [new(1, ["Comment"])];

        Assert.Throws<ArgumentException>(() => ScoreSheetReader.Read(stream, "scores.csv", criteria, SheetLimits.Default));
    }
}
