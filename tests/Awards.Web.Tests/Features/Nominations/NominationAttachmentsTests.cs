using System.Net;
using Awards.Web.Tests.Infrastructure;
using static Awards.Web.Tests.Infrastructure.Nominating;

namespace Awards.Web.Tests.Features.Nominations;

/// <summary>Supporting files: checked by content, capped, downloadable by the unit and the organizer only.</summary>
public sealed class NominationAttachmentsTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    [Fact]
    public async Task Coordinator_UploadsAPdfAndADocx_AndBothCanBeDownloadedUnchanged()
    {
        var browser = await SignedInAsync(factory, "coordinator.qingshan@demo.example");
        var code = await CreateDraftAsync(browser, "endeavor");
        var pdf = SampleFiles.Pdf();
        var docx = SampleFiles.Docx();

        using var first = await browser.UploadAsync($"/nominations/{code}", $"/nominations/{code}/attachments", "事迹证明.pdf", pdf);
        using var second = await browser.UploadAsync($"/nominations/{code}", $"/nominations/{code}/attachments", @"C:\Users\李秀兰\材料.docx", docx);

        Assert.Equal($"/nominations/{code}", first.Headers.Location?.OriginalString);
        var page = await browser.GetStringAsync($"/nominations/{code}");
        Assert.Contains("事迹证明.pdf", page, StringComparison.Ordinal);
        Assert.Contains("材料.docx", page, StringComparison.Ordinal);
        Assert.DoesNotContain(@"C:\Users", page, StringComparison.Ordinal);

        var stored = factory.WithDb(db => db.Attachments.Where(a => a.Entry.Code == code).OrderBy(a => a.Id).Select(a => new { a.Token, a.FileName }).ToList());
        using var download = await browser.Client.GetAsync($"/nominations/{code}/attachments/{stored[0].Token}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());

        var organizer = await SignedInAsync(factory, "organizer@demo.example");
        (await SubmitAsync(browser, code)).Dispose();
        using var organizerDownload = await organizer.Client.GetAsync($"/organizer/nominations/{code}/attachments/{stored[1].Token}");
        Assert.Equal(docx, await organizerDownload.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("事迹.pdf", "exe", "此处不接受这种文件")]
    [InlineData("photo.png", "pdf", "文件扩展名为 .png，但内容是 .pdf 文件")]
    [InlineData("材料.docx", "docm", "该 Word 文档含有宏")]
    [InlineData("材料.docx", "garbage", "文件已损坏，或不是 Word 文档（.docx）")]
    [InlineData("empty.pdf", "empty", "文件是空的")]
    public async Task AWrongFile_GetsAClearMessage_AndNothingIsStored(string name, string content, string message)
    {
        var browser = await SignedInAsync(factory, "coordinator.yunling@demo.example");
        var code = await CreateDraftAsync(browser, "innovation");
        var bytes = content switch
        {
            "exe" => SampleFiles.Executable(),
            "pdf" => SampleFiles.Pdf(),
            "docm" => SampleFiles.Docx(macros: true),
            "garbage" => "PK\u0003\u0004 not really a zip"u8.ToArray(),
            _ => [],
        };

        using var response = await browser.UploadAsync($"/nominations/{code}", $"/nominations/{code}/attachments", name, bytes);
        var page = await browser.GetStringAsync($"/nominations/{code}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(message, page, StringComparison.Ordinal);
        Assert.Equal(0, factory.WithDb(db => db.Attachments.Count(a => a.Entry.Code == code)));
        Assert.Equal(0, factory.WithDb(db => db.AttachmentContents.Count(c => c.Attachment.Entry.Code == code)));
    }

    [Fact]
    public async Task AFileOverTheCap_IsRefused()
    {
        var browser = await SignedInAsync(factory, "coordinator.liuxi@demo.example");
        var code = await CreateDraftAsync(browser, "dedication");
        var big = new byte[(10 * 1024 * 1024) + 1];
        SampleFiles.Pdf().CopyTo(big, 0);

        using var response = await browser.UploadAsync($"/nominations/{code}", $"/nominations/{code}/attachments", "big.pdf", big);

        Assert.Contains("文件超过 10 MB", await browser.GetStringAsync($"/nominations/{code}"), StringComparison.Ordinal);
        Assert.Equal(0, factory.WithDb(db => db.Attachments.Count(a => a.Entry.Code == code)));
    }

    [Fact]
    public async Task TheSameFileTwice_IsRefused_AndRemovingAFileWorks()
    {
        var browser = await SignedInAsync(factory, "coordinator.liuxi@demo.example");
        var code = await CreateDraftAsync(browser, "contribution");
        (await browser.UploadAsync($"/nominations/{code}", $"/nominations/{code}/attachments", "a.png", SampleFiles.Png())).Dispose();

        (await browser.UploadAsync($"/nominations/{code}", $"/nominations/{code}/attachments", "again.png", SampleFiles.Png())).Dispose();
        Assert.Contains("该文件已上传过", await browser.GetStringAsync($"/nominations/{code}"), StringComparison.Ordinal);

        var token = factory.WithDb(db => db.Attachments.Single(a => a.Entry.Code == code).Token);
        using var removed = await browser.PostAsync($"/nominations/{code}", $"/nominations/{code}/attachments/{token}/delete");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(0, factory.WithDb(db => db.AttachmentContents.Count(c => c.Attachment.Entry.Code == code)));
        Assert.Equal(["Attachment added", "Attachment removed"], factory.WithDb(db => db.AuditLog.Where(a => a.EntityKey == code && a.Action.StartsWith("Attachment")).OrderBy(a => a.Id).Select(a => a.Action).ToList()));
    }

    [Fact]
    public async Task TheFilesOfANominationJudgesHave_CanNoLongerBeAddedOrRemoved()
    {
        var browser = await SignedInAsync(factory, "coordinator.yunling@demo.example");
        var code = await CreateDraftAsync(browser, "contribution", Person(title: "评审中的推荐"));
        (await browser.UploadAsync($"/nominations/{code}", $"/nominations/{code}/attachments", "证明.pdf", SampleFiles.Pdf())).Dispose();
        (await SubmitAsync(browser, code)).Dispose();
        var token = await browser.TokenFromAsync($"/nominations/{code}");
        factory.WithDb(db =>
        {
            var entry = db.Entries.Single(e => e.Code == code);
            var round = db.Rounds.Where(r => r.TrackId == entry.TrackId).OrderBy(r => r.Sequence).First();
            var judge = db.Users.Single(u => u.Email == "judge.qian@demo.example");
            db.Assignments.Add(new Core.Scoring.JudgeAssignment(round.Id, entry.Id, judge.Id, DateTime.UtcNow));
            return db.SaveChanges();
        });

        // Posts from the page as it was before the judges had the nomination.
        using (var added = await browser.UploadAsync($"/nominations/{code}", $"/nominations/{code}/attachments", "补充.png", SampleFiles.Png()))
        {
            Assert.Equal($"/nominations/{code}", added.Headers.Location?.OriginalString);
        }

        Assert.Contains("评委已开始评审该作品", await browser.GetStringAsync($"/nominations/{code}"), StringComparison.Ordinal);
        var file = factory.WithDb(db => db.Attachments.Single(a => a.Entry.Code == code).Token);
        using (var removed = await browser.Client.PostAsync($"/nominations/{code}/attachments/{file}/delete", FormFields.WithToken([], token)))
        {
            Assert.Equal($"/nominations/{code}", removed.Headers.Location?.OriginalString);
        }

        Assert.Equal(["证明.pdf"], factory.WithDb(db => db.Attachments.Where(a => a.Entry.Code == code).Select(a => a.FileName).ToList()));
        Assert.Equal(1, factory.WithDb(db => db.AttachmentContents.Count(c => c.Attachment.Entry.Code == code)));
    }

    [Fact]
    public async Task AnUnknownAttachmentToken_IsNotFound()
    {
        var browser = await SignedInAsync(factory, "coordinator.qingshan@demo.example");
        var code = await CreateDraftAsync(browser, "dedication");

        using var response = await browser.Client.GetAsync($"/nominations/{code}/attachments/0123456789abcdef");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
