using System.Net;
using Awards.Core.Entries;
using Awards.Web.Infrastructure;
using Awards.Web.Tests.Infrastructure;

namespace Awards.Web.Tests.Features;

/// <summary>
/// The organizer changes one award's or theme's name, description, entry limits, rubric, prize
/// level names and rounds at /organizer/contest/tracks/{code}, and adds or removes an award at
/// /organizer/contest/new-track: the change applies at once (the public page, the limits the server
/// enforces), is kept in the audit log, and a bad, stale or too-late change changes nothing. Each
/// test works on its own tracks, since the class shares one database.
/// </summary>
public sealed class TrackSettingsTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    private static string Page(string code) => $"/organizer/contest/tracks/{code}";

    [Fact]
    public async Task ANewNameAndLongerMinimum_ShowOnThePublicPage_AndAShorterEssayIsRefused_WithTheNewNumbers()
    {
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        Assert.Contains("href=\"/organizer/contest/tracks/journey\"", await organizer.GetStringAsync("/organizer/contest"), StringComparison.Ordinal);
        var author = await Writing.NewAuthorAsync(factory, "track.settings@example.org");
        var draft = await Writing.CreateDraftAsync(author, "journey");
        var length = factory.WithDb(db => db.Entries.Single(e => e.Code == draft).Length);

        var fields = await FieldsAsync(organizer, "journey");
        fields["NameZh"] = "我的脱贫路";
        fields["DescriptionEn"] = "How a family left poverty behind.";
        fields["MinLength"] = (length + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        using (var saved = await organizer.SubmitAsync(Page("journey"), Page("journey"), fields))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        Assert.Contains("我的脱贫路的设置已保存。", await organizer.GetStringAsync(Page("journey")), StringComparison.Ordinal);
        var anonymous = new Browser(factory);
        Assert.Contains("我的脱贫路", await anonymous.GetStringAsync("/tracks/journey"), StringComparison.Ordinal);
        Assert.Contains("How a family left poverty behind.", await anonymous.GetStringAsync("/tracks/journey?culture=en"), StringComparison.Ordinal);

        using (var refused = await Writing.SubmitAsync(author, draft))
        {
            var html = await author.GetStringAsync(refused.Headers.Location?.OriginalString ?? $"/essays/{draft}");
            Assert.Contains($"{length + 1} 至 6000", html, StringComparison.Ordinal);
        }

        Assert.Equal(EntryStatus.Draft, factory.WithDb(db => db.Entries.Single(e => e.Code == draft).Status));
        var audit = factory.WithDb(db => db.AuditLog.Single(a => a.Action == "EditTrack" && a.EntityKey == "journey"));
        Assert.Contains("1000–6000 characters", audit.Before, StringComparison.Ordinal);
        Assert.Contains($"{length + 1}–6000 characters", audit.After, StringComparison.Ordinal);
        Assert.Contains("修改奖项设置", await organizer.GetStringAsync("/organizer/audit"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheHeading_PutsTheWordSettings_BeforeTheName_WithoutASecondColon()
    {
        // The themes' names have a colon of their own ("征文：我的帮扶故事"). Another test here renames the
        // theme in English, so its English name is read as it is now.
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        var zh = await organizer.GetStringAsync(Page("help-story"));
        Assert.Contains("<h1 class=\"h3\">奖项设置——征文：我的帮扶故事</h1>", zh, StringComparison.Ordinal);
        Assert.Contains("<title>奖项设置——征文：我的帮扶故事", zh, StringComparison.Ordinal);
        var english = factory.WithDb(db => db.Tracks.Single(t => t.Code == "help-story").Name.En);
        Assert.Contains($"<h1 class=\"h3\">Settings — {english}</h1>", WebUtility.HtmlDecode(await organizer.GetStringAsync(Page("help-story") + "?culture=en")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALowerPerUnitLimit_CountsTheEntriesAlreadySubmitted_AndNoLimitLetsTheUnitSubmitMore()
    {
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        var coordinator = await Nominating.SignedInAsync(factory, "coordinator.qingshan@demo.example");
        // The demo's Qingshan has one innovation nomination submitted; with a limit of one it is full.
        var second = await Nominating.CreateDraftAsync(coordinator, "innovation", Nominating.Person(title: "第二项推荐"));
        await SaveAsync(organizer, "innovation", f => f["PerUnit"] = "1");
        await AssertRefusedAsync(coordinator, second, "该奖项（主题）每个单位最多提交 1 项，本单位已达上限");

        // No limit: the second goes in.
        await SaveAsync(organizer, "innovation", f => f["PerUnit"] = string.Empty);
        (await Nominating.SubmitAsync(coordinator, second)).Dispose();
        Assert.Equal(EntryStatus.Submitted, Status(second));

        // A limit of one again: the two stay, the organizer is told, and a third is refused.
        var message = await SaveAsync(organizer, "innovation", f => f["PerUnit"] = "1");
        Assert.Contains("已有 1 个单位或账号的报送数超过新的限额", message, StringComparison.Ordinal);
        using (var refused = await coordinator.Client.GetAsync("/nominations/new/innovation"))
        {
            // A third is refused before it is written.
            Assert.Equal("/coordinator", refused.Headers.Location?.OriginalString);
        }

        Assert.Contains("该奖项（主题）每个单位最多提交 1 项，本单位已达上限", await coordinator.GetStringAsync("/coordinator"), StringComparison.Ordinal);
        Assert.Equal([EntryStatus.Submitted, EntryStatus.Submitted], factory.WithDb(db => db.Entries.Where(e => e.Track.Code == "innovation" && e.UnitId == db.Units.Single(u => u.Code == "qingshan").Id).Select(e => e.Status).ToList()));

        // Three: there is room for the third.
        await SaveAsync(organizer, "innovation", f => f["PerUnit"] = "3");
        var third = await Nominating.CreateDraftAsync(coordinator, "innovation", Nominating.Person(title: "第三项推荐"));
        (await Nominating.SubmitAsync(coordinator, third)).Dispose();
        Assert.Equal(EntryStatus.Submitted, Status(third));
        // The dashboard reads the limit from the cached contest, which the change of a limit alone moves on.
        Assert.Contains("3 / 3", await coordinator.GetStringAsync("/coordinator"), StringComparison.Ordinal);
        Assert.Equal([1, 2, 3], factory.WithDb(db => db.Entries.Where(e => e.Track.Code == "innovation" && e.UnitId == db.Units.Single(u => u.Code == "qingshan").Id).Select(e => e.UnitSlot ?? 0).OrderBy(s => s).ToList()));
    }

    [Fact]
    public async Task APerAuthorLimitRaisedToTwo_LetsAnAuthorSubmitASecondEssay_AndLoweredAgainKeepsBoth()
    {
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        var author = await Writing.NewAuthorAsync(factory, "two.essays@example.org");
        var first = await Writing.CreateDraftAsync(author, "help-story");
        (await Writing.SubmitAsync(author, first)).Dispose();
        Assert.Equal(EntryStatus.Submitted, Status(first));

        await SaveAsync(organizer, "help-story", f => f["PerAuthor"] = "2");
        var second = await Writing.CreateDraftAsync(author, "help-story", Writing.Essay(title: "第二篇帮扶故事"));
        (await Writing.SubmitAsync(author, second)).Dispose();
        Assert.Equal(EntryStatus.Submitted, Status(second));

        var message = await SaveAsync(organizer, "help-story", f => f["PerAuthor"] = "1");
        Assert.Contains("已有 1 个单位或账号的报送数超过新的限额", message, StringComparison.Ordinal);
        Assert.Equal([1, 2], factory.WithDb(db => db.Entries.Where(e => e.Code == first || e.Code == second).Select(e => e.OwnerSlot ?? 0).OrderBy(s => s).ToList()));
    }

    [Fact]
    public async Task OnceAJudgeHasScored_TheWeightsAndRangesAreLocked_ButTheWordingCanChange()
    {
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        Judged.Score(factory, "dedication", [80m]);
        var before = Criteria("dedication");

        var page = await organizer.GetStringAsync(Page("dedication"));
        Assert.Contains("data-testid=\"rubric-locked\"", page, StringComparison.Ordinal);
        var fields = FormFields.Read(page, "track-settings");
        fields["Criteria[0].Weight"] = "0.5";
        fields["Criteria[1].Weight"] = (before[1].Weight + before[0].Weight - 0.5m).ToString(System.Globalization.CultureInfo.InvariantCulture);
        using (var refused = await organizer.Client.PostAsync(Page("dedication"), FormFields.WithToken(fields, await organizer.TokenFromAsync(Page("dedication")))))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("评委已开始为奉献奖评分", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(before, Criteria("dedication"));

        await SaveAsync(organizer, "dedication", f => f["Criteria[0].NameZh"] = "先进事迹（重新命名）");
        Assert.Equal("先进事迹（重新命名）", Criteria("dedication")[0].Name);
        Assert.Equal(before.Select(c => (c.Weight, c.Max)), Criteria("dedication").Select(c => (c.Weight, c.Max)));

        // The scores came with judges assigned in round 1: its judges per entry stay; the shortlist
        // that goes on to the final can still change, as no judge is assigned there yet.
        var roundFields = await FieldsAsync(organizer, "dedication");
        roundFields["Rounds[0].JudgesPerEntry"] = "4";
        using (var refused = await organizer.SubmitAsync(Page("dedication"), Page("dedication"), roundFields))
        {
            Assert.Contains("已分配评委，每件作品的评委人数不能再改", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        await SaveAsync(organizer, "dedication", f =>
        {
            f["Rounds[0].ShortlistTop"] = string.Empty;
            f["Rounds[0].ShortlistPercent"] = "25";
        });
        Assert.Equal((3, (int?)null, (decimal?)25m), factory.WithDb(db => db.Rounds.Where(r => r.TrackId == db.Tracks.Single(t => t.Code == "dedication").Id && r.Sequence == 1).Select(r => new { r.JudgesPerEntry, r.ShortlistTop, r.ShortlistPercent }).AsEnumerable().Select(r => (r.JudgesPerEntry, r.ShortlistTop, r.ShortlistPercent)).Single()));
        Assert.Contains("前 25% 的作品入围", await organizer.GetStringAsync($"/organizer/judging/{factory.WithDb(db => db.Rounds.Single(r => r.TrackId == db.Tracks.Single(t => t.Code == "dedication").Id && r.Sequence == 2).Id)}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BeforeAnyScore_NewWeightsAndRanges_ReachTheRubric_AndWeightsThatDoNotAddUpAreRefused()
    {
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        var before = Criteria("contribution");
        var page = await organizer.GetStringAsync(Page("contribution"));
        Assert.DoesNotContain("data-testid=\"rubric-locked\"", page, StringComparison.Ordinal);
        var fields = FormFields.Read(page, "track-settings");

        fields["Criteria[0].Weight"] = (before[0].Weight + 0.1m).ToString(System.Globalization.CultureInfo.InvariantCulture);
        using (var refused = await organizer.Client.PostAsync(Page("contribution"), FormFields.WithToken(fields, await organizer.TokenFromAsync(Page("contribution")))))
        {
            Assert.Contains("权重合计为 1.1", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(before, Criteria("contribution"));

        var message = await SaveAsync(organizer, "contribution", f =>
        {
            f["Criteria[0].Weight"] = (before[0].Weight + 0.1m).ToString(System.Globalization.CultureInfo.InvariantCulture);
            f["Criteria[1].Weight"] = (before[1].Weight - 0.1m).ToString(System.Globalization.CultureInfo.InvariantCulture);
            f["Criteria[1].MaxScore"] = (before[1].Max + 10).ToString(System.Globalization.CultureInfo.InvariantCulture);
        });
        Assert.Contains("贡献奖的设置已保存。", message, StringComparison.Ordinal);
        var after = Criteria("contribution");
        Assert.Equal((before[0].Weight + 0.1m, before[1].Weight - 0.1m, before[1].Max + 10), (after[0].Weight, after[1].Weight, after[1].Max));
        string rubric = await new Browser(factory).GetStringAsync("/tracks/contribution");
        Assert.Contains($"<td>{before[1].Min}–{before[1].Max + 10}</td>", rubric, StringComparison.Ordinal);
        Assert.Contains($"<td>{(before[0].Weight + 0.1m) * 100:0}%</td>", rubric, StringComparison.Ordinal);

        // The last criterion out, a new one in with its weight.
        var last = after.Count - 1;
        message = await SaveAsync(organizer, "contribution", f =>
        {
            f[$"Criteria[{last}].Remove"] = "true";
            f[$"Criteria[{after.Count}].Order"] = "0";
            f[$"Criteria[{after.Count}].NameZh"] = "带动示范作用";
            f[$"Criteria[{after.Count}].NameEn"] = "Example to others";
            f[$"Criteria[{after.Count}].Weight"] = after[last].Weight.ToString(System.Globalization.CultureInfo.InvariantCulture);
            f[$"Criteria[{after.Count}].MinScore"] = "0";
            f[$"Criteria[{after.Count}].MaxScore"] = "50";
        });
        Assert.Contains("贡献奖的设置已保存。", message, StringComparison.Ordinal);
        var revised = Criteria("contribution");
        Assert.Equal([.. after.Take(last).Select(c => c.Name), "带动示范作用"], revised.Select(c => c.Name));
        Assert.Equal((after[last].Weight, 0, 50), (revised[^1].Weight, revised[^1].Min, revised[^1].Max));
        rubric = await new Browser(factory).GetStringAsync("/tracks/contribution");
        Assert.Contains("带动示范作用", rubric, StringComparison.Ordinal);
        Assert.DoesNotContain(after[last].Name, rubric, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MistypedNumbers_AndAMinimumAboveTheMaximum_GetMessages_KeepWhatWasTyped_AndChangeNothing()
    {
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        var before = Limits("endeavor");
        var fields = await FieldsAsync(organizer, "endeavor");
        fields["NameZh"] = "奋进奖（新）";
        fields["MinLength"] = "八百";
        fields["PerUnit"] = "0";
        fields["Criteria[0].Weight"] = "三成";
        fields["Rounds[0].ShortlistPercent"] = "百分之三十";
        fields["Rounds[1].JudgesPerEntry"] = "50";
        using (var response = await organizer.SubmitAsync(Page("endeavor"), Page("endeavor"), fields))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains("没有保存：请更正下方标出的内容。", html, StringComparison.Ordinal);
            Assert.Contains("最少字数须为 0 至 100000 之间的整数。", html, StringComparison.Ordinal);
            Assert.Contains("每单位限报须为 1 至 1000 之间的整数。", html, StringComparison.Ordinal);
            Assert.Contains("“三成”不是有效的权重", html, StringComparison.Ordinal);
            Assert.Contains("“百分之三十”不是有效的百分比", html, StringComparison.Ordinal);
            Assert.Contains("每件评委数须为 1 至 20 之间的整数。", html, StringComparison.Ordinal);
            Assert.Contains("value=\"奋进奖（新）\"", html, StringComparison.Ordinal);
        }

        fields = await FieldsAsync(organizer, "endeavor");
        fields["MinLength"] = "6000";
        fields["NameZh"] = " ";
        using (var response = await organizer.SubmitAsync(Page("endeavor"), Page("endeavor"), fields))
        {
            Assert.Contains("请输入中文名称。", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        fields["NameZh"] = "奋进奖";
        using (var response = await organizer.SubmitAsync(Page("endeavor"), Page("endeavor"), fields))
        {
            Assert.Contains("字数限制须满足", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(before, Limits("endeavor"));
        Assert.Equal("奋进奖", factory.WithDb(db => db.Tracks.Single(t => t.Code == "endeavor").Name.Zh));
        Assert.Equal(0, factory.WithDb(db => db.AuditLog.Count(a => a.Action == "EditTrack" && a.EntityKey == "endeavor")));
    }

    [Fact]
    public async Task ASaveFromAPageOpenedBeforeAnotherSave_IsRefused_AndAJudgeOrAnUnknownTrackGetsNothing()
    {
        var first = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        var second = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        var secondFields = await FieldsAsync(second, "help-story");
        await SaveAsync(first, "help-story", f => f["NameEn"] = "Stories of Help");

        // The same values again: nothing to save, and no error.
        Assert.Contains("没有任何改动。", await SaveAsync(first, "help-story", f => f["NameEn"] = "Stories of Help"), StringComparison.Ordinal);

        secondFields["DescriptionZh"] = "另一位组织者的说明";
        using (var stale = await second.SubmitAsync(Page("help-story"), Page("help-story"), secondFields))
        {
            Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
            var html = await stale.Content.ReadAsStringAsync();
            Assert.Contains("此奖项的设置已被他人修改", html, StringComparison.Ordinal);
            Assert.Contains("当前已保存：Stories of Help", html, StringComparison.Ordinal);
            Assert.Contains("另一位组织者的说明", html, StringComparison.Ordinal);
        }

        var track = factory.WithDb(db => db.Tracks.Single(t => t.Code == "help-story"));
        Assert.Equal("Stories of Help", track.Name.En);
        Assert.NotEqual("另一位组织者的说明", track.Description.Zh);

        var judge = await Nominating.SignedInAsync(factory, "judge.huang@demo.example");
        using (var denied = await judge.Client.GetAsync(Page("help-story")))
        {
            Assert.StartsWith("/account/access-denied", denied.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }

        using (var unknown = await first.Client.GetAsync(Page("no-such-track")))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }
    }

    [Fact]
    public async Task TwoOrganizersSavingAtOnce_FromPagesOpenedTogether_OneSaveWins_AndTheOtherIsTold()
    {
        var first = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        var second = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        var a = await FieldsAsync(first, "org-innovation");
        var b = await FieldsAsync(second, "org-innovation");
        var (tokenA, tokenB) = (await first.TokenFromAsync(Page("org-innovation")), await second.TokenFromAsync(Page("org-innovation")));
        a["NameEn"] = "Award A";
        b["NameEn"] = "Award B";

        var responses = await Task.WhenAll(
            first.Client.PostAsync(Page("org-innovation"), FormFields.WithToken(a, tokenA)),
            second.Client.PostAsync(Page("org-innovation"), FormFields.WithToken(b, tokenB)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        var refused = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Contains("此奖项的设置已被他人修改", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var saved = factory.WithDb(db => db.Tracks.Single(t => t.Code == "org-innovation").Name.En);
        Assert.True(saved is "Award A" or "Award B", saved);
        Assert.Equal(1, factory.WithDb(db => db.AuditLog.Count(e => e.Action == "EditTrack" && e.EntityKey == "org-innovation")));
    }

    [Fact]
    public async Task AnOrganizerAddsATheme_SetUpLikeAnother_AnAuthorWritesForIt_AndOnlyAThemeNobodyEnteredCanBeRemoved()
    {
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        Assert.Contains("href=\"/organizer/contest/new-track\"", await organizer.GetStringAsync("/organizer/contest"), StringComparison.Ordinal);
        var theme = NewTrack("journey", "village-story", "我眼中的乡村变化", "Changes in My Village");
        using (var added = await organizer.SubmitAsync(NewTrackPage, NewTrackPage, theme))
        {
            Assert.Equal(Page("village-story"), added.Headers.Location?.OriginalString);
        }

        var settings = await organizer.GetStringAsync(Page("village-story"));
        Assert.Contains("已添加我眼中的乡村变化，参照", settings, StringComparison.Ordinal);
        Assert.Equal(Criteria("journey").Select(c => (c.Weight, c.Max)), Criteria("village-story").Select(c => (c.Weight, c.Max)));
        Assert.Equal(Limits("journey"), Limits("village-story"));

        // The same form again: it is there already, and there is still one.
        using (var again = await organizer.SubmitAsync(NewTrackPage, NewTrackPage, theme))
        {
            Assert.Equal(Page("village-story"), again.Headers.Location?.OriginalString);
        }

        Assert.Equal(1, factory.WithDb(db => db.Tracks.Count(t => t.Code == "village-story")));

        // The public page lists it after the other themes, and an author writes for it.
        var home = await new Browser(factory).GetStringAsync("/");
        Assert.True(home.IndexOf("我眼中的乡村变化", StringComparison.Ordinal) > home.IndexOf("/tracks/journey", StringComparison.Ordinal), "the new theme is listed after the last theme");
        var author = await Writing.NewAuthorAsync(factory, "village.story@example.org");
        var draft = await Writing.CreateDraftAsync(author, "village-story");
        using (var submitted = await Writing.SubmitAsync(author, draft))
        {
            Assert.Equal($"/essays/{draft}/receipt", submitted.Headers.Location?.OriginalString);
        }

        // With an entry it stays.
        Assert.DoesNotContain("data-testid=\"remove-track\"", await organizer.GetStringAsync(Page("village-story")), StringComparison.Ordinal);
        using (var kept = await organizer.PostAsync(Page("village-story"), Page("village-story") + "/remove"))
        {
            Assert.Equal(Page("village-story"), kept.Headers.Location?.OriginalString);
        }

        Assert.Contains("已有 1 件作品（含草稿），不能删除", await organizer.GetStringAsync(Page("village-story")), StringComparison.Ordinal);
        Assert.Equal(1, factory.WithDb(db => db.Tracks.Count(t => t.Code == "village-story")));

        // One that nobody entered goes, with its rubric, levels and rounds.
        (await organizer.SubmitAsync(NewTrackPage, NewTrackPage, NewTrack("innovation", "rural-talent", "乡村人才奖", string.Empty))).Dispose();
        Assert.Contains("data-testid=\"remove-track\"", await organizer.GetStringAsync(Page("rural-talent")), StringComparison.Ordinal);
        using (var removed = await organizer.PostAsync(Page("rural-talent"), Page("rural-talent") + "/remove"))
        {
            Assert.Equal("/organizer/contest", removed.Headers.Location?.OriginalString);
        }

        Assert.Contains("乡村人才奖 已删除。", await organizer.GetStringAsync("/organizer/contest"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await new Browser(factory).Client.GetAsync("/tracks/rural-talent")).StatusCode);
        Assert.Equal((0, 0), factory.WithDb(db => (db.Tracks.Count(t => t.Code == "rural-talent"), db.RubricCriteria.Count(c => !db.Tracks.Any(t => t.Id == c.TrackId)))));
        Assert.Equal(["AddTrack", "AddTrack", "RemoveTrack"], factory.WithDb(db => db.AuditLog.Where(a => a.EntityType == "Track" && a.Action != "EditTrack").OrderBy(a => a.Id).Select(a => a.Action).ToList()));
    }

    [Fact]
    public async Task ANewTrack_WithABadOrTakenCode_OrAfterTheSubmissionDeadline_IsRefusedWithAMessage_AndNothingIsAdded()
    {
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        var tracks = factory.WithDb(db => db.Tracks.Count());

        using (var bad = await organizer.SubmitAsync(NewTrackPage, NewTrackPage, NewTrack("journey", "Village Story", "乡村故事", string.Empty)))
        {
            var html = await bad.Content.ReadAsStringAsync();
            Assert.Contains("网址代码用于奖项的网址", html, StringComparison.Ordinal);
            Assert.Contains("value=\"乡村故事\"", html, StringComparison.Ordinal);
        }

        using (var taken = await organizer.SubmitAsync(NewTrackPage, NewTrackPage, NewTrack("journey", "help-story", "另一个帮扶故事", string.Empty)))
        {
            Assert.Contains("本届已有编码为 help-story 的赛道", await taken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var unitAward = await organizer.SubmitAsync(NewTrackPage, NewTrackPage, NewTrack("outstanding-organization", "another-award", "另一个组织奖", string.Empty)))
        {
            Assert.Contains("请选择参照设置的奖项或征文主题。", await unitAward.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var closes = factory.WithDb(db => db.Contests.Single(c => c.IsCurrent).Schedule.SubmissionClosesAt);
        factory.Clock.Set(closes.AddMinutes(1));
        try
        {
            using var late = await organizer.SubmitAsync(NewTrackPage, NewTrackPage, NewTrack("journey", "late-theme", "迟到的主题", string.Empty));
            Assert.Contains("报送已截止，新增的奖项或征文主题将无法收到作品", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            factory.Clock.Offset = TimeSpan.Zero;
        }

        Assert.Equal(tracks, factory.WithDb(db => db.Tracks.Count()));
        List<string> refused = ["Village Story", "help-story", "another-award", "late-theme"];
        Assert.Equal(0, factory.WithDb(db => db.AuditLog.Count(a => a.Action == "AddTrack" && refused.Contains(a.EntityKey))));
    }

    [Fact]
    public async Task APrizeLevelIsRenamed_OnThePublicPage_UntilTheResultsArePublished()
    {
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        var level = factory.WithDb(db => db.AwardLevels.Single(l => l.TrackId == db.Tracks.Single(t => t.Code == "outstanding-organization").Id).Name.Zh);
        await SaveAsync(organizer, "outstanding-organization", f => f["Levels[0].NameZh"] = "优秀组织单位");
        Assert.Contains("优秀组织单位", await new Browser(factory).GetStringAsync("/tracks/outstanding-organization"), StringComparison.Ordinal);
        Assert.Contains($"levels {level}", factory.WithDb(db => db.AuditLog.Single(a => a.Action == "EditTrack" && a.EntityKey == "outstanding-organization").Before), StringComparison.Ordinal);

        // On public notice, the names are those of the published notice.
        factory.WithDb(db =>
        {
            var result = new Core.Results.TrackResult(db.Tracks.Single(t => t.Code == "outstanding-organization").Id);
            result.PublishPick(1, 7, DateTime.UtcNow, []);
            db.TrackResults.Add(result);
            return db.SaveChanges();
        });
        var page = await organizer.GetStringAsync(Page("outstanding-organization"));
        Assert.Contains("data-testid=\"levels-locked\"", page, StringComparison.Ordinal);
        var fields = FormFields.Read(page, "track-settings");
        fields["Levels[0].NameZh"] = "组织奖";
        using (var refused = await organizer.SubmitAsync(Page("outstanding-organization"), Page("outstanding-organization"), fields))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("结果已公布，奖项等级不能再改", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal("优秀组织单位", factory.WithDb(db => db.AwardLevels.Single(l => l.TrackId == db.Tracks.Single(t => t.Code == "outstanding-organization").Id).Name.Zh));

        // It has no entries, but its results are published: it stays.
        Assert.DoesNotContain("data-testid=\"remove-track\"", page, StringComparison.Ordinal);
        using (var kept = await organizer.PostAsync(Page("outstanding-organization"), Page("outstanding-organization") + "/remove"))
        {
            Assert.Equal(Page("outstanding-organization"), kept.Headers.Location?.OriginalString);
        }

        Assert.Contains("的结果已公布，不能删除", await organizer.GetStringAsync(Page("outstanding-organization")), StringComparison.Ordinal);
        Assert.Equal(1, factory.WithDb(db => db.Tracks.Count(t => t.Code == "outstanding-organization")));
    }

    [Fact]
    public async Task APrizeLevelIsAddedBelowAndAnotherRemoved_TheRanksCloseUp_AndAnOverrideKeepsItsLevel()
    {
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        (await organizer.SubmitAsync(NewTrackPage, NewTrackPage, NewTrack("help-story", "level-theme", "我的扶贫日记", "My Diary"))).Dispose();
        Assert.Contains("data-add-row=\"#new-level\"", await organizer.GetStringAsync(Page("level-theme")), StringComparison.Ordinal);

        // An override moved an entry to third prize, another to second; both name their level by rank.
        var (third, second) = factory.WithDb(db =>
        {
            var track = db.Tracks.Single(t => t.Code == "level-theme");
            var result = new Core.Results.TrackResult(track.Id);
            db.TrackResults.Add(result);
            db.SaveChanges();
            var entries = db.Entries.OrderBy(e => e.Id).Select(e => e.Id).Take(2).ToList();
            var organizerId = db.Users.Single(u => u.Email == "organizer@demo.example").Id;
            var third = new Core.Results.ResultOverride(result.Id, entries[0], 3, "评审组复议", organizerId, DateTime.UtcNow);
            var second = new Core.Results.ResultOverride(result.Id, entries[1], 2, "评审组复议", organizerId, DateTime.UtcNow);
            db.ResultOverrides.AddRange(third, second);
            db.SaveChanges();
            return (third.Id, second.Id);
        });

        // Second prize removed, and a commendation below the four, as the page's script adds it.
        async Task<Dictionary<string, string>> ChangedAsync()
        {
            var fields = await FieldsAsync(organizer, "level-theme");
            fields["Levels[1].Remove"] = "true";
            fields["Levels[4].Rank"] = "0";
            fields["Levels[4].NameZh"] = "鼓励奖";
            fields["Levels[4].NameEn"] = "Encouragement";
            fields["Levels[4].Quota"] = "30";
            return fields;
        }

        // Second prize is named by an override: it stays, and nothing changes.
        var fields = await ChangedAsync();
        using (var refused = await organizer.SubmitAsync(Page("level-theme"), Page("level-theme"), fields))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var html = await refused.Content.ReadAsStringAsync();
            Assert.Contains("结果页面上有调整把作品调到了二等奖，该等级不能删除", html, StringComparison.Ordinal);
            Assert.Contains("value=\"鼓励奖\"", html, StringComparison.Ordinal);
        }

        Assert.Equal(["一等奖", "二等奖", "三等奖", "优秀奖"], Levels("level-theme").Select(l => l.Name));

        // A new level's quota must be a number.
        fields["Levels[1].Remove"] = "false";
        fields["Levels[4].Quota"] = "三十";
        using (var mistyped = await organizer.SubmitAsync(Page("level-theme"), Page("level-theme"), fields))
        {
            Assert.Equal(HttpStatusCode.OK, mistyped.StatusCode);
            Assert.Contains("名额须为 0 至 1000 之间的整数", await mistyped.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // Without that override, second prize goes: third and excellence move up, the commendation
        // comes last with its quota, and the override on third prize follows it to rank 2.
        factory.WithDb(db =>
        {
            db.ResultOverrides.RemoveRange(db.ResultOverrides.Where(o => o.Id == second));
            return db.SaveChanges();
        });
        var stale = FormFields.Read(await organizer.GetStringAsync("/organizer/results/level-theme"), "settings-form");
        using (var saved = await organizer.SubmitAsync(Page("level-theme"), Page("level-theme"), await ChangedAsync()))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        // The results page opened before names the levels by their old ranks: its quotas would
        // land on other levels, so it is refused.
        stale["quota2"] = "12";
        (await organizer.SubmitAsync("/organizer/results/level-theme", "/organizer/results/level-theme/settings", stale)).Dispose();
        Assert.Contains("奖项等级已被修改，没有保存", await organizer.GetStringAsync("/organizer/results/level-theme"), StringComparison.Ordinal);

        // A post that does not say which levels it was made for (not the page's form) is refused too.
        stale.Remove("levels");
        (await organizer.SubmitAsync("/organizer/results/level-theme", "/organizer/results/level-theme/settings", stale)).Dispose();
        Assert.Contains("此表单没有注明所依据的奖级", await organizer.GetStringAsync("/organizer/results/level-theme"), StringComparison.Ordinal);

        Assert.Equal([(1, "一等奖", 5), (2, "三等奖", 20), (3, "优秀奖", 50), (4, "鼓励奖", 30)], Levels("level-theme"));
        Assert.Equal(2, factory.WithDb(db => db.ResultOverrides.Single(o => o.Id == third).LevelRank));
        Assert.Contains("鼓励奖 30", await new Browser(factory).GetStringAsync("/"), StringComparison.Ordinal);
        var audit = factory.WithDb(db => db.AuditLog.Single(a => a.Action == "EditTrack" && a.EntityKey == "level-theme"));
        // The levels came with My Help Story's bonuses; the new one has none.
        Assert.Contains("levels 一等奖 bonus 2000 yuan, 二等奖 bonus 1000 yuan, 三等奖 bonus 500 yuan, 优秀奖 bonus 200 yuan;", audit.Before, StringComparison.Ordinal);
        Assert.Contains("levels 一等奖 bonus 2000 yuan, 三等奖 bonus 500 yuan, 优秀奖 bonus 200 yuan, 鼓励奖 (new, quota 30);", audit.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARoundIsAddedAfterTheLast_ItsPageOpens_AndTheLastRoundGoesOnlyWhileNobodyIsOnItsPanel()
    {
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        (await organizer.SubmitAsync(NewTrackPage, NewTrackPage, NewTrack("help-story", "round-theme", "我的扶贫故事会", "Story Circle"))).Dispose();
        var finalCloses = factory.WithDb(db => db.Rounds.Single(r => r.TrackId == db.Tracks.Single(t => t.Code == "round-theme").Id && r.Sequence == 2).ClosesAt);
        var fields = await FieldsAsync(organizer, "round-theme");
        fields["Rounds[2].Sequence"] = "0";
        fields["Rounds[2].NameZh"] = "复审";
        fields["Rounds[2].NameEn"] = "Review";
        fields["Rounds[2].JudgesPerEntry"] = "7";

        // Its closing time is needed, as a date, after the round before it.
        foreach (var (closes, message) in new[] { ("", "请输入新增轮次的截止时间。"), ("下周一", "“下周一”不是有效的日期时间"), (SiteTime.InputValue(finalCloses.AddDays(-1)), "新增轮次的截止时间必须在当前时间之后，并晚于前一轮。") })
        {
            fields["Rounds[2].ClosesAt"] = closes;
            using var refused = await organizer.SubmitAsync(Page("round-theme"), Page("round-theme"), fields);
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains(message, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(2, factory.WithDb(db => db.Rounds.Count(r => r.TrackId == db.Tracks.Single(t => t.Code == "round-theme").Id)));
        fields["Rounds[2].ClosesAt"] = SiteTime.InputValue(finalCloses.AddDays(7));
        using (var saved = await organizer.SubmitAsync(Page("round-theme"), Page("round-theme"), fields))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var rounds = factory.WithDb(db => db.Rounds.Where(r => r.TrackId == db.Tracks.Single(t => t.Code == "round-theme").Id).OrderBy(r => r.Sequence).Select(r => new { r.Id, r.Sequence, r.Name, r.JudgesPerEntry, r.ClosesAt, r.Kind }).ToList());
        Assert.Equal([1, 2, 3], rounds.Select(r => r.Sequence));
        Assert.Equal(("复审", 7, finalCloses.AddDays(7), Core.Tracks.RoundKind.Final), (rounds[2].Name.Zh, rounds[2].JudgesPerEntry, rounds[2].ClosesAt, rounds[2].Kind));
        var page = await organizer.GetStringAsync(Page("round-theme"));
        Assert.Contains("name=\"Rounds[1].ShortlistTop\"", page, StringComparison.Ordinal);
        Assert.Contains("复审", await organizer.GetStringAsync($"/organizer/judging/{rounds[2].Id}"), StringComparison.Ordinal);

        // The results rank the new round; a judge on its panel keeps it.
        factory.WithDb(db =>
        {
            var result = new Core.Results.TrackResult(db.Tracks.Single(t => t.Code == "round-theme").Id);
            result.Configure(Core.Ranking.AggregationMethod.TrimmedMean, null, rounds[2].Id, 0, 100);
            db.TrackResults.Add(result);
            db.PanelMembers.Add(new Core.Scoring.PanelMember(rounds[2].Id, db.Users.Single(u => u.Email == "judge.huang@demo.example").Id));
            return db.SaveChanges();
        });
        fields = await FieldsAsync(organizer, "round-theme");
        fields["Rounds[2].Remove"] = "true";
        using (var refused = await organizer.SubmitAsync(Page("round-theme"), Page("round-theme"), fields))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("复审已有评审组成员或已分配评委，不能删除", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.DoesNotContain("name=\"Rounds[2].Remove\"", await organizer.GetStringAsync(Page("round-theme")), StringComparison.Ordinal);
        factory.WithDb(db =>
        {
            db.PanelMembers.RemoveRange(db.PanelMembers.Where(p => p.RoundId == rounds[2].Id));
            return db.SaveChanges();
        });
        await SaveAsync(organizer, "round-theme", f => f["Rounds[2].Remove"] = "true");

        Assert.Equal([1, 2], factory.WithDb(db => db.Rounds.Where(r => r.TrackId == db.Tracks.Single(t => t.Code == "round-theme").Id).OrderBy(r => r.Sequence).Select(r => r.Sequence).ToList()));
        Assert.Null(factory.WithDb(db => db.TrackResults.Single(r => r.TrackId == db.Tracks.Single(t => t.Code == "round-theme").Id).RoundId));
        Assert.Equal(HttpStatusCode.OK, (await organizer.Client.GetAsync("/organizer/results/round-theme")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await organizer.Client.GetAsync($"/organizer/judging/{rounds[2].Id}")).StatusCode);
        Assert.Contains("(new, closes ", factory.WithDb(db => db.AuditLog.First(a => a.Action == "EditTrack" && a.EntityKey == "round-theme").After), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANominatedAwardJudgedOpenly_ShowsJudgesTheNominee_NeverTheUnit_AndTheChoiceStaysOnceJudgesAreAssigned()
    {
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        (await organizer.SubmitAsync(NewTrackPage, NewTrackPage, NewTrack("dedication", "open-award", "乡村振兴奉献奖", "Rural Dedication Award"))).Dispose();
        var coordinator = await Nominating.SignedInAsync(factory, "coordinator.qingshan@demo.example");
        var nomination = Nominating.Person(name: "王大山");
        nomination["Form.Deeds"] = "王大山同志扎根青山县二十年。" + Nominating.Deeds;
        var code = await Nominating.CreateDraftAsync(coordinator, "open-award", nomination);
        (await Nominating.SubmitAsync(coordinator, code)).Dispose();
        string Rendition() => factory.WithDb(db => db.Entries.Single(e => e.Code == code).JudgeBody!);
        Assert.DoesNotContain("王大山", Rendition(), StringComparison.Ordinal);

        // Open: what judges read names the nominee, and still not the nominating county.
        Assert.Contains("name=\"Blind\" value=\"true\" checked", await organizer.GetStringAsync(Page("open-award")), StringComparison.Ordinal);
        await SaveAsync(organizer, "open-award", f => f["Blind"] = "false");
        Assert.False(factory.WithDb(db => db.Tracks.Single(t => t.Code == "open-award").IsBlind));
        Assert.Contains("王大山同志扎根", Rendition(), StringComparison.Ordinal);
        Assert.DoesNotContain("青山县", Rendition(), StringComparison.Ordinal);
        Assert.Contains("Open: judges see the nominee.", await new Browser(factory).GetStringAsync("/tracks/open-award?culture=en"), StringComparison.Ordinal);
        Assert.Contains("; open;", factory.WithDb(db => db.AuditLog.Single(a => a.Action == "EditTrack" && a.EntityKey == "open-award").After), StringComparison.Ordinal);

        // Blind again, then a judge is assigned: the choice is shown, not offered, and a forged post is refused.
        await SaveAsync(organizer, "open-award", f => f["Blind"] = "true");
        Assert.DoesNotContain("王大山", Rendition(), StringComparison.Ordinal);
        factory.WithDb(db =>
        {
            var round = db.Rounds.Single(r => r.TrackId == db.Tracks.Single(t => t.Code == "open-award").Id && r.Sequence == 1);
            db.Assignments.Add(new Core.Scoring.JudgeAssignment(round.Id, db.Entries.Single(e => e.Code == code).Id, db.Users.Single(u => u.Email == "judge.huang@demo.example").Id, DateTime.UtcNow));
            return db.SaveChanges();
        });
        var page = await organizer.GetStringAsync(Page("open-award"));
        Assert.DoesNotContain("type=\"checkbox\" id=\"Blind\"", page, StringComparison.Ordinal);
        var fields = FormFields.Read(page, "track-settings");
        fields["Blind"] = "false";
        using (var refused = await organizer.SubmitAsync(Page("open-award"), Page("open-award"), fields))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("已分配评委，是否盲评不能再改", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.True(factory.WithDb(db => db.Tracks.Single(t => t.Code == "open-award").IsBlind));
    }

    private const string NewTrackPage = "/organizer/contest/new-track";

    private static Dictionary<string, string> NewTrack(string from, string code, string nameZh, string nameEn) =>
        new() { ["From"] = from, ["Code"] = code, ["NameZh"] = nameZh, ["NameEn"] = nameEn };

    private static async Task<Dictionary<string, string>> FieldsAsync(Browser organizer, string code) =>
        FormFields.Read(await organizer.GetStringAsync(Page(code)), "track-settings");

    /// <summary>Saves the page with one change and returns the message the organizer sees after it.</summary>
    private static async Task<string> SaveAsync(Browser organizer, string code, Action<Dictionary<string, string>> change)
    {
        var fields = await FieldsAsync(organizer, code);
        change(fields);
        using (var saved = await organizer.SubmitAsync(Page(code), Page(code), fields))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var page = await organizer.GetStringAsync(Page(code));
        return page[page.IndexOf("<main", StringComparison.Ordinal)..];
    }

    private static async Task AssertRefusedAsync(Browser coordinator, string code, string message)
    {
        using (var refused = await Nominating.SubmitAsync(coordinator, code))
        {
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        }

        Assert.Contains(message, await coordinator.GetStringAsync($"/nominations/{code}"), StringComparison.Ordinal);
    }

    private EntryStatus Status(string code) => factory.WithDb(db => db.Entries.Single(e => e.Code == code).Status);

    private Core.Tracks.TrackLimits Limits(string code) => factory.WithDb(db => db.Tracks.Single(t => t.Code == code).Limits);

    private List<(int Rank, string Name, int Quota)> Levels(string code) =>
        factory.WithDb(db => db.AwardLevels.Where(l => l.TrackId == db.Tracks.Single(t => t.Code == code).Id).OrderBy(l => l.Rank).AsEnumerable().Select(l => (l.Rank, l.Name.Zh, l.Quota)).ToList());

    private List<(string Name, decimal Weight, int Min, int Max)> Criteria(string code) =>
        factory.WithDb(db => db.RubricCriteria.Where(c => c.TrackId == db.Tracks.Single(t => t.Code == code).Id).OrderBy(c => c.Order).AsEnumerable().Select(c => (c.Name.Zh, c.Weight, c.MinScore, c.MaxScore)).ToList());
}
