using System.Net;
using Awards.Core.Entries;
using Awards.Core.Scoring;
using Awards.Web.Tests.Infrastructure;

namespace Awards.Web.Tests.Features.Essays;

/// <summary>
/// A submitted entry stays one that could be submitted, and what judges score stays what they
/// read: an edit that would break a submission rule is refused, an entry judges already have can
/// no longer be changed or withdrawn, a Word file changes a submitted essay only once the author
/// saves, three clicks at once submit once, and a theme whose judging has finished or a contest
/// past its deadline opens no form that could not be saved.
/// </summary>
public sealed class SubmittedEntryTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    [Fact]
    public async Task ASubmittedEssay_EditedTooShortOrWithoutTheDeclaration_IsRefused_AndKeepsItsText()
    {
        var author = await Writing.NewAuthorAsync(factory, "kept.text@example.org");
        var code = await Writing.CreateDraftAsync(author, "help-story");
        (await Writing.SubmitAsync(author, code)).Dispose();
        var edit = $"/essays/{code}/edit";

        using (var tooShort = await author.SubmitAsync(edit, edit, Writing.Essay(body: "短文。")))
        {
            Assert.Equal(HttpStatusCode.OK, tooShort.StatusCode);
            Assert.Contains("正文共 3 字，要求 1000 至 6000 字", await tooShort.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var undeclared = await author.SubmitAsync(edit, edit, Writing.Essay(title: "改过的标题", original: false)))
        {
            Assert.Equal(HttpStatusCode.OK, undeclared.StatusCode);
            Assert.Contains("提交前请确认原创声明", await undeclared.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var entry = factory.WithDb(db => db.Entries.Single(e => e.Code == code));
        Assert.Equal(EntryStatus.Submitted, entry.Status);
        Assert.Equal(Writing.Text, entry.Body);
        Assert.Equal("我的帮扶故事", entry.Title);
        Assert.NotNull(entry.DeclaredOriginalAt);
        Assert.Contains(code, await author.GetStringAsync($"/essays/{code}/receipt"), StringComparison.Ordinal);

        // A valid edit before the deadline is still saved.
        using (var valid = await author.SubmitAsync(edit, edit, Writing.Essay(title: "改过的标题")))
        {
            Assert.Equal($"/essays/{code}", valid.Headers.Location?.OriginalString);
        }

        Assert.Equal("改过的标题", factory.WithDb(db => db.Entries.Single(e => e.Code == code).Title));
    }

    [Fact]
    public async Task AnEssayJudgesHave_CanNoLongerBeEditedOrWithdrawn_AndItsPageSaysWhy()
    {
        var author = await Writing.NewAuthorAsync(factory, "judged.text@example.org");
        var code = await Writing.CreateDraftAsync(author, "help-story");
        (await Writing.SubmitAsync(author, code)).Dispose();
        factory.WithDb(db =>
        {
            var entry = db.Entries.Single(e => e.Code == code);
            var round = db.Rounds.Where(r => r.TrackId == entry.TrackId).OrderBy(r => r.Sequence).First();
            var judge = db.Users.Single(u => u.Email == "judge.qian@demo.example");
            db.Assignments.Add(new JudgeAssignment(round.Id, entry.Id, judge.Id, DateTime.UtcNow));
            return db.SaveChanges();
        });

        var page = await author.GetStringAsync($"/essays/{code}");
        Assert.DoesNotContain($"href=\"/essays/{code}/edit\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"action=\"/essays/{code}/withdraw\"", page, StringComparison.Ordinal);

        using (var form = await author.Client.GetAsync($"/essays/{code}/edit"))
        {
            Assert.Equal($"/essays/{code}", form.Headers.Location?.OriginalString);
        }

        Assert.Contains("评委已开始评审该作品，不能再修改或撤回", await author.GetStringAsync($"/essays/{code}"), StringComparison.Ordinal);

        // Posts from a page opened before the judges had it change nothing either.
        var token = await author.TokenFromAsync($"/essays/{code}");
        using (var edited = await author.Client.PostAsync($"/essays/{code}/edit", FormFields.WithToken(Writing.Essay(title: "评分后改的标题"), token)))
        {
            Assert.Contains("评委已开始评审该作品", await edited.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var withdrawn = await author.Client.PostAsync($"/essays/{code}/withdraw", FormFields.WithToken([], token)))
        {
            Assert.Equal($"/essays/{code}", withdrawn.Headers.Location?.OriginalString);
        }

        var entry = factory.WithDb(db => db.Entries.Single(e => e.Code == code));
        Assert.Equal(EntryStatus.Submitted, entry.Status);
        Assert.Equal("我的帮扶故事", entry.Title);
    }

    [Fact]
    public async Task AJudgesOnlyEntry_Disqualified_LeavesTheDashboardCount_AndTheQueueSaysWhyItIsEmpty()
    {
        var author = await Writing.NewAuthorAsync(factory, "copied.text@example.org");
        var code = await Writing.CreateDraftAsync(author, "help-story");
        (await Writing.SubmitAsync(author, code)).Dispose();
        var round = factory.WithDb(db =>
        {
            var entry = db.Entries.Single(e => e.Code == code);
            var first = db.Rounds.Where(r => r.TrackId == entry.TrackId).OrderBy(r => r.Sequence).First();
            var judge = db.Users.Single(u => u.Email == "judge.zheng@demo.example");
            Assert.False(db.Assignments.Any(a => a.JudgeUserId == judge.Id && a.RoundId == first.Id), "the judge must have no other entry in the round");
            db.Assignments.Add(new JudgeAssignment(first.Id, entry.Id, judge.Id, DateTime.UtcNow));
            db.SaveChanges();
            return first.Id;
        });

        var judge = await Nominating.SignedInAsync(factory, "judge.zheng@demo.example");
        Assert.Contains($"href=\"/judge/rounds/{round}\"", await judge.GetStringAsync("/judge"), StringComparison.Ordinal);

        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        (await organizer.SubmitAsync($"/organizer/essays/{code}", $"/organizer/essays/{code}/disqualify", new Dictionary<string, string> { ["reason"] = "经查与已发表文章雷同。" })).Dispose();
        Assert.Equal(EntryStatus.Disqualified, factory.WithDb(db => db.Entries.Single(e => e.Code == code).Status));

        Assert.DoesNotContain($"href=\"/judge/rounds/{round}\"", await judge.GetStringAsync("/judge"), StringComparison.Ordinal);
        var queue = await judge.GetStringAsync($"/judge/rounds/{round}");
        Assert.Contains("data-testid=\"queue-empty\"", queue, StringComparison.Ordinal);
        Assert.DoesNotContain(code, queue, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWithdrawnEssay_OpensNoEditForm_AndTheEnglishMessageReadsAsASentence()
    {
        var author = await Writing.NewAuthorAsync(factory, "withdrawn.english@example.org");
        var code = await Writing.CreateDraftAsync(author, "help-story");
        (await Writing.SubmitAsync(author, code)).Dispose();
        (await author.PostAsync($"/essays/{code}", $"/essays/{code}/withdraw")).Dispose();

        using (var form = await author.Client.GetAsync($"/essays/{code}/edit?culture=en"))
        {
            Assert.Equal($"/essays/{code}", form.Headers.Location?.OriginalString);
        }

        Assert.Contains("An entry that is withdrawn can no longer be edited.", await author.GetStringAsync($"/essays/{code}?culture=en"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWordFileForASubmittedEssay_IsShownForChecking_AndChangesNothingUntilSaved()
    {
        var author = await Writing.NewAuthorAsync(factory, "word.later@example.org");
        var code = await Writing.CreateDraftAsync(author, "help-story");
        (await Writing.SubmitAsync(author, code)).Dispose();
        var attachments = factory.WithDb(db => db.Attachments.Count(a => a.Entry.Code == code));

        using (var imported = await author.UploadAsync($"/essays/{code}/edit", $"/essays/{code}/import", "新稿.docx", SampleFiles.Docx("从 Word 文件导入的新段落")))
        {
            var html = await imported.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
            Assert.Contains("从 Word 文件导入的新段落", html, StringComparison.Ordinal);
            Assert.Contains("尚未保存", html, StringComparison.Ordinal);
        }

        var entry = factory.WithDb(db => db.Entries.Single(e => e.Code == code));
        Assert.Equal(EntryStatus.Submitted, entry.Status);
        Assert.Equal(Writing.Text, entry.Body);
        Assert.NotNull(entry.DeclaredOriginalAt);
        Assert.Equal(attachments, factory.WithDb(db => db.Attachments.Count(a => a.Entry.Code == code)));
    }

    [Fact]
    public async Task ThreeSubmitClicksAtOnce_SubmitTheEssayOnce_WithOneReceipt()
    {
        var author = await Writing.NewAuthorAsync(factory, "three.clicks@example.org");
        var code = await Writing.CreateDraftAsync(author, "help-story");
        var token = await author.TokenFromAsync($"/essays/{code}");
        var clicks = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => author.Client.PostAsync($"/essays/{code}/submit", FormFields.WithToken([], token))));
        foreach (var click in clicks)
        {
            Assert.Equal($"/essays/{code}/receipt", click.Headers.Location?.OriginalString);
            click.Dispose();
        }

        Assert.Equal(1, factory.WithDb(db => db.EntryStatusChanges.Count(c => c.Entry.Code == code && c.To == EntryStatus.Submitted)));
        Assert.Equal(1, factory.WithDb(db => db.MailOutbox.Count(m => m.About == $"the receipt of {code}")));
    }

    [Fact]
    public async Task AThemeWhoseRoundIsClosed_TakesNoNewEssay_NorASubmission()
    {
        var author = await Writing.NewAuthorAsync(factory, "too.late.theme@example.org");
        var draft = await Writing.CreateDraftAsync(author, "journey");
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        await Judged.CloseFirstRoundAsync(factory, organizer, "journey");
        Assert.NotNull(factory.WithDb(db => db.Rounds.Where(r => db.Tracks.Any(t => t.Id == r.TrackId && t.Code == "journey")).OrderBy(r => r.Sequence).First().ClosedAt));
        Assert.Contains("data-testid=\"round-closed\"", await organizer.GetStringAsync("/organizer/judging"), StringComparison.Ordinal);

        using (var form = await author.Client.GetAsync("/essays/new/journey"))
        {
            Assert.Equal("/author", form.Headers.Location?.OriginalString);
        }

        Assert.Contains("该奖项的评审已结束，不再接收作品", await author.GetStringAsync("/author"), StringComparison.Ordinal);
        using (var submitted = await Writing.SubmitAsync(author, draft))
        {
            Assert.Equal($"/essays/{draft}", submitted.Headers.Location?.OriginalString);
        }

        Assert.Contains("该奖项的评审已结束", await author.GetStringAsync($"/essays/{draft}"), StringComparison.Ordinal);
        Assert.Equal(EntryStatus.Draft, factory.WithDb(db => db.Entries.Single(e => e.Code == draft).Status));
    }

    [Fact]
    public async Task AfterTheDeadline_TheNewAndEditFormsDoNotOpen_AndSayWhy()
    {
        var author = await Writing.NewAuthorAsync(factory, "after.deadline@example.org");
        var draft = await Writing.CreateDraftAsync(author, "help-story");
        var coordinator = await Nominating.SignedInAsync(factory, "coordinator.yunling@demo.example");
        var nomination = await Nominating.CreateDraftAsync(coordinator, "endeavor");
        var before = factory.Clock.Offset;
        try
        {
            factory.Clock.Offset += TimeSpan.FromDays(60);
            foreach (var (browser, url, back) in new[]
            {
                (author, "/essays/new/help-story", "/author"),
                (author, $"/essays/{draft}/edit", $"/essays/{draft}"),
                (coordinator, "/nominations/new/endeavor", "/coordinator"),
                (coordinator, $"/nominations/{nomination}/edit", $"/nominations/{nomination}"),
            })
            {
                using var response = await browser.Client.GetAsync(url);
                Assert.Equal(back, response.Headers.Location?.OriginalString);
                Assert.Contains("报送已截止，作品不能再更改", await browser.GetStringAsync(back), StringComparison.Ordinal);
            }
        }
        finally
        {
            factory.Clock.Offset = before;
        }
    }
}
