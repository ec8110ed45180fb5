using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Awards.Core.Entries;
using Awards.Web.Features.Results;
using Awards.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Awards.Web.Tests.Features.Results;

/// <summary>
/// A tie across a prize boundary too large for a select per place (a select listing every tied
/// entry for each of them grows with the square of the tie) is ordered by writing the codes in
/// order, one per line: the page lists the tied entries once, and the order posted decides the
/// ranking. A generated town's "My Help Story" gets a tie at the top by giving some essays full
/// marks from every judge.
/// </summary>
public sealed class TieFormTests(GeneratedTown town) : IClassFixture<GeneratedTown>
{
    private const string Page = "/organizer/results/help-story";

    private readonly GeneratedSite _site = town.Site;

    [Fact]
    public async Task ALargeTie_IsOrderedByItsCodesOnePerLine_AndTheRankingFollowsThatOrder()
    {
        var tied = FullMarks(TieForm.SelectLimit + 2);
        var organizer = await _site.OrganizerAsync();

        var form = TieAtTheTop(await organizer.GetStringAsync(Page));
        Assert.NotNull(form);
        Assert.Empty(form.QuerySelectorAll("select"));
        var listed = form.QuerySelectorAll("[data-testid=tie-entries] li code").Select(c => c.TextContent).ToList();
        Assert.Equal(tied.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
        Assert.Equal(listed, form.QuerySelector("[data-testid=tie-order]")!.TextContent.Split('\n'));

        // One code left out: refused with the reason, and the tie stays undecided.
        var reversed = Enumerable.Reverse(listed).ToList();
        (await organizer.SubmitAsync(Page, Page + "/tie", new Dictionary<string, string> { ["place"] = "1", ["order"] = string.Join("\n", reversed.Skip(1)) })).Dispose();
        var page = await organizer.GetStringAsync(Page);
        Assert.Contains("请为每件并列作品排定先后", page, StringComparison.Ordinal);
        Assert.NotNull(TieAtTheTop(page));

        // All of them, in reverse, as a person might paste them: lower case, blank lines, a comma.
        var text = string.Join("\r\n", reversed.Take(3)) + "\r\n\r\n" + string.Join(", ", reversed.Skip(3)).ToLowerInvariant();
        (await organizer.SubmitAsync(Page, Page + "/tie", new Dictionary<string, string> { ["place"] = "1", ["order"] = text })).Dispose();
        page = await organizer.GetStringAsync(Page);
        Assert.Null(TieAtTheTop(page));
        var ranked = new HtmlParser().ParseDocument(page).QuerySelectorAll("[data-testid=ranking] tbody tr")
            .Select(tr => tr.QuerySelectorAll("td")[2].TextContent.Trim())
            .Take(tied.Count)
            .ToList();
        Assert.Equal(reversed, ranked);
    }

    [Fact]
    public void TheCodes_ParseFromOneSelectPerPlace_OrFromOneText()
    {
        Assert.Equal(["A1", "B2", "C3"], TieForm.Codes(["A1", "B2", "C3"]));
        Assert.Equal(["A1", "B2", "C3", "D4"], TieForm.Codes(["A1\r\n\r\n B2 ,C3，D4 "]));
        Assert.Empty(TieForm.Codes([null, " ", "\n"]));
    }

    // Gives the first essays of "My Help Story" full marks from each of their judges: they tie at place 1.
    private List<string> FullMarks(int count) =>
        _site.WithDb(db =>
        {
            var track = db.Tracks.Include(t => t.Criteria).Include(t => t.Rounds).Single(t => t.Code == "help-story");
            var round = track.Rounds.OrderBy(r => r.Sequence).First();
            var criteria = track.Criteria.OrderBy(c => c.Order).ToList();
            var entries = db.Entries.Where(e => e.TrackId == track.Id && e.Status == EntryStatus.Submitted).OrderBy(e => e.Id).Take(count).ToList();
            var ids = entries.Select(e => e.Id).ToList();
            var assignments = db.Assignments.Include(a => a.Score).Where(a => a.RoundId == round.Id && ids.Contains(a.EntryId)).ToList();
            Assert.True(assignments.Count >= 2 * count, $"{assignments.Count} assignments for {count} essays");
            foreach (var score in assignments.Select(a => a.Score!))
            {
                score.Record(criteria, criteria.ToDictionary(c => c.Id, c => (decimal?)c.MaxScore), null, submit: true, score.Version, round, DateTime.UtcNow);
            }

            db.SaveChanges();
            return entries.Select(e => e.Code).ToList();
        });

    // The form for the entries tied at place 1, if the page has one.
    private static IElement? TieAtTheTop(string page) =>
        new HtmlParser().ParseDocument(page).QuerySelectorAll("[data-testid=tie-form]")
            .SingleOrDefault(f => f.QuerySelector("input[name=place]")?.GetAttribute("value") == "1");
}
