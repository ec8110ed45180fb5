using Awards.Core.Scoring.Sheets;
using static Awards.Core.Tests.Scoring.Sheets.SheetFiles;

namespace Awards.Core.Tests.Scoring.Sheets;

public class ScoreSheetReaderErrorTests
{
    [Fact]
    public void Read_ListsTheFirst500Mistakes_ThenSaysThereAreMore_AndTakesNoRows()
    {
        // One row with 100,000 values outside the header's columns: 100,000 mistakes, a few hundred KB of sheet.
        var row = "7K3M-9Q2X,wang@example.com,85,90,78" + string.Concat(Enumerable.Repeat(",x", 100_000));
        var sheet = ReadCsv(Lines("Code,Judge,Content,Expression,Creativity", row, "8N4P-2R5Y,wang@example.com,85,90,78"));

        Assert.Equal(501, sheet.Errors.Count);
        Assert.All(sheet.Errors.Take(500), e => Assert.Equal(SheetMessages.ValueWithoutColumn, e.MessageKey));
        Assert.Equal(SheetMessages.TooManyErrors, sheet.Errors[^1].MessageKey);
        Assert.Equal(500, Assert.Single(sheet.Errors[^1].Arguments));
        Assert.False(sheet.IsValid);
    }

    [Fact]
    public void Read_ReportsEveryMissingColumnOnTheHeaderRow()
    {
        var sheet = ReadCsv(Lines("Content,Comment", "85,Fine"));

        Assert.Equal(
            [
                "1: The header row has no column for entry code / 作品编号.",
                "1: The header row has no column for judge e-mail / 评委邮箱.",
                "1: The header row has no column for 表达 / Expression.",
                "1: The header row has no column for 创意 / Creativity.",
            ],
            Messages(sheet));
        Assert.Empty(sheet.Rows);
    }

    [Fact]
    public void Read_ReportsUnknownAndDuplicateColumns_AndTakesNoRows()
    {
        var sheet = ReadCsv(Lines(
            "Code,Judge,Content,Expression,Creativity,Total,编号",
            "7K3M-9Q2X,wang@example.com,85,90,78,253,7K3M-9Q2X"));

        Assert.Equal(
            [
                "1: The header row has a column \"Total\" that is not known.",
                "1: The header row has the column \"编号\" more than once.",
            ],
            Messages(sheet));
        Assert.Equal(SheetMessages.UnknownColumn, sheet.Errors[0].MessageKey);
        Assert.Equal(["Total"], sheet.Errors[0].Arguments);
        Assert.Equal(SheetMessages.DuplicateColumn, sheet.Errors[1].MessageKey);
        Assert.Empty(sheet.Rows);
    }

    [Fact]
    public void Read_ReportsHeaderErrorsOnTheHeadersOwnRow()
    {
        var sheet = ReadCsv(Lines(string.Empty, "Code,Judge,Content,Expression,Creativity,Score"));

        Assert.Equal(["2: The header row has a column \"Score\" that is not known."], Messages(sheet));
    }

    [Fact]
    public void Read_StillChecksTheRows_WhenTheHeaderHasAnUnknownColumn()
    {
        var sheet = ReadCsv(Lines(
            "Code,Judge,Content,Expression,Creativity,Total",
            "7K3M-9Q2X,wang@example.com,85,,78,163"));

        Assert.Equal(
            [
                "1: The header row has a column \"Total\" that is not known.",
                "2: Row 2: the score for Expression is missing.",
            ],
            Messages(sheet));
    }

    [Fact]
    public void Read_ReportsEachMissingValue_NamingTheColumnAsWritten()
    {
        var sheet = ReadCsv(Lines(
            "作品编号,评委,内容,表达,创意",
            ",wang@example.com,85,90,78",
            "7K3M-9Q2X, ,85,90,78",
            "A1B2-C3D4,wang@example.com,,90,　",
            "C5D6-E7F8,wang@example.com,85"));

        Assert.Equal(
            [
                "2: Row 2: the entry code is missing.",
                "3: Row 3: the judge is missing.",
                "4: Row 4: the score for 内容 is missing.",
                "4: Row 4: the score for 创意 is missing.",
                "5: Row 5: the score for 表达 is missing.",
                "5: Row 5: the score for 创意 is missing.",
            ],
            Messages(sheet));
        Assert.Empty(sheet.Rows);
    }

    [Theory]
    [InlineData("eighty")]
    [InlineData("85分")]
    [InlineData("1,000.5")]
    [InlineData("8 5")]
    [InlineData("1e2")]
    [InlineData("NaN")]
    [InlineData("85.5.1")]
    public void Read_ReportsAValueThatIsNotANumber(string value)
    {
        var sheet = ReadCsv(Lines("Code;Judge;Content;Expression;Creativity", $"7K3M-9Q2X;wang@example.com;{value};90;78"));

        var error = Assert.Single(sheet.Errors);
        Assert.Equal(2, error.Line);
        Assert.Equal(SheetMessages.NotANumber, error.MessageKey);
        Assert.Equal([2, "Content", value], error.Arguments);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("-0.5")]
    [InlineData("－３")]
    [InlineData("1000000.01")]
    [InlineData("99999999")]
    public void Read_ReportsANegativeOrAbsurdScore(string value)
    {
        var sheet = ReadCsv(Lines("Code,Judge,Content,Expression,Creativity", $"7K3M-9Q2X,wang@example.com,85,{value},78"));

        Assert.Equal([$"2: Row 2: the score for Expression cannot be {value}."], Messages(sheet));
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("1000000", 1_000_000)]
    [InlineData("+7", 7)]
    [InlineData(" 8,75 ", 8.75)]
    public void Read_TakesScoresAtTheEdgesOfWhatIsPlausible(string value, double expected)
    {
        var sheet = ReadCsv(Lines("Code;Judge;Content;Expression;Creativity", $"7K3M-9Q2X;wang@example.com;{value};90;78"));

        Assert.True(sheet.IsValid, string.Join("\n", Messages(sheet)));
        Assert.Equal((decimal)expected, Assert.Single(sheet.Rows).Values[11]);
    }

    [Fact]
    public void Read_ReportsADuplicatePairOnTheLaterRow_WhateverTheCaseOrWidth()
    {
        var sheet = ReadCsv(Lines(
            CsvHeader,
            "7K3M-9Q2X,wang@example.com,85,90,78,",
            "A1B2-C3D4,wang@example.com,80,88,70,",
            "7k3m-9q2x, WANG@example.com ,86,91,79,",
            "７Ｋ３Ｍ－９Ｑ２Ｘ,wang@example.com,87,92,80,",
            "7K3M-9Q2X,li@example.com,85,90,78,"));

        Assert.Equal(
            [
                "4: Row 4: entry 7K3M-9Q2X is scored by wang@example.com a second time (first on row 2).",
                "5: Row 5: entry 7K3M-9Q2X is scored by wang@example.com a second time (first on row 2).",
            ],
            Messages(sheet));
        Assert.Equal([2, 3, 6], sheet.Rows.Select(row => row.Line));
    }

    [Fact]
    public void Read_ReportsAValueInAColumnWithoutAHeader()
    {
        var sheet = ReadCsv(Lines(
            "Code,Judge,Content,Expression,Creativity,,",
            "7K3M-9Q2X,wang@example.com,85,90,78,,",
            "A1B2-C3D4,wang@example.com,80,88,70,,see attached",
            "C5D6-E7F8,wang@example.com,80,88,70,,,,99"));

        Assert.Equal(
            [
                "3: Row 3: the value \"see attached\" is in a column without a header.",
                "4: Row 4: the value \"99\" is in a column without a header.",
            ],
            Messages(sheet));
        Assert.Equal([2], sheet.Rows.Select(row => row.Line));
    }

    [Fact]
    public void Read_ReportsAQuoteThatIsNeverClosed_OnTheRowItOpens()
    {
        var sheet = ReadCsv(Lines(
            CsvHeader,
            "7K3M-9Q2X,wang@example.com,85,90,78,fine",
            "A1B2-C3D4,wang@example.com,80,88,70,\"Opened and",
            "C5D6-E7F8,wang@example.com,80,88,70,never closed"));

        Assert.Equal(["3: Row 3: a quotation mark is not closed, so the rest of the file cannot be read."], Messages(sheet));
    }

    [Fact]
    public void Read_CollectsEveryErrorOfEveryRow_AndKeepsTheRowsWithoutErrors()
    {
        var sheet = ReadCsv(Lines(
            CsvHeader,
            "7K3M-9Q2X,wang@example.com,85,90,78,",
            ",,abc,-2,,",
            "A1B2-C3D4,wang@example.com,80,88,70,",
            "7K3M-9Q2X,wang@example.com,x,88,70,"));

        Assert.Equal(
            [
                "3: Row 3: the entry code is missing.",
                "3: Row 3: the judge is missing.",
                "3: Row 3: the score for Content is not a number: \"abc\".",
                "3: Row 3: the score for Expression cannot be -2.",
                "3: Row 3: the score for Creativity is missing.",
                "5: Row 5: the score for Content is not a number: \"x\".",
                "5: Row 5: entry 7K3M-9Q2X is scored by wang@example.com a second time (first on row 2).",
            ],
            Messages(sheet));
        Assert.False(sheet.IsValid);
        Assert.Equal([2, 4], sheet.Rows.Select(row => row.Line));
    }

    [Fact]
    public void Read_GivesEachRowErrorItsRowNumberAsTheFirstArgument()
    {
        var sheet = ReadCsv(Lines(CsvHeader, string.Empty, "7K3M-9Q2X,,85,90,78,"));

        var error = Assert.Single(sheet.Errors);
        Assert.Equal(3, error.Line);
        Assert.Equal(SheetMessages.MissingJudge, error.MessageKey);
        Assert.Equal([3], error.Arguments);
    }
}
