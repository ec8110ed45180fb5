using System.Globalization;
using System.Text;
using Awards.Core.Ranking;
using static Awards.Core.Tests.Ranking.RankingInput;
using RankingResult = Awards.Core.Ranking.Ranking;

namespace Awards.Core.Tests.Ranking;

/// <summary>The CSV export: header, fields, quoting and determinism.</summary>
public class RankingCsvTests
{
    private const string Header =
        "position,place,code,score,mean,median,top_scores,spread,judges,level,computed_level,flags,override_reason\n";

    private static readonly RankingResult Sample = new(
        [
            new RankedEntry(
                7, 1, 1, 88.5m, 88.5m, 88.5m, 1, 3m,
                [new JudgeTotal("Ann", 90m, 91.25m, true), new JudgeTotal("Bo", 87m, 85.75m, true)],
                true, 2, 1, "Jury, \"unanimous\"", RankFlags.Tie | RankFlags.Overridden),
            new RankedEntry(
                3, 2, 1, 88.5m, 88m, 88.5m, 0, 0m,
                [new JudgeTotal("Bo", 88.5m, 88.5m, false)],
                true, 2, 2, null, RankFlags.Tie | RankFlags.BoundaryTie | RankFlags.DisputedAtBoundary | RankFlags.Disputed),
            new RankedEntry(
                5, 3, 3, 40m, 40m, 40m, 0, 0m,
                [new JudgeTotal("Cy, Jr.", 40m, 40m, false)],
                false, null, 9, "line one\nline two", RankFlags.BelowMinimum | RankFlags.Overridden),
        ],
        [new LevelFill(1, 1, 1), new LevelFill(2, 1, 1)],
        2);

    private static readonly Dictionary<int, string> Codes = new() { [7] = "A-007", [3] = "A-003" };

    private static readonly Dictionary<int, string> LevelNames = new() { [1] = "First prize", [2] = "Second, merit" };

    [Fact]
    public void Write_GivesTheHeaderAndOneQuotedRowPerEntry()
    {
        var csv = Write(Sample);

        Assert.Equal(
            Header
            + "1,1,A-007,88.50,88.50,88.50,1,3.00,Ann:90.00/91.25;Bo:87.00/85.75,First prize,\"Second, merit\",Tie|Overridden,\"Jury, \"\"unanimous\"\"\"\n"
            + "2,1,A-003,88.50,88.00,88.50,0,0.00,Bo:88.50/88.50,\"Second, merit\",\"Second, merit\",Tie|BoundaryTie|Disputed|DisputedAtBoundary,\n"
            + "3,3,5,40.00,40.00,40.00,0,0.00,\"Cy, Jr.:40.00/40.00\",9,,Overridden|BelowMinimum,\"line one\nline two\"\n",
            csv);
    }

    [Fact]
    public void Write_OfAnEmptyRanking_IsTheHeaderOnly() =>
        Assert.Equal(Header, Write(new RankingResult([], [], 0)));

    [Fact]
    public void Write_QuotesACarriageReturn()
    {
        var ranking = Sample with { Entries = [Sample.Entries[0] with { OverrideReason = "a\rb" }] };

        Assert.EndsWith(",\"a\rb\"\n", Write(ranking), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_UsesTheInvariantCultureWhateverTheCurrentOne()
    {
        var before = CultureInfo.CurrentCulture;
        string german;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            german = Write(Sample);
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }

        Assert.Equal(Write(Sample), german);
        Assert.Contains("88.50", german, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_IsTheSameBytesEveryTime()
    {
        var ranking = Rank(
            [.. Scores(1, 80.125m, 70, 91), .. Scores(2, 80, 80), .. Scores(3, 60, 95)],
            Settings(AggregationMethod.ZScore, null, Level(1, 1)) with { MinScoresToNormalize = 2 });

        var first = Bytes(ranking);
        var second = Bytes(Rank(
            [.. Scores(3, 60, 95), .. Scores(2, 80, 80), .. Scores(1, 80.125m, 70, 91)],
            Settings(AggregationMethod.ZScore, null, Level(1, 1)) with { MinScoresToNormalize = 2 }));

        Assert.Equal(first, second);
        Assert.Equal(first, Bytes(ranking));
    }

    private static string Write(RankingResult ranking)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        RankingCsv.Write(writer, ranking, Codes, LevelNames);
        return writer.ToString();
    }

    private static byte[] Bytes(RankingResult ranking)
    {
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new UTF8Encoding(false)))
        {
            RankingCsv.Write(writer, ranking, Codes, LevelNames);
        }

        return stream.ToArray();
    }
}
