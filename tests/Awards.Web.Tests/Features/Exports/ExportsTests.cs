using System.Net;
using System.Text.RegularExpressions;
using Awards.Web.Cli;
using Awards.Web.Tests.Infrastructure;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;

namespace Awards.Web.Tests.Features.Exports;

/// <summary>
/// The exports of a finalized essay theme, made as the organizer makes them (a background job,
/// then a download), checked with the OpenXML validator and for their content.
/// </summary>
public sealed class ExportsTests(AwardsFactory factory) : IClassFixture<AwardsFactory>, IAsyncLifetime
{
    private List<string> _codes = [];

    /// <summary>"My Help Story" scored 90, 85 and 80, with one first, one second and one third prize, final.</summary>
    public async Task InitializeAsync()
    {
        if (factory.WithDb(db => db.TrackResults.Any()))
        {
            _codes = factory.WithDb(db => db.Placements.OrderBy(p => p.Position).Select(p => db.Entries.Single(e => e.Id == p.EntryId).Code).ToList());
            return;
        }

        _codes = Judged.Score(factory, "help-story", [90, 90, 90], [85, 85, 85], [80, 80, 80]);
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        await Judged.FinalizeAsync(factory, organizer, "help-story", 1, 1, 1, 0);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ThePrizeList_RunsInTheBackground_AndListsTheWinnersInOrder()
    {
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        var bytes = await ExportAsync(organizer, "prize-list");

        using var workbook = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        AssertValid(workbook);
        var sheets = workbook.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value).ToList();
        Assert.Equal("汇总", sheets[0]);
        Assert.Contains("征文：我的帮扶故事", sheets);
        var text = SheetText(workbook, "征文：我的帮扶故事");
        Assert.True(text.IndexOf(_codes[0], StringComparison.Ordinal) < text.IndexOf(_codes[1], StringComparison.Ordinal));
        Assert.True(text.IndexOf(_codes[1], StringComparison.Ordinal) < text.IndexOf(_codes[2], StringComparison.Ordinal));
        Assert.Contains("一等奖", text, StringComparison.Ordinal);
        Assert.Contains("三等奖", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheNoticeAndTheCertificates_BearTheDayTheResultsWereFinalized_HoweverLaterTheyAreExported()
    {
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        var finalized = factory.WithDb(db => db.TrackResults.Single(r => db.Tracks.Any(t => t.Id == r.TrackId && t.Code == "help-story")).FinalizedAt!.Value);
        var local = Web.Infrastructure.SiteTime.ToLocal(finalized);
        var day = $"{local.Year}年{local.Month}月{local.Day}日";
        var offset = factory.Clock.Offset;
        factory.Clock.Offset += TimeSpan.FromDays(40);
        try
        {
            var later = Web.Infrastructure.SiteTime.ToLocal(factory.Clock.UtcNow);
            var today = $"{later.Year}年{later.Month}月{later.Day}日";
            Assert.NotEqual(day, today);
            foreach (var kind in new[] { "notice", "certificates" })
            {
                using var document = WordprocessingDocument.Open(new MemoryStream(await ExportAsync(organizer, kind)), false);
                var body = document.MainDocumentPart!.Document.Body!.InnerText;
                Assert.Contains(day, body, StringComparison.Ordinal);
                Assert.DoesNotContain(today, body, StringComparison.Ordinal);
            }
        }
        finally
        {
            factory.Clock.Offset = offset;
        }
    }

    [Fact]
    public async Task TheNotice_TheAnthology_AndTheStatistics_AreValid_AndNameTheWinners()
    {
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        var titles = factory.WithDb(db => db.Entries.Where(e => _codes.Contains(e.Code)).ToDictionary(e => e.Code, e => e.Title));

        using (var notice = WordprocessingDocument.Open(new MemoryStream(await ExportAsync(organizer, "notice")), false))
        {
            AssertValid(notice);
            var body = notice.MainDocumentPart!.Document.Body!.InnerText;
            Assert.Contains("一等奖", body, StringComparison.Ordinal);
            Assert.True(body.IndexOf(titles[_codes[0]], StringComparison.Ordinal) < body.IndexOf(titles[_codes[2]], StringComparison.Ordinal));

            // An essay is a work: its title stands in 《》.
            Assert.Contains($"《{titles[_codes[0]]}》", body, StringComparison.Ordinal);
        }

        // Final results are commended.
        using (var final = WordprocessingDocument.Open(new MemoryStream(await ExportAsync(organizer, "notice")), false))
        {
            var body = final.MainDocumentPart!.Document.Body!.InnerText;
            Assert.Contains("决定对以下获奖者予以表彰", body, StringComparison.Ordinal);
            Assert.DoesNotContain("现予公示", body, StringComparison.Ordinal);
        }

        // With results on notice included, but none on notice: every result is final, and the notice says so.
        using (var proposed = WordprocessingDocument.Open(new MemoryStream(await ExportAsync(organizer, "notice", proposed: true)), false))
        {
            AssertValid(proposed);
            var body = proposed.MainDocumentPart!.Document.Body!.InnerText;
            Assert.Contains("决定对以下获奖者予以表彰", body, StringComparison.Ordinal);
            Assert.DoesNotContain("公示期间", body, StringComparison.Ordinal);
        }

        using (var anthology = WordprocessingDocument.Open(new MemoryStream(await ExportAsync(organizer, "anthology")), false))
        {
            AssertValid(anthology);
            var body = anthology.MainDocumentPart!.Document.Body!.InnerText;
            Assert.All(_codes, code => Assert.Contains(titles[code], body, StringComparison.Ordinal));
        }

        using var statistics = SpreadsheetDocument.Open(new MemoryStream(await ExportAsync(organizer, "statistics")), false);
        AssertValid(statistics);
        Assert.Contains("市第一人民医院", SheetText(statistics, statistics.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().First().Name!.Value!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheExports_OpenInLibreOffice_WithTheWinnersInTheText()
    {
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        var folder = Directory.CreateDirectory(Path.Combine(Web.Infrastructure.AppPaths.Root, "artifacts", "exports")).FullName;
        var titles = factory.WithDb(db => db.Entries.Where(e => _codes.Contains(e.Code)).Select(e => e.Title).ToList());
        foreach (var (kind, extension) in new[] { ("notice", ".docx"), ("certificates", ".docx"), ("anthology", ".docx"), ("prize-list", ".xlsx") })
        {
            var file = Path.Combine(folder, kind + extension);
            await File.WriteAllBytesAsync(file, await ExportAsync(organizer, kind));
            if (!LibreOffice.IsInstalled)
            {
                // scripts/test.sh installs LibreOffice; without it the validator (in the other tests) is the only reader.
                continue;
            }

            var text = Regex.Replace(LibreOffice.ConvertToPdfText(file), @"\s+", string.Empty);
            Assert.Contains(kind == "prize-list" ? _codes[0] : Regex.Replace(titles[0], @"\s+", string.Empty), text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Certificates_CarryCodesThatTheVerifyPageConfirms()
    {
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        using var document = WordprocessingDocument.Open(new MemoryStream(await ExportAsync(organizer, "certificates")), false);
        AssertValid(document);
        var body = document.MainDocumentPart!.Document.Body!.InnerText;
        var codes = factory.WithDb(db => db.Placements.Where(p => p.LevelRank != null).Select(p => p.VerifyCode).ToList());
        Assert.Equal(3, codes.Count);
        Assert.All(codes, code => Assert.Contains(code, body, StringComparison.Ordinal));
        Assert.Equal(3, document.MainDocumentPart.ImageParts.Count());

        var visitor = new Browser(factory);
        var page = await visitor.GetStringAsync($"/verify/{codes[0]}");
        Assert.Contains("data-testid=\"verified\"", page, StringComparison.Ordinal);
        // Typed off the paper in the box at /verify, in lower case: the same page.
        Assert.Contains("data-testid=\"verify-form\"", await visitor.GetStringAsync("/verify"), StringComparison.Ordinal);
        using (var typed = await visitor.Client.GetAsync($"/verify?code={codes[0].ToLowerInvariant()}"))
        {
            Assert.Equal($"/verify/{codes[0].ToLowerInvariant()}", typed.Headers.Location?.OriginalString);
        }

        Assert.Contains("data-testid=\"verified\"", await visitor.GetStringAsync($"/verify/{codes[0].ToLowerInvariant()}"), StringComparison.Ordinal);
        using var unknown = await visitor.Client.GetAsync("/verify/ABCD-EFGH-JKMN");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("没有此编号的证书", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AJudgePacket_HasTheJudgesEntries_AndNoIdentityAnywhere()
    {
        var judge = await Nominating.SignedInAsync(factory, "judge.huang@demo.example");
        var round = factory.WithDb(db => db.Assignments.First(a => db.Users.Any(u => u.Id == a.JudgeUserId && u.Email == "judge.huang@demo.example")).RoundId);
        using var response = await judge.Client.GetAsync($"/judge/rounds/{round}/packet.docx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        AssertValid(document);
        Assert.All(_codes, code => Assert.Contains(code, document.MainDocumentPart!.Document.Body!.InnerText, StringComparison.Ordinal));
        var everything = string.Concat(document.GetAllParts().Select(PartText)) + PackageProperties(document);
        var identities = factory.WithDb(db => db.Entries.Where(e => _codes.Contains(e.Code))
            .SelectMany(e => db.Users.Where(u => u.Id == e.OwnerUserId).Select(u => new[] { u.DisplayName, u.Email!, u.PhoneNumber ?? "" }))
            .ToList()).SelectMany(x => x).Where(x => x.Length > 0).ToList();
        Assert.NotEmpty(identities);
        Assert.All(identities, identity => Assert.DoesNotContain(identity, everything, StringComparison.Ordinal));

        // Another judge's round, or a round with nothing of theirs, is not theirs to download.
        var other = await Nominating.SignedInAsync(factory, "judge.qian@demo.example");
        using var refused = await other.Client.GetAsync($"/judge/rounds/{round + 1}/packet.docx");
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
    }

    [Fact]
    public async Task TheCommandLine_WritesEachExport_AndRefusesAnUnknownKind()
    {
        foreach (var kind in new[] { "prize-list", "notice", "certificates", "anthology", "statistics" })
        {
            var file = Path.Combine(factory.Root, $"cli-{kind}");
            using var output = new StringWriter();
            var code = await CommandLine.RunAsync(["export", kind, "--out", file, $"--Awards:DatabasePath={factory.DatabasePath}", $"--Awards:KeysPath={Path.Combine(factory.Root, "keys")}"], output, new StringReader(string.Empty));
            Assert.True(code == 0, output.ToString());
            using var package = kind is "prize-list" or "statistics" ? (OpenXmlPackage)SpreadsheetDocument.Open(file, false) : WordprocessingDocument.Open(file, false);
            AssertValid(package);
        }

        using var refused = new StringWriter();
        Assert.Equal(2, await CommandLine.RunAsync(["export", "poster", "--out", Path.Combine(factory.Root, "x"), $"--Awards:DatabasePath={factory.DatabasePath}"], refused, new StringReader(string.Empty)));
        Assert.Contains("there is no export 'poster'", refused.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnlyTheOrganizer_StartsOrDownloadsExports()
    {
        var coordinator = await Nominating.SignedInAsync(factory, "coordinator.qingshan@demo.example");
        using var page = await coordinator.Client.GetAsync("/organizer/exports");
        using var download = await coordinator.Client.GetAsync("/organizer/exports/1/download");
        Assert.NotEqual(HttpStatusCode.OK, page.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, download.StatusCode);
    }

    /// <summary>Starts an export on the page, waits for the background job, and downloads the file.</summary>
    private async Task<byte[]> ExportAsync(Browser organizer, string kind, bool proposed = false)
    {
        var (job, bytes) = await Exported.RunAsync(factory, organizer, kind, proposed);
        Assert.Matches(new Regex(@"-\d{8}\.(xlsx|docx)$"), job.FileName!);
        Assert.Contains(job.FileName!, await organizer.GetStringAsync("/organizer/exports"), StringComparison.Ordinal);
        return bytes;
    }

    private static void AssertValid(OpenXmlPackage package)
    {
        var errors = new OpenXmlValidator(FileFormatVersions.Office2013).Validate(package).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    private static string SheetText(SpreadsheetDocument workbook, string sheetName) => Exported.SheetText(workbook, sheetName);

    private static string PartText(OpenXmlPart part)
    {
        using var reader = new StreamReader(part.GetStream());
        return reader.ReadToEnd();
    }

    private static string PackageProperties(WordprocessingDocument document) =>
        string.Join("|", document.PackageProperties.Creator, document.PackageProperties.LastModifiedBy, document.PackageProperties.Title, document.PackageProperties.Subject, document.PackageProperties.Keywords, document.PackageProperties.Description);
}
