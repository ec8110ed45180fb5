using System.Net;
using Awards.Core.Results;
using Awards.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Awards.Web.Tests.Features.Results;

/// <summary>
/// One award from scores to final results: a tie at a prize boundary blocks publishing until the
/// organizer decides it, the notice and its objections, finalizing, the freeze, and what authors
/// and the public then see.
/// </summary>
public sealed class ResultsLifecycleTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    private const string Page = "/organizer/results/help-story";

    [Fact]
    public async Task ATieAtTheBoundary_BlocksPublishing_ThenNotice_Objections_Finalize_AndTheFreeze()
    {
        // zhang 90, li 80, wu 80: with one first and one second prize, li and wu tie across the last boundary.
        var codes = Judged.Score(factory, "help-story", [90, 90, 90], [80, 80, 80], [80, 80, 80]);
        var (zhang, li, wu) = (codes[0], codes[1], codes[2]);
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        var round = factory.WithDb(db => db.Rounds.Where(r => db.Tracks.Any(t => t.Id == r.TrackId && t.Code == "help-story")).OrderBy(r => r.Sequence).First().Id);
        (await organizer.SubmitAsync(Page, Page + "/settings", Settings(round, first: 1, second: 1, Judged.LevelsStamp(factory, "help-story")))).Dispose();

        var page = await organizer.GetStringAsync(Page);
        Assert.Contains("data-testid=\"boundary-ties\"", page, StringComparison.Ordinal);
        Assert.Equal("一等奖", LevelOf(page, zhang));

        using (var refused = await organizer.SubmitAsync(Page, Page + "/publish", new Dictionary<string, string> { ["days"] = "7" }))
        {
            Assert.Contains("尚未决定", await organizer.GetStringAsync(Page), StringComparison.Ordinal);
        }

        Assert.Equal(ResultStage.Draft, Stage());
        Assert.Equal(0, factory.WithDb(db => db.Placements.Count()));

        // The organizer decides: wu before li.
        (await organizer.SubmitAsync(Page, Page + "/tie", new Dictionary<string, string> { ["place"] = "2", ["order"] = wu })).Dispose();
        using (var incomplete = await organizer.SubmitAsync(Page, Page + "/tie", new Dictionary<string, string> { ["place"] = "2", ["order"] = wu }))
        {
            Assert.Contains("每件并列作品", await organizer.GetStringAsync(Page), StringComparison.Ordinal);
        }

        var token = await organizer.TokenFromAsync(Page);
        (await organizer.Client.PostAsync(Page + "/tie", new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("place", "2"), new("order", wu), new("order", li)]))).Dispose();
        page = await organizer.GetStringAsync(Page);
        Assert.DoesNotContain("data-testid=\"boundary-ties\"", page, StringComparison.Ordinal);
        Assert.Equal("二等奖", LevelOf(page, wu));
        Assert.Equal(string.Empty, LevelOf(page, li));

        // Publishing waits for the round to close: its scores could still change.
        (await organizer.SubmitAsync(Page, Page + "/publish", new Dictionary<string, string> { ["days"] = "7" })).Dispose();
        Assert.Contains("请先结束本轮评审", await organizer.GetStringAsync(Page), StringComparison.Ordinal);
        await Judged.CloseFirstRoundAsync(factory, organizer, "help-story");
        using (var published = await organizer.SubmitAsync(Page, Page + "/publish", new Dictionary<string, string> { ["days"] = "7" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        }

        Assert.Equal(ResultStage.Notice, Stage());

        // The public notice names the winners, not the others.
        var visitor = new Browser(factory);
        var notice = await visitor.GetStringAsync("/notice");
        Assert.Contains(zhang, notice, StringComparison.Ordinal);
        Assert.Contains(wu, notice, StringComparison.Ordinal);
        Assert.DoesNotContain(li, notice, StringComparison.Ordinal);
        Assert.Contains("一等奖", notice, StringComparison.Ordinal);
        var ranked = factory.WithDb(db => db.Placements.OrderBy(p => p.Position).Select(p => new { p.EntryId, p.Position, p.LevelRank }).ToList());
        Assert.Equal(3, ranked.Count);

        // Withdrawn, the notice is empty and the placements are gone; published again, they are back.
        using (var withdrawn = await organizer.PostAsync(Page, Page + "/withdraw"))
        {
            Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        }

        Assert.Equal(ResultStage.Draft, Stage());
        Assert.Equal(0, factory.WithDb(db => db.Placements.Count()));
        Assert.DoesNotContain(zhang, await visitor.GetStringAsync("/notice"), StringComparison.Ordinal);
        (await organizer.SubmitAsync(Page, Page + "/publish", new Dictionary<string, string> { ["days"] = "7" })).Dispose();
        Assert.Equal(ResultStage.Notice, Stage());
        Assert.Equal(ranked, factory.WithDb(db => db.Placements.OrderBy(p => p.Position).Select(p => new { p.EntryId, p.Position, p.LevelRank }).ToList()));
        Assert.Contains(zhang, await visitor.GetStringAsync("/notice"), StringComparison.Ordinal);

        // An objection; a bad one changes nothing; too many from one address are refused.
        // Each empty field is named in a sentence of its own, in Chinese and in English.
        var empty = new Dictionary<string, string> { ["Track"] = "", ["Entry"] = "", ["Name"] = "", ["Contact"] = "", ["Text"] = "" };
        using (var bad = await visitor.SubmitAsync("/notice", "/notice/objections", empty))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            var html = await bad.Content.ReadAsStringAsync();
            foreach (var message in new[] { "请选择异议涉及的奖项。", "请输入您的姓名。", "请输入您的电话或电子邮箱。", "请填写异议内容。" })
            {
                Assert.Contains(message, html, StringComparison.Ordinal);
            }
        }

        using (var bad = await visitor.SubmitAsync("/notice", "/notice/objections?culture=en", empty))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            var html = System.Net.WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
            foreach (var message in new[] { "Please choose the award your objection is about.", "Please enter your name.", "Please enter your phone number or e-mail address.", "Please write your objection." })
            {
                Assert.Contains(message, html, StringComparison.Ordinal);
            }

            Assert.DoesNotContain("Please enter Your name.", html, StringComparison.Ordinal);
        }

        // A code that is not on the notice is refused too: the organizer could not find what it is about.
        var notListed = Objection();
        notListed["Entry"] = "zzzz-zzzz";
        using (var unknown = await visitor.SubmitAsync("/notice", "/notice/objections", notListed))
        {
            Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
            Assert.Contains("编号 ZZZZ-ZZZZ 不在", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(0, factory.WithDb(db => db.Objections.Count()));
        var listed = Objection();
        listed["Entry"] = zhang.ToLowerInvariant();
        (await visitor.SubmitAsync("/notice", "/notice/objections", listed)).Dispose();
        Assert.Equal(1, factory.WithDb(db => db.Objections.Count()));
        var statuses = new List<HttpStatusCode>();
        var refusal = string.Empty;
        for (var i = 0; i < 5; i++)
        {
            using var more = await visitor.SubmitAsync("/notice", "/notice/objections", Objection());
            statuses.Add(more.StatusCode);
            if (more.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refusal = await more.Content.ReadAsStringAsync();
            }
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);

        // The refusal is a page of the site that says how long to wait and leads back to the notice.
        Assert.Contains("您的地址提交异议过于频繁，请一小时后再试。", refusal, StringComparison.Ordinal);
        Assert.Contains("href=\"/notice\"", refusal, StringComparison.Ordinal);
        var objections = factory.WithDb(db => db.Objections.Count());
        Assert.True(objections < 6, $"{objections} objections got through the limit");
        Assert.Contains("名额有异议", await organizer.GetStringAsync("/organizer/results/objections"), StringComparison.Ordinal);

        // Finalizing waits for the end of the notice period, then for every objection to be resolved.
        (await organizer.PostAsync(Page, Page + "/finalize")).Dispose();
        var ends = factory.WithDb(db => db.TrackResults.Single(r => db.Tracks.Any(t => t.Id == r.TrackId && t.Code == "help-story")).NoticeEndsAt!.Value);
        var local = new DateTimeOffset(DateTime.SpecifyKind(ends, DateTimeKind.Utc)).ToOffset(TimeSpan.FromHours(8));
        var onNotice = await organizer.GetStringAsync(Page);
        Assert.Contains($"公示期至{local:yyyy年M月d日 HH:mm}（北京时间）结束", onNotice, StringComparison.Ordinal);

        // Finalizing and going back to a draft ask first: both change what the public sees.
        var actions = onNotice[onNotice.IndexOf("data-testid=\"notice-actions\"", StringComparison.Ordinal)..];
        Assert.Matches("action=\"/organizer/results/help-story/finalize\"[^<]*<button[^>]*data-confirm=\"确定对[^\"]*定稿后奖项即为最终结果", actions);
        Assert.Matches("action=\"/organizer/results/help-story/withdraw\"[^<]*<button[^>]*data-confirm=\"确定撤回[^\"]*拟获奖公示", actions);
        factory.Clock.Offset = TimeSpan.FromDays(8);
        (await organizer.PostAsync(Page, Page + "/finalize")).Dispose();
        Assert.Contains("条异议未处理", await organizer.GetStringAsync(Page), StringComparison.Ordinal);
        foreach (var id in factory.WithDb(db => db.Objections.Select(o => o.Id).ToList()))
        {
            (await organizer.SubmitAsync("/organizer/results/objections", $"/organizer/results/objections/{id}/resolve", new Dictionary<string, string> { ["outcome"] = "Dismissed", ["resolution"] = "经核实，评审过程符合规定，维持原结果。" })).Dispose();
        }

        (await organizer.PostAsync(Page, Page + "/finalize")).Dispose();
        Assert.Equal(ResultStage.Final, Stage());

        // Frozen: nothing changes any more.
        var placements = factory.WithDb(db => db.Placements.OrderBy(p => p.Position).Select(p => new { p.EntryId, p.LevelRank }).ToList());
        (await organizer.SubmitAsync(Page, Page + "/settings", Settings(round, first: 3, second: 0, Judged.LevelsStamp(factory, "help-story")))).Dispose();
        Assert.Contains("结果已确定", await organizer.GetStringAsync(Page), StringComparison.Ordinal);
        (await organizer.SubmitAsync(Page, Page + "/override", new Dictionary<string, string> { ["entry"] = li, ["level"] = "1", ["reason"] = "复核后调整", ["levels"] = Judged.LevelsStamp(factory, "help-story") })).Dispose();
        (await organizer.PostAsync(Page, Page + "/withdraw")).Dispose();
        Assert.Equal(ResultStage.Final, Stage());
        Assert.Equal(0, factory.WithDb(db => db.ResultOverrides.Count()));
        Assert.Equal(1, factory.WithDb(db => db.AwardLevels.Single(l => l.Rank == 1 && db.Tracks.Any(t => t.Id == l.TrackId && t.Code == "help-story")).Quota));
        Assert.Equal(placements, factory.WithDb(db => db.Placements.OrderBy(p => p.Position).Select(p => new { p.EntryId, p.LevelRank }).ToList()));

        // The author sees the prize; the winning essay is public, the others are not.
        var author = await Nominating.SignedInAsync(factory, "author.zhang@demo.example");
        Assert.Contains("一等奖", await author.GetStringAsync("/author"), StringComparison.Ordinal);
        Assert.Contains(zhang, await visitor.GetStringAsync("/results"), StringComparison.Ordinal);
        Assert.Contains("data-testid=\"essay-text\"", await visitor.GetStringAsync($"/results/essays/{zhang}"), StringComparison.Ordinal);
        using var hidden = await visitor.Client.GetAsync($"/results/essays/{li}");
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);

        // The Outstanding Organization Award counts the prizes by unit; at most its quota of units.
        var unitPage = await organizer.GetStringAsync("/organizer/results/outstanding-organization");
        Assert.Contains("data-testid=\"unit-standings\"", unitPage, StringComparison.Ordinal);
        Assert.Contains("各奖级计分：一等奖 4 分 · 二等奖 3 分 · 三等奖 2 分 · 优秀奖 1 分", unitPage, StringComparison.Ordinal);
        var units = factory.WithDb(db => db.Units.Select(u => u.Id).Take(6).ToList());
        var picks = await organizer.TokenFromAsync("/organizer/results/outstanding-organization");
        (await organizer.Client.PostAsync("/organizer/results/outstanding-organization/picks", new FormUrlEncodedContent(units.Select(u => new KeyValuePair<string, string>("units", u.ToString(System.Globalization.CultureInfo.InvariantCulture))).Append(new("reason", "按组织发动情况综合评定。")).Append(new("__RequestVerificationToken", picks))))).Dispose();
        Assert.Contains("最多选择 5 个单位", await organizer.GetStringAsync("/organizer/results/outstanding-organization"), StringComparison.Ordinal);
        picks = await organizer.TokenFromAsync("/organizer/results/outstanding-organization");
        (await organizer.Client.PostAsync("/organizer/results/outstanding-organization/picks", new FormUrlEncodedContent(units.Take(2).Select(u => new KeyValuePair<string, string>("units", u.ToString(System.Globalization.CultureInfo.InvariantCulture))).Append(new("reason", "按组织发动情况综合评定。")).Append(new("__RequestVerificationToken", picks))))).Dispose();
        (await organizer.SubmitAsync("/organizer/results/outstanding-organization", "/organizer/results/outstanding-organization/publish", new Dictionary<string, string> { ["days"] = "7" })).Dispose();
        Assert.Contains("data-testid=\"notice-outstanding-organization\"", await visitor.GetStringAsync("/notice"), StringComparison.Ordinal);
        // The notice lists the two picked units in prize order: the prize and the unit's name, no code or author.
        var expected = factory.WithDb(db =>
        {
            var names = db.Units.AsNoTracking().ToDictionary(u => u.Id, u => u.Name.Zh);
            return NoticeRows.Placed(db, "outstanding-organization")
                .Select(w => string.Join(" | ", w.Prize, string.Empty, names[w.UnitId!.Value], string.Empty, names[w.UnitId!.Value]))
                .ToList();
        });
        Assert.Equal(units.Take(2).Order(), factory.WithDb(db => db.Placements.Where(pl => pl.UnitId != null && pl.LevelRank != null).Select(pl => pl.UnitId!.Value).ToList()).Order());
        Assert.Equal(expected, NoticeRows.Of(await visitor.GetStringAsync("/notice"), "outstanding-organization"));
    }

    private static Dictionary<string, string> Settings(int round, int first, int second, string levels) => new()
    {
        ["method"] = "RawMean",
        ["minimum"] = "",
        ["round"] = round.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["quota1"] = first.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["quota2"] = second.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["quota3"] = "0",
        ["quota4"] = "0",
        ["levels"] = levels,
    };

    private static Dictionary<string, string> Objection(string text = "我对该作品的获奖名额有异议，请核实其原创性。") => new()
    {
        ["Track"] = "help-story",
        ["Entry"] = "",
        ["Name"] = "王明",
        ["Contact"] = "13800001111",
        ["Text"] = text,
    };

    /// <summary>The prize shown in the ranking row of an entry.</summary>
    private static string LevelOf(string page, string code)
    {
        var row = System.Text.RegularExpressions.Regex.Match(page, $"<tr data-code=\"{code}\"[\\s\\S]*?</tr>");
        Assert.True(row.Success, $"{code} is not in the ranking");
        var level = System.Text.RegularExpressions.Regex.Match(row.Value, "data-testid=\"level\">([^<]*)");
        return level.Groups[1].Value.Trim();
    }

    private ResultStage Stage() =>
        factory.WithDb(db => db.TrackResults.Where(r => db.Tracks.Any(t => t.Id == r.TrackId && t.Code == "help-story")).Select(r => r.Stage).SingleOrDefault());
}
