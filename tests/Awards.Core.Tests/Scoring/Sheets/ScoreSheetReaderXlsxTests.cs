using Awards.Core.Scoring.Sheets;
using static Awards.Core.Tests.Scoring.Sheets.SheetFiles;

namespace Awards.Core.Tests.Scoring.Sheets;

public class ScoreSheetReaderXlsxTests
{
    private static readonly object?[] Header = ["作品编号", "评委邮箱", "内容", "表达", "创意", "评语"];

    [Fact]
    public void Read_YieldsExactlyTheRowsOfAValidWorkbook_FromSharedStringsInlineStringsAndNumbers()
    {
        var xlsx = Xlsx(
            Header,
            ["7K3M-9Q2X", "wang@example.com", 85, 90.5, 78, "情节生动"],
            [new Inline("a1b2-c3d4"), new Inline(" Li@Example.com "), 80m, 88, 70.25, new Inline("语言朴实")],
            ["C5D6-E7F8", "wang@example.com", 0, 100, 60]);

        var sheet = Read(xlsx, "scores.xlsx");

        Assert.True(sheet.IsValid, string.Join("\n", Messages(sheet)));
        Assert.Equal(3, sheet.Rows.Count);
        Assert.Equal(
            [
                new SheetRowView(2, "7K3M-9Q2X", "wang@example.com", [(11, 85m), (12, 90.5m), (13, 78m)], "情节生动"),
                new SheetRowView(3, "A1B2-C3D4", "li@example.com", [(11, 80m), (12, 88m), (13, 70.25m)], "语言朴实"),
                new SheetRowView(4, "C5D6-E7F8", "wang@example.com", [(11, 0m), (12, 100m), (13, 60m)], null),
            ],
            sheet.Rows.Select(SheetRowView.Of));
    }

    [Fact]
    public void Read_TakesAnEntryCodeStoredAsANumber()
    {
        var sheet = Read(Xlsx(Header, [1001, "wang@example.com", 85, 90, 78]), "scores.xlsx");

        Assert.Equal("1001", Assert.Single(sheet.Rows).EntryCode);
    }

    [Fact]
    public void Read_DropsTheBinaryNoiseOfExcelsArithmetic()
    {
        var sheet = Read(Xlsx(Header, ["7K3M-9Q2X", "wang@example.com", new Stored("85.499999999999986"), new Stored("8.5E1"), new Stored("0.30000000000000004")]), "scores.xlsx");

        Assert.Equal([(11, 85.5m), (12, 85m), (13, 0.3m)], Scores(Assert.Single(sheet.Rows)));
    }

    [Fact]
    public void Read_TakesTheCachedResultOfAFormula()
    {
        var sheet = Read(Xlsx(Header, ["7K3M-9Q2X", "wang@example.com", new Formula("40+45", "85"), 90, 78]), "scores.xlsx");

        Assert.Equal(85m, Assert.Single(sheet.Rows).Values[11]);
    }

    [Fact]
    public void Read_LeavesOutPhoneticGuides()
    {
        var sheet = Read(Xlsx(Header, ["7K3M-9Q2X", new WithPinyin("王", "老师", "wáng lǎoshī"), 85, 90, 78]), "scores.xlsx");

        Assert.Equal("王老师", Assert.Single(sheet.Rows).Judge);
    }

    [Fact]
    public void Read_TakesScoresTypedAsText()
    {
        var sheet = Read(Xlsx(Header, ["7K3M-9Q2X", "wang@example.com", "８５", new Inline("90,5"), " 78 "]), "scores.xlsx");

        Assert.Equal([(11, 85m), (12, 90.5m), (13, 78m)], Scores(Assert.Single(sheet.Rows)));
    }

    [Fact]
    public void Read_SkipsEmptyRows_AndKeepsTheWorkbooksRowNumbers()
    {
        var xlsx = Xlsx(
            null,
            Header,
            [],
            ["7K3M-9Q2X", "wang@example.com", 85, 90, 78],
            null,
            [" ", new Inline(string.Empty), null, "　"],
            ["A1B2-C3D4", "wang@example.com", 80, 88, 70]);

        var sheet = Read(xlsx, "scores.xlsx");

        Assert.True(sheet.IsValid, string.Join("\n", Messages(sheet)));
        Assert.Equal([4, 7], sheet.Rows.Select(row => row.Line));
    }

    [Fact]
    public void Read_ReportsErrorsWithTheWorkbooksRowNumbers()
    {
        var xlsx = Xlsx(
            Header,
            null,
            ["7K3M-9Q2X", "wang@example.com", new Flag(true), -5, null],
            ["7K3M-9Q2X", "wang@example.com", 2_000_000, 90, new Formula("1/0", "#DIV/0!")]);

        var sheet = Read(xlsx, "scores.xlsx");

        Assert.Equal(
            [
                "3: Row 3: the score for 内容 is not a number: \"TRUE\".",
                "3: Row 3: the score for 表达 cannot be -5.",
                "3: Row 3: the score for 创意 is missing.",
                "4: Row 4: the score for 内容 cannot be 2000000.",
                "4: Row 4: the score for 创意 is not a number: \"#DIV/0!\".",
                "4: Row 4: entry 7K3M-9Q2X is scored by wang@example.com a second time (first on row 3).",
            ],
            Messages(sheet));
    }

    [Fact]
    public void Read_ReadsTheFirstVisibleWorksheet()
    {
        var xlsx = Xlsx([Header, ["7K3M-9Q2X", "wang@example.com", 85, 90, 78]], hiddenSheetFirst: true);

        var sheet = Read(xlsx, "scores.xlsx");

        Assert.True(sheet.IsValid, string.Join("\n", Messages(sheet)));
        Assert.Single(sheet.Rows);
    }

    [Fact]
    public void Read_KnowsAWorkbookByItsContent_WhateverItsName()
    {
        var sheet = Read(Xlsx(Header, ["7K3M-9Q2X", "wang@example.com", 85, 90, 78]), "scores.csv");

        Assert.Single(sheet.Rows);
    }

    /// <summary>A row in a form that compares by value.</summary>
    private sealed record SheetRowView(int Line, string EntryCode, string Judge, string Scores, string? Comment)
    {
        public SheetRowView(int line, string entryCode, string judge, (int Criterion, decimal Score)[] scores, string? comment)
            : this(line, entryCode, judge, string.Join(" ", scores.Select(score => FormattableString.Invariant($"{score.Criterion}={score.Score:0.####}"))), comment)
        {
        }

        public static SheetRowView Of(SheetRow row) => new(row.Line, row.EntryCode, row.Judge, SheetFiles.Scores(row), row.Comment);
    }
}
