using Awards.Web.Features.Exports;
using Awards.Web.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Extensions.DependencyInjection;

namespace Awards.Web.Tests.Features.Exports;

/// <summary>
/// An export that includes results on notice while other results are final: "My Help Story" is
/// final, "My Poverty Alleviation Journey" published and on notice. Each document says which is which.
/// </summary>
public sealed class MixedStageExportTests(AwardsFactory factory) : IClassFixture<AwardsFactory>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        if (factory.WithDb(db => db.TrackResults.Any()))
        {
            return;
        }

        Judged.Score(factory, "help-story", [90, 90, 90], [85, 85, 85], [80, 80, 80]);
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        await Judged.FinalizeAsync(factory, organizer, "help-story", 1, 1, 1, 0);

        Judged.Score(factory, "journey", [95, 95, 95], [70, 70, 70]);
        await PublishAsync(organizer, "journey", 1, 1, 0, 0);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task TheNotice_CommendsTheFinalTheme_AndMarksTheThemeOnNotice()
    {
        var (bytes, fileName) = await ExportAsync("notice", proposed: true);
        var paragraphs = Paragraphs(bytes);
        var body = string.Join("\n", paragraphs);

        Assert.Contains("（标注“公示中”的奖项为拟表彰名单，公示期间征求意见）", paragraphs);
        Assert.DoesNotContain("（拟表彰名单，公示期间征求意见）", paragraphs);
        Assert.Contains(paragraphs, p => p.EndsWith("、征文：我的脱贫历程（公示中）", StringComparison.Ordinal));
        Assert.Contains(paragraphs, p => p.EndsWith("、征文：我的帮扶故事", StringComparison.Ordinal));
        Assert.Contains("决定对以下获奖者予以表彰。其中标注“公示中”的奖项尚在公示期间", body, StringComparison.Ordinal);
        Assert.Contains("-拟-", fileName, StringComparison.Ordinal);

        // It says when the notice runs, so that the public knows until when they may object.
        var (starts, ends) = factory.WithDb(db => db.TrackResults.Where(r => r.Stage == Core.Results.ResultStage.Notice).Select(r => new { r.NoticeStartsAt, r.NoticeEndsAt }).ToList().Select(r => (r.NoticeStartsAt!.Value, r.NoticeEndsAt!.Value)).Single());
        Assert.Contains($"公示时间为{Printed(starts)}至{Printed(ends)}。公示期间，对公示对象如有异议", body, StringComparison.Ordinal);

        // The red header names the issuing office from the contest settings; the notice goes to the city's kinds of unit.
        var office = factory.WithDb(db => db.Contests.Single().IssuingOffice.Zh);
        Assert.Equal(office, paragraphs[0]);
        Assert.Contains("各县（市、区）扶贫办，各定点帮扶单位，市直有关单位：", paragraphs);

        // Without the results on notice, the same notice is final and names only the final theme.
        var (final, finalName) = await ExportAsync("notice", proposed: false);
        var finalBody = string.Join("\n", Paragraphs(final));
        Assert.DoesNotContain("公示中", finalBody, StringComparison.Ordinal);
        Assert.DoesNotContain("我的脱贫历程", finalBody, StringComparison.Ordinal);
        Assert.DoesNotContain("-拟-", finalName, StringComparison.Ordinal);
        Assert.DoesNotContain("公示时间为", finalBody, StringComparison.Ordinal);
    }

    /// <summary>A date as the notice prints it, in China Standard Time: 2026年12月7日.</summary>
    private static string Printed(DateTime utc) =>
        (DateTime.SpecifyKind(utc, DateTimeKind.Utc) + TimeSpan.FromHours(8)).ToString("yyyy年M月d日", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task TheAnthology_MarksTheThemeOnNotice_OnItsCoverAndHeading()
    {
        var paragraphs = Paragraphs((await ExportAsync("anthology", proposed: true)).Bytes);

        Assert.Contains("（标注“公示中”的征文主题为拟获奖作品，公示期间征求意见）", paragraphs);
        Assert.DoesNotContain("（拟获奖作品，公示期间征求意见）", paragraphs);
        Assert.Contains("征文：我的脱贫历程（公示中）", paragraphs);
        Assert.Contains("征文：我的帮扶故事", paragraphs);
    }

    [Fact]
    public async Task TheWorkbooks_PrintEachSheetsStage_AndTheStatisticsSayTheyHoldBoth()
    {
        static string Header(byte[] xlsx, string sheetName)
        {
            using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
            var workbook = document.WorkbookPart!;
            var sheet = workbook.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Single(s => s.Name == sheetName);
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
            return part.Worksheet.GetFirstChild<DocumentFormat.OpenXml.Spreadsheet.HeaderFooter>()!.OddHeader!.Text!;
        }

        var prizes = (await ExportAsync("prize-list", proposed: true)).Bytes;
        Assert.EndsWith("（最终结果）", Header(prizes, "征文：我的帮扶故事"), StringComparison.Ordinal);
        Assert.EndsWith("（拟获奖（公示中））", Header(prizes, "征文：我的脱贫历程"), StringComparison.Ordinal);
        Assert.EndsWith("（最终结果及拟获奖（公示中））", Header(prizes, "汇总"), StringComparison.Ordinal);
        Assert.EndsWith("（最终结果及拟获奖（公示中））", Header((await ExportAsync("statistics", proposed: true)).Bytes, "参与情况"), StringComparison.Ordinal);
    }

    private async Task<(byte[] Bytes, string FileName)> ExportAsync(string kind, bool proposed)
    {
        using var scope = factory.Services.CreateScope();
        using var output = new MemoryStream();
        var name = await scope.ServiceProvider.GetRequiredService<ExportRunner>().WriteAsync(kind, proposed, output, null, CancellationToken.None);
        return (output.ToArray(), name);
    }

    private static List<string> Paragraphs(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return [.. document.MainDocumentPart!.Document.Body!.Descendants<Paragraph>().Select(p => p.InnerText)];
    }

    /// <summary>Ranks the track with the quotas, closes its first round and publishes it for a 7-day notice.</summary>
    private async Task PublishAsync(Browser organizer, string trackCode, params int[] quotas)
    {
        var page = $"/organizer/results/{trackCode}";
        var round = factory.WithDb(db => db.Rounds.Where(r => db.Tracks.Any(t => t.Id == r.TrackId && t.Code == trackCode)).OrderBy(r => r.Sequence).First().Id);
        var settings = new Dictionary<string, string> { ["method"] = "RawMean", ["minimum"] = "", ["round"] = round.ToString(System.Globalization.CultureInfo.InvariantCulture), ["levels"] = Judged.LevelsStamp(factory, trackCode) };
        for (var i = 0; i < quotas.Length; i++)
        {
            settings[$"quota{i + 1}"] = quotas[i].ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        (await organizer.SubmitAsync(page, page + "/settings", settings)).Dispose();
        await Judged.CloseFirstRoundAsync(factory, organizer, trackCode);
        (await organizer.SubmitAsync(page, page + "/publish", new Dictionary<string, string> { ["days"] = "7" })).Dispose();
        Assert.Equal(Core.Results.ResultStage.Notice, factory.WithDb(db => db.TrackResults.Single(r => db.Tracks.Any(t => t.Id == r.TrackId && t.Code == trackCode)).Stage));
    }
}
