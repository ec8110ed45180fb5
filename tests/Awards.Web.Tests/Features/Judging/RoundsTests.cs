using Awards.Web.Features.Judging;
using Awards.Web.Features.Scoring;
using Awards.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Awards.Web.Tests.Features.Judging;

/// <summary>Disagreement between judges, an added judge, closing a round, and the shortlist that starts the final round.</summary>
public sealed class RoundsTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    private static readonly List<string> Panel = ["judge.huang@demo.example", "judge.lin@demo.example", "judge.gao@demo.example", "judge.zheng@demo.example", "judge.qian@demo.example"];

    [Fact]
    public async Task ADisputedEntry_GetsAnotherJudge_AndTheClosedRoundsShortlistGoesToTheFinalPanel()
    {
        var (first, final) = factory.WithDb(db =>
        {
            var track = db.Tracks.Single(t => t.Code == "journey");
            var rounds = db.Rounds.Where(r => r.TrackId == track.Id).OrderBy(r => r.Sequence).ToList();
            return (rounds[0].Id, rounds[1].Id);
        });
        var judgeIds = factory.WithDb(db => db.Users.Where(u => Panel.Contains(u.Email!)).Select(u => u.Id).ToList());
        await InScopeAsync(async s =>
        {
            var setup = s.GetRequiredService<JudgingSetup>();
            await setup.SetPanelAsync(first, judgeIds, default);
            await setup.ApplyAsync(first, seed: 7, default);
            await setup.SetPanelAsync(final, judgeIds, default);
        });

        // Every judge scores: one judge far more harshly than the others.
        var harsh = judgeIds[0];
        var criteria = factory.WithDb(db => db.RubricCriteria.Where(c => db.Tracks.Any(t => t.Id == c.TrackId && t.Code == "journey")).ToList());
        var work = factory.WithDb(db => db.Assignments.Where(a => a.RoundId == first).Select(a => new { a.JudgeUserId, Code = db.Entries.Where(e => e.Id == a.EntryId).Select(e => e.Code).First() }).ToList());
        foreach (var w in work)
        {
            var value = w.JudgeUserId == harsh ? 40m : 90m;
            await InScopeAsync(s => s.GetRequiredService<JudgeWork>().SaveAsync(w.JudgeUserId, first, w.Code, criteria.ToDictionary(c => c.Id, _ => (decimal?)value), null, submit: true, version: 0, default));
        }

        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        var page = await organizer.GetStringAsync($"/organizer/judging/{first}");
        Assert.Contains("评委评分相差超过 20 分", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"severity-chart\"", page, StringComparison.Ordinal);
        Assert.Contains("偏严", page, StringComparison.Ordinal);
        Assert.Contains("离散度", page, StringComparison.Ordinal);
        // The disputed entries are exactly the harsh judge's, each with its three totals.
        var table = page[page.IndexOf("data-testid=\"disputed\"", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("</table>", StringComparison.Ordinal)];
        var listed = System.Text.RegularExpressions.Regex.Matches(table, "<td><code>([A-Z0-9-]+)</code></td>\\s*<td class=\"small\">([^<]*)</td>")
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        Assert.Equal(work.Where(w => w.JudgeUserId == harsh).Select(w => w.Code).Order(StringComparer.Ordinal), listed.Keys.Order(StringComparer.Ordinal));
        Assert.All(listed.Values, totals => Assert.Equal(["40", "90", "90"], totals.Split(" · ").Select(t => decimal.Parse(t, System.Globalization.CultureInfo.InvariantCulture).ToString("0", System.Globalization.CultureInfo.InvariantCulture)).Order()));
        // Each total with two decimals, and the table has column headers (A11Y-4).
        Assert.All(listed.Values, totals => Assert.Equal(["40.00", "90.00", "90.00"], totals.Split(" · ").Order(StringComparer.Ordinal)));
        Assert.Contains("<thead><tr><th scope=\"col\">作品编号</th><th scope=\"col\">各评委总分</th>", table, StringComparison.Ordinal);
        var disputed = work.First(w => w.JudgeUserId == harsh).Code;
        var before = factory.WithDb(db => db.Assignments.Count(a => a.RoundId == first && db.Entries.Any(e => e.Id == a.EntryId && e.Code == disputed)));

        (await organizer.PostAsync($"/organizer/judging/{first}", $"/organizer/judging/{first}/entries/{disputed}/add-judge")).Dispose();
        Assert.Equal(before + 1, factory.WithDb(db => db.Assignments.Count(a => a.RoundId == first && db.Entries.Any(e => e.Id == a.EntryId && e.Code == disputed))));

        // The final round waits for the first to close: its preview cannot be confirmed, and a confirmation posted anyway is refused.
        Assert.Contains("请先结束上一轮评审", await organizer.GetStringAsync($"/organizer/judging/{final}"), StringComparison.Ordinal);
        var early = await organizer.GetStringAsync($"/organizer/judging/{final}/shortlist?seed=3");
        Assert.DoesNotContain("data-testid=\"confirm-shortlist\"", early, StringComparison.Ordinal);
        (await organizer.SubmitAsync($"/organizer/judging/{final}/shortlist?seed=3", $"/organizer/judging/{final}/shortlist", new Dictionary<string, string> { ["seed"] = "3", ["stamp"] = "x", ["incomplete"] = "true" })).Dispose();
        Assert.Contains("请先结束上一轮评审", await organizer.GetStringAsync($"/organizer/judging/{final}/shortlist?seed=3"), StringComparison.Ordinal);
        Assert.Equal(0, factory.WithDb(db => db.Assignments.Count(a => a.RoundId == final)));

        (await organizer.PostAsync($"/organizer/judging/{first}", $"/organizer/judging/{first}/close")).Dispose();
        var refused = await Assert.ThrowsAsync<Core.Common.DomainException>(() => InScopeAsync(s => s.GetRequiredService<JudgeWork>().SaveAsync(work[0].JudgeUserId, first, work[0].Code, criteria.ToDictionary(c => c.Id, _ => (decimal?)50m), null, true, 1, default)));
        Assert.Equal("This round is already closed.", refused.MessageKey);

        // The entry that got a judge added has a score fewer than judges: the organizer says they saw it.
        var preview = await organizer.GetStringAsync($"/organizer/judging/{final}/shortlist?seed=3");
        Assert.Contains($"{disputed} (3/4)", preview, StringComparison.Ordinal);
        var fields = FormFields.Read(preview, "confirm-shortlist");
        fields["incomplete"] = "true";
        (await organizer.SubmitAsync($"/organizer/judging/{final}/shortlist?seed=3", $"/organizer/judging/{final}/shortlist", fields)).Dispose();

        // journey: shortlist 30% of the scored entries, rounded up, ties included; with k = 5 and a
        // panel of 5, every eligible panel judge on each.
        var shortlisted = factory.WithDb(db => db.Assignments.Where(a => a.RoundId == final).Select(a => a.EntryId).Distinct().Count());
        var scored = work.Select(w => w.Code).Distinct().Count();
        Assert.InRange(shortlisted, (int)Math.Ceiling(scored * 0.3), scored);
        var units = factory.WithDb(db => db.Assignments.Where(a => a.RoundId == final).Select(a => new
        {
            Judge = db.Users.Where(u => u.Id == a.JudgeUserId).Select(u => u.UnitId).First(),
            Entry = db.Entries.Where(e => e.Id == a.EntryId).Select(e => e.UnitId).First(),
        }).ToList());
        Assert.DoesNotContain(units, u => u.Judge == u.Entry);

        Assert.Contains($"{shortlisted} 件作品入围，已分配给评审组。", await organizer.GetStringAsync($"/organizer/judging/{final}"), StringComparison.Ordinal);
        var assigned = factory.WithDb(db => db.Assignments.Count(a => a.RoundId == final));
        var eligible = factory.WithDb(db =>
        {
            var entryUnits = db.Assignments.Where(a => a.RoundId == final).Select(a => a.EntryId).Distinct().Select(id => db.Entries.Where(e => e.Id == id).Select(e => e.UnitId).First()).ToList();
            var judgeUnits = db.Users.Where(u => judgeIds.Contains(u.Id)).Select(u => u.UnitId).ToList();
            return entryUnits.Sum(unit => judgeUnits.Count(j => j != unit));
        });
        Assert.Equal(eligible, assigned);

        // A second confirmation is refused and adds nothing.
        using (var again = await organizer.SubmitAsync($"/organizer/judging/{final}/shortlist?seed=3", $"/organizer/judging/{final}/shortlist", fields))
        {
            Assert.Equal(System.Net.HttpStatusCode.Redirect, again.StatusCode);
        }

        Assert.Equal(assigned, factory.WithDb(db => db.Assignments.Count(a => a.RoundId == final)));
    }

    [Fact]
    public async Task TheOrganizer_ChangesAnEntrysJudgesByHand_WithinTheRules()
    {
        var round = factory.WithDb(db => db.Rounds.Single(r => r.Sequence == 1 && db.Tracks.Any(t => t.Id == r.TrackId && t.Code == "help-story")).Id);
        var judgeIds = factory.WithDb(db => db.Users.Where(u => Panel.Contains(u.Email!)).Select(u => u.Id).ToList());
        await InScopeAsync(async s =>
        {
            var setup = s.GetRequiredService<JudgingSetup>();
            await setup.SetPanelAsync(round, judgeIds, default);
            await setup.ApplyAsync(round, seed: 11, default);
        });
        var pick = factory.WithDb(db => db.Assignments.Where(a => a.RoundId == round).OrderBy(a => a.Id)
            .Select(a => new { a.JudgeUserId, a.EntryId, Code = db.Entries.Where(e => e.Id == a.EntryId).Select(e => e.Code).First(), Unit = db.Entries.Where(e => e.Id == a.EntryId).Select(e => e.UnitId).First() })
            .First());
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        var page = await organizer.GetStringAsync($"/organizer/judging/{round}?entry={pick.Code}");
        Assert.Contains("data-testid=\"entry-judges\"", page, StringComparison.Ordinal);

        (await organizer.SubmitAsync($"/organizer/judging/{round}?entry={pick.Code}", $"/organizer/judging/{round}/entries/{pick.Code}/unassign", new Dictionary<string, string> { ["judge"] = pick.JudgeUserId.ToString(System.Globalization.CultureInfo.InvariantCulture) })).Dispose();
        Assert.False(factory.WithDb(db => db.Assignments.Any(a => a.RoundId == round && a.EntryId == pick.EntryId && a.JudgeUserId == pick.JudgeUserId)));

        // A judge of the entry's own unit is refused; an eligible one is added.
        var sameUnit = factory.WithDb(db => db.Users.Where(u => u.UnitId == pick.Unit).Select(u => u.Id).FirstOrDefault());
        if (sameUnit != 0 && judgeIds.Contains(sameUnit))
        {
            (await organizer.SubmitAsync($"/organizer/judging/{round}?entry={pick.Code}", $"/organizer/judging/{round}/entries/{pick.Code}/assign", new Dictionary<string, string> { ["judge"] = sameUnit.ToString(System.Globalization.CultureInfo.InvariantCulture) })).Dispose();
            Assert.False(factory.WithDb(db => db.Assignments.Any(a => a.RoundId == round && a.EntryId == pick.EntryId && a.JudgeUserId == sameUnit)));
        }

        (await organizer.SubmitAsync($"/organizer/judging/{round}?entry={pick.Code}", $"/organizer/judging/{round}/entries/{pick.Code}/assign", new Dictionary<string, string> { ["judge"] = pick.JudgeUserId.ToString(System.Globalization.CultureInfo.InvariantCulture) })).Dispose();
        Assert.True(factory.WithDb(db => db.Assignments.Any(a => a.RoundId == round && a.EntryId == pick.EntryId && a.JudgeUserId == pick.JudgeUserId)));
        Assert.Equal(2, factory.WithDb(db => db.AuditLog.Count(a => a.EntityKey == pick.Code && a.Action.EndsWith("by hand"))));
    }

    [Fact]
    public async Task NoJudgePage_NamesTheNomineeOrTheNominatingUnit_OnABlindAward()
    {
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        var code = factory.WithDb(db => db.Entries.Single(e => e.Track.Code == "innovation" && e.Status == Core.Entries.EntryStatus.Submitted).Code);
        (await organizer.PostAsync($"/organizer/nominations/{code}", $"/organizer/nominations/{code}/accept")).Dispose();
        var round = factory.WithDb(db => db.Rounds.Single(r => r.Sequence == 1 && db.Tracks.Any(t => t.Id == r.TrackId && t.Code == "innovation")).Id);
        var judgeIds = factory.WithDb(db => db.Users.Where(u => Panel.Contains(u.Email!)).Select(u => u.Id).ToList());
        await InScopeAsync(async s =>
        {
            var setup = s.GetRequiredService<JudgingSetup>();
            await setup.SetPanelAsync(round, judgeIds, default);
            await setup.ApplyAsync(round, seed: 5, default);
        });

        var seen = 0;
        foreach (var email in Panel)
        {
            var judge = await Nominating.SignedInAsync(factory, email);
            using var entry = await judge.Client.GetAsync($"/judge/rounds/{round}/{code}");
            if (entry.StatusCode != System.Net.HttpStatusCode.OK)
            {
                continue;
            }

            seen++;
            foreach (var page in new[] { await entry.Content.ReadAsStringAsync(), await judge.GetStringAsync($"/judge/rounds/{round}"), await judge.GetStringAsync("/judge") })
            {
                // The nominee (blind track), the nominating unit and its coordinator.
                foreach (var secret in new[] { "李秀兰", "秀兰", "青山县", "刘文静", "coordinator.qingshan", "0791-5550101" })
                {
                    Assert.DoesNotContain(secret, page, StringComparison.Ordinal);
                }
            }

            Assert.Contains("扶贫车间", await judge.GetStringAsync($"/judge/rounds/{round}/{code}"), StringComparison.Ordinal);
        }

        Assert.Equal(3, seen);
    }

    private async Task InScopeAsync(Func<IServiceProvider, Task> action)
    {
        using var scope = factory.Services.CreateScope();
        await action(scope.ServiceProvider);
    }
}
