using System.Net;
using System.Text.RegularExpressions;
using Awards.Web.Tests.Features.Performance;
using Awards.Web.Tests.Infrastructure;

namespace Awards.Web.Tests.Features.Results;

/// <summary>
/// A city's theme ranks about a thousand essays: the results page shows its ranking table a hundred
/// rows at a time, in the ranking's order, and finds an entry by its code on whichever page it is.
/// </summary>
[Collection(SharedGeneratedContests.Name)]
public sealed partial class RankingPagesTests(GeneratedContests contests)
{
    private const string Page = "/organizer/results/journey";

    [Fact]
    public async Task TheTable_ShowsAHundredRowsAPage_InTheRankingsOrder()
    {
        var organizer = await contests.City.OrganizerAsync();
        var ranking = await RankingAsync(organizer);
        Assert.True(ranking.Count > 300, $"the city's theme ranks {ranking.Count} entries");

        var first = await organizer.GetStringAsync(Page);
        Assert.Equal(ranking.Take(100), Rows(first));
        Assert.Contains($"第 1–100 行，共 {ranking.Count} 行。", first, StringComparison.Ordinal);
        Assert.Contains($"href=\"{Page}?page=2\" rel=\"next\"", first, StringComparison.Ordinal);
        Assert.DoesNotContain("rel=\"prev\"", first, StringComparison.Ordinal);
        // The quota table and the count still cover the whole ranking, not the page.
        Assert.Contains($"{ranking.Count} 件作品参与排名", first, StringComparison.Ordinal);

        var third = await organizer.GetStringAsync(Page + "?page=3");
        Assert.Equal(ranking.Skip(200).Take(100), Rows(third));
        Assert.Contains($"第 201–300 行，共 {ranking.Count} 行。", third, StringComparison.Ordinal);
        Assert.Contains($"href=\"{Page}?page=2\" rel=\"prev\"", third, StringComparison.Ordinal);
        Assert.Contains("<td>201</td>", third, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("?page=100000")]
    [InlineData("?page=-3")]
    [InlineData("?page=abc")]
    public async Task APageOutOfRange_ShowsTheNearestPage(string query)
    {
        var organizer = await contests.City.OrganizerAsync();
        var ranking = await RankingAsync(organizer);

        var response = await organizer.Client.GetAsync(Page + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = Rows(await response.Content.ReadAsStringAsync());
        var lastPage = (ranking.Count - 1) / 100 * 100;
        Assert.Equal(query == "?page=100000" ? ranking.Skip(lastPage) : ranking.Take(100), rows);
    }

    [Fact]
    public async Task FindingACode_OpensItsPage_AndMarksItsRow()
    {
        var organizer = await contests.City.OrganizerAsync();
        var ranking = await RankingAsync(organizer);
        var wanted = ranking[250];

        var page = await organizer.GetStringAsync($"{Page}?find={wanted.ToLowerInvariant()}");

        Assert.Equal(ranking.Skip(200).Take(100), Rows(page));
        Assert.Matches($"<tr data-code=\"{wanted}\" id=\"entry-{wanted}\" aria-current=\"true\" class=\"table-primary\">", page);
        Assert.Single(AriaCurrentRow().Matches(page));
        // The override form is ready for the entry found.
        Assert.Contains($"id=\"override-entry\" name=\"entry\" list=\"override-entries\" value=\"{wanted}\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownCode_IsSaid_AndTheFirstPageShows()
    {
        var organizer = await contests.City.OrganizerAsync();
        var ranking = await RankingAsync(organizer);

        var page = await organizer.GetStringAsync($"{Page}?find=NO-SUCH");

        Assert.Contains("没有编号为 NO-SUCH 的已排名作品。", page, StringComparison.Ordinal);
        Assert.Equal(ranking.Take(100), Rows(page));
        Assert.Empty(AriaCurrentRow().Matches(page));
    }

    [Fact]
    public async Task ThePage_IsAFractionOfTheWholeTable()
    {
        var organizer = await contests.City.OrganizerAsync();
        var ranking = await RankingAsync(organizer);

        var page = await organizer.GetStringAsync(Page);

        // Only this page's hundred entries are on it (and any in an undecided tie), not the other
        // nine hundred: the whole table in one page was 8.6 MB of HTML for a province's theme.
        var onPage = ranking.Count(code => page.Contains(code, StringComparison.Ordinal));
        Assert.InRange(onPage, 100, 100 + 20);
    }

    [Fact]
    public async Task ADraftTheme_IsRankedOnItsLastRoundWithSubmittedScores()
    {
        var organizer = await contests.City.OrganizerAsync();
        // The generated help-story theme has its preliminary round scored and its final round empty.
        var (preliminary, final) = contests.City.WithDb(db =>
        {
            var rounds = db.Rounds.Where(r => db.Tracks.Any(t => t.Id == r.TrackId && t.Code == "help-story")).OrderBy(r => r.Sequence).Select(r => r.Id).ToList();
            return (rounds[0], rounds[1]);
        });
        Assert.False(contests.City.WithDb(db => db.Assignments.Any(a => a.RoundId == final && db.Scores.Any(s => s.AssignmentId == a.Id))));

        var page = await organizer.GetStringAsync("/organizer/results/help-story");

        Assert.Contains($"<option value=\"{preliminary}\" selected=\"selected\">", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"no-scores\"", page, StringComparison.Ordinal);
        Assert.Equal(100, Rows(page).Count);
    }

    // The whole ranking's codes in order, from the CSV export, which the pages must agree with.
    private static async Task<List<string>> RankingAsync(Browser organizer)
    {
        var csv = await organizer.GetStringAsync(Page + "/ranking.csv");
        return [.. csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(line => line.Split(',')[2])];
    }

    private static List<string> Rows(string page) => [.. RankingRow().Matches(page).Select(m => m.Groups["code"].Value)];

    [GeneratedRegex("<tr data-code=\"(?<code>[^\"]+)\"")]
    private static partial Regex RankingRow();

    [GeneratedRegex("<tr data-code=\"[^\"]+\" id=\"[^\"]+\" aria-current=\"true\"")]
    private static partial Regex AriaCurrentRow();
}
