using System.Net;
using AngleSharp.Html.Parser;
using Awards.Core.Identity;
using Awards.Core.Scoring;
using Awards.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Awards.Web.Tests.Infrastructure.Nominating;

namespace Awards.Web.Tests.Security;

/// <summary>
/// ASVS 5.3.3 (SECURITY.md §3): the payloads go into every place a person types text (essay titles
/// and texts, nominations' titles, nominees, deeds and opinions, names, return and disqualification
/// reasons, judges' comments, objections and their resolutions), then every page of the site is
/// read as each role and parsed: no script, handler or dangerous URL that the site did not write.
/// </summary>
public sealed class XssTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    private const string Author = "xss.author@example.org";

    [Fact]
    public async Task NoPage_RunsAPayload_FromAnyTextField()
    {
        var ids = await PlantAsync();
        var pages = 0;
        var shown = new HashSet<string>();
        var failures = new List<string>();
        foreach (var route in Routes.All(factory.Services).Where(r => r.Method == "GET"))
        {
            var accounts = route.Role switch
            {
                Roles.Author => [Author],
                null when !route.SignedIn => [null, "organizer@demo.example"],
                _ => new[] { route.Account },
            };
            foreach (var email in accounts)
            {
                var browser = await AsAsync(email);
                foreach (var url in Urls(route, ids))
                {
                    using var response = await browser.Client.GetAsync(url);
                    if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html")
                    {
                        continue;
                    }

                    pages++;
                    var html = await response.Content.ReadAsStringAsync();
                    try
                    {
                        HtmlSafety.AssertNoActiveContent(html, $"{url} as {email ?? "anonymous"}");
                    }
                    catch (Xunit.Sdk.XunitException ex)
                    {
                        failures.Add(ex.Message);
                    }

                    var text = new HtmlParser().ParseDocument(html).Body?.TextContent ?? string.Empty;
                    shown.UnionWith(XssPayloads.Text.Where(p => text.Contains(p, StringComparison.Ordinal)).Select(p => url.Split('?')[0]));
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Distinct()));
        Assert.True(pages > 60, $"only {pages} pages read");
        // The payloads were shown, as text, on the pages that matter: the check is not vacuous.
        foreach (var page in new[] { $"/essays/{ids["essay"]}", $"/nominations/{ids["nomination"]}", $"/organizer/essays/{ids["essay"]}", $"/organizer/nominations/{ids["returned"]}", "/organizer/results/objections", $"/notice/objections/{ids["reference"]}", "/author", "/coordinator", $"/judge/rounds/{ids["round"]}/{ids["accepted"]}" })
        {
            Assert.True(shown.Contains(page), $"no payload shown as text on {page}; shown on: {string.Join(", ", shown.Order())}");
        }
    }

    private readonly Dictionary<string, Browser> _browsers = [];

    private async Task<Browser> AsAsync(string? email)
    {
        if (email is null)
        {
            return new Browser(factory);
        }

        if (!_browsers.TryGetValue(email, out var browser))
        {
            _browsers[email] = browser = await SignedInAsync(factory, email);
        }

        return browser;
    }

    /// <summary>The route with every combination of the planted ids for its parameters (most are 404s, which is fine).</summary>
    private static IEnumerable<string> Urls(Route route, Dictionary<string, string> ids)
    {
        string[] codes = [ids["essay"], ids["disqualified"], ids["nomination"], ids["returned"], ids["accepted"], "help-story", "innovation", "dedication"];
        IEnumerable<Dictionary<string, string>> values = [new()];
        foreach (var (name, pool) in new[] { ("code", codes), ("track", ["help-story", "journey", "dedication", "innovation"]), ("token", [ids["token"]]), ("roundId", [ids["round"], ids["helpRound"]]), ("id", [ids["objection"]]), ("reference", [ids["reference"]]) })
        {
            if (route.Template.Contains("{" + name, StringComparison.Ordinal))
            {
                values = [.. values.SelectMany(v => pool.Select(p => new Dictionary<string, string>(v) { [name] = p }))];
            }
        }

        return values.Select(v => route.Url(v)).Distinct();
    }

    private async Task<Dictionary<string, string>> PlantAsync()
    {
        var t = XssPayloads.Text;
        var organizer = await AsAsync("organizer@demo.example");
        await CreateUserAsync(factory, Author, Roles.Author, "qingshan", name: t[1]);
        var author = await AsAsync(Author);
        var essay = await Writing.CreateDraftAsync(author, "help-story", Writing.Essay(title: t[0], body: Writing.Text + "\n\n" + XssPayloads.MarkdownBlock));
        (await Writing.SubmitAsync(author, essay)).Dispose();
        var disqualified = await Writing.CreateDraftAsync(author, "journey", Writing.Essay(title: t[2], body: Writing.Text + "\n\n" + XssPayloads.MarkdownBlock));
        (await Writing.SubmitAsync(author, disqualified)).Dispose();
        (await organizer.SubmitAsync($"/organizer/essays/{disqualified}", $"/organizer/essays/{disqualified}/disqualify", new Dictionary<string, string> { ["reason"] = string.Join(" ", t) })).Dispose();

        var coordinator = await AsAsync("coordinator.qingshan@demo.example");
        Dictionary<string, string> Nomination(string title) => new(Person(title: title, name: t[1]))
        {
            ["Form.NomineePosition"] = t[2],
            ["Form.NomineeContact"] = t[5],
            ["Form.Deeds"] = Deeds + "\n\n" + XssPayloads.MarkdownBlock,
            ["Form.Opinion"] = XssPayloads.MarkdownBlock,
        };
        var nomination = await CreateDraftAsync(coordinator, "dedication", Nomination(t[3]));
        (await coordinator.UploadAsync($"/nominations/{nomination}", $"/nominations/{nomination}/attachments", "<script>alert(1)</script>.pdf", SampleFiles.Pdf())).Dispose();
        var returned = await CreateDraftAsync(coordinator, "endeavor", Nomination(t[4]));
        (await SubmitAsync(coordinator, returned)).Dispose();
        (await organizer.SubmitAsync($"/organizer/nominations/{returned}", $"/organizer/nominations/{returned}/return", new Dictionary<string, string> { ["reason"] = string.Join(" ", t) })).Dispose();
        var accepted = await CreateDraftAsync(coordinator, "innovation", Nomination(t[6]));
        (await SubmitAsync(coordinator, accepted)).Dispose();
        (await organizer.PostAsync($"/organizer/nominations/{accepted}", $"/organizer/nominations/{accepted}/accept")).Dispose();

        // A judge's comment on the accepted nomination.
        var round = factory.WithDb(db =>
        {
            var track = db.Tracks.Include(x => x.Criteria).Include(x => x.Rounds).Single(x => x.Code == "innovation");
            var first = track.Rounds.OrderBy(r => r.Sequence).First();
            var assignment = new JudgeAssignment(first.Id, db.Entries.Single(e => e.Code == accepted).Id, db.Users.Single(u => u.Email == "judge.huang@demo.example").Id, DateTime.UtcNow);
            db.Assignments.Add(assignment);
            var criteria = track.Criteria.ToList();
            assignment.ScoreOrNew().Record(criteria, criteria.ToDictionary(c => c.Id, _ => (decimal?)80), string.Join(" ", t), submit: true, expectedVersion: 0, first, DateTime.UtcNow);
            db.SaveChanges();
            return first.Id;
        });

        // The public notice for the help-story theme, an objection to it, and its resolution.
        Judged.Score(factory, "help-story", [90, 90, 90], [80, 80, 80], [70, 70, 70]);
        var helpRound = factory.WithDb(db => db.Rounds.Where(r => db.Tracks.Any(x => x.Id == r.TrackId && x.Code == "help-story")).OrderBy(r => r.Sequence).First().Id);
        var page = "/organizer/results/help-story";
        (await organizer.SubmitAsync(page, page + "/settings", new Dictionary<string, string> { ["method"] = "RawMean", ["minimum"] = "", ["round"] = helpRound.ToString(System.Globalization.CultureInfo.InvariantCulture), ["quota1"] = "1", ["quota2"] = "1", ["quota3"] = "1", ["quota4"] = "0", ["levels"] = Judged.LevelsStamp(factory, "help-story") })).Dispose();
        await Judged.CloseFirstRoundAsync(factory, organizer, "help-story");
        (await organizer.SubmitAsync(page, page + "/publish", new Dictionary<string, string> { ["days"] = "7" })).Dispose();
        using (var objected = await new Browser(factory).SubmitAsync("/notice", "/notice/objections", new Dictionary<string, string> { ["Track"] = "help-story", ["Entry"] = "", ["Name"] = t[0], ["Contact"] = t[1], ["Text"] = string.Join(" ", t) }))
        {
            Assert.Equal(HttpStatusCode.Redirect, objected.StatusCode);
        }

        var objection = factory.WithDb(db => db.Objections.Single().Id).ToString(System.Globalization.CultureInfo.InvariantCulture);
        (await organizer.SubmitAsync("/organizer/results/objections", $"/organizer/results/objections/{objection}/resolve", new Dictionary<string, string> { ["outcome"] = "PartlyUpheld", ["resolution"] = string.Join(" ", t) })).Dispose();
        Assert.NotNull(factory.WithDb(db => db.Objections.Single().Resolution));

        var token = factory.WithDb(db => db.Attachments.Single(a => a.Entry.Code == nomination).Token);
        return new()
        {
            ["essay"] = essay,
            ["disqualified"] = disqualified,
            ["nomination"] = nomination,
            ["returned"] = returned,
            ["accepted"] = accepted,
            ["token"] = token,
            ["round"] = round.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["helpRound"] = helpRound.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["objection"] = objection,
            ["reference"] = factory.WithDb(db => db.Objections.Single().Reference),
        };
    }
}
