using System.Net;
using System.Text.RegularExpressions;
using Awards.Core.Common;
using Awards.Core.Entries;
using Awards.Core.Tracks;
using Awards.Web.Tests.Features.Performance;
using Microsoft.EntityFrameworkCore;

namespace Awards.Web.Tests.Features.Screening;

/// <summary>
/// The organizer's essay and nomination lists, fifty a page, newest first, on a generated city
/// (2,000 essays and 200 nominations, all submitted at the same moment): every entry is on exactly
/// one page, and each row shows its own entry's title, author and length.
/// </summary>
[Collection(SharedGeneratedContests.Name)]
public sealed partial class ListPagesTests(GeneratedContests contests)
{
    [Fact]
    public async Task EveryEssay_IsOnExactlyOnePage_WithItsOwnTitleAuthorAndLength()
    {
        var organizer = await contests.City.OrganizerAsync();
        var expected = contests.City.WithDb(db => (
            from e in db.Entries.AsNoTracking()
            join t in db.Tracks on e.TrackId equals t.Id
            join u in db.Users on e.OwnerUserId equals u.Id
            where t.Kind == TrackKind.Essay && e.Status != EntryStatus.Draft
            orderby e.SubmittedAt descending, e.Id descending
            select new { e.Code, e.Title, u.DisplayName, e.Body }).ToList());
        var byCode = expected.ToDictionary(e => e.Code);
        Assert.True(expected.Count > 1000, $"the city has {expected.Count} essays");

        var seen = new List<string>();
        var pages = (expected.Count + 49) / 50;
        for (var page = 1; page <= pages; page++)
        {
            var rows = Rows(await organizer.GetStringAsync($"/organizer/essays?page={page}"), "essay-list");
            Assert.Equal(page < pages ? 50 : expected.Count - ((pages - 1) * 50), rows.Count);
            foreach (var row in rows)
            {
                var essay = byCode[row.Code];
                Assert.Equal(essay.Title, row.Cells[2]);
                Assert.Equal(essay.DisplayName, row.Cells[3]);
                Assert.Equal(TextLength.Count(essay.Body).ToString(System.Globalization.CultureInfo.InvariantCulture), row.Cells[6]);
            }

            seen.AddRange(rows.Select(r => r.Code));
        }

        // Newest first, and the same moment in the order of the id, newest again: a defined order,
        // so that paging neither repeats nor skips an essay.
        Assert.Equal(expected.Select(e => e.Code), seen);
    }

    [Fact]
    public async Task AShortSearch_FindsEveryMatchingEssay_OnceEach_NewestFirst()
    {
        // Two characters: too short for the trigram index, so the matches come from reading the
        // texts, counted and paged in one pass (EssaySearch.ScansTexts).
        const string word = "脱贫";
        var organizer = await contests.Town.OrganizerAsync();
        var essays = contests.Town.WithDb(db => (
            from e in db.Entries.AsNoTracking()
            join t in db.Tracks on e.TrackId equals t.Id
            where t.Kind == TrackKind.Essay && e.Status != EntryStatus.Draft
            orderby e.SubmittedAt descending, e.Id descending
            select new { e.Code, e.Title, e.Body }).ToList());
        var expected = essays.Where(e => e.Title.Contains(word, StringComparison.Ordinal) || e.Body.Contains(word, StringComparison.Ordinal)).Select(e => e.Code).ToList();
        Assert.InRange(expected.Count, 51, essays.Count - 1);

        var seen = new List<string>();
        var pages = (expected.Count + 49) / 50;
        for (var page = 1; page <= pages; page++)
        {
            var html = await organizer.GetStringAsync($"/organizer/essays?q={Uri.EscapeDataString(word)}&page={page}");
            Assert.Contains($"共 {expected.Count} 篇征文", html, StringComparison.Ordinal);
            seen.AddRange(Rows(html, "essay-list").Select(r => r.Code));
        }

        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task EveryNomination_IsOnExactlyOnePage()
    {
        var organizer = await contests.City.OrganizerAsync();
        var expected = contests.City.WithDb(db => (
            from e in db.Entries
            join t in db.Tracks on e.TrackId equals t.Id
            where t.Kind == TrackKind.Nomination && e.Status != EntryStatus.Draft
            select e.Code).ToList());
        Assert.True(expected.Count > 100, $"the city has {expected.Count} nominations");

        var seen = new List<string>();
        for (var page = 1; page <= (expected.Count + 49) / 50; page++)
        {
            seen.AddRange(Rows(await organizer.GetStringAsync($"/organizer/nominations?page={page}"), "screening-list").Select(r => r.Code));
        }

        Assert.Equal(expected.Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
    }

    private static List<(string Code, List<string> Cells)> Rows(string page, string table)
    {
        var start = page.IndexOf($"data-testid=\"{table}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no {table} on the page");
        var body = page[start..page.IndexOf("</table>", start, StringComparison.Ordinal)];
        return [.. Row().Matches(body).Select(m => (
            m.Groups["code"].Value,
            Cell().Matches(m.Value).Select(c => WebUtility.HtmlDecode(c.Groups["text"].Value).Trim()).ToList()))];
    }

    // The screening list's rows start with the tick box of a submitted nomination (empty for the others).
    [GeneratedRegex("<tr>\\s*(?:<td>(?:<input [^>]*/>)?</td>\\s*)?<td><a href=\"/organizer/[a-z]+/(?<code>[A-Z0-9-]+)\">.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex Row();

    [GeneratedRegex("<td[^>]*>(?<text>.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex Cell();
}
