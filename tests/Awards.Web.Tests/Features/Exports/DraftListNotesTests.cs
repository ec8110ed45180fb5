using System.Globalization;
using System.Net;
using Awards.Web.Data;
using Awards.Web.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Awards.Web.Tests.Features.Exports;

/// <summary>The draft list explains a proposed prize the ranking alone would not give: the flags, the level it would have had, and the reason.</summary>
public sealed class DraftListNotesTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    [Fact]
    public async Task AMoveByHandIntoAPrize_IsExplained_WithTheLevelTheRankingGave()
    {
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        var codes = Judged.Score(factory, "journey", [60, 60, 60], [50, 50, 50]);
        const string Page = "/organizer/results/journey";
        var round = factory.WithDb(db => db.Rounds.Where(r => db.Tracks.Any(t => t.Id == r.TrackId && t.Code == "journey")).OrderBy(r => r.Sequence).First().Id);
        (await organizer.SubmitAsync(Page, Page + "/settings", new Dictionary<string, string>
        {
            ["method"] = "RawMean",
            ["minimum"] = "55",
            ["round"] = round.ToString(CultureInfo.InvariantCulture),
            ["levels"] = Judged.LevelsStamp(factory, "journey"),
            ["quota1"] = "1",
            ["quota2"] = "1",
            ["quota3"] = "0",
            ["quota4"] = "0",
        })).Dispose();
        (await organizer.SubmitAsync(Page, Page + "/override", new Dictionary<string, string> { ["entry"] = codes[1], ["level"] = "2", ["reason"] = "评审组复议。", ["levels"] = Judged.LevelsStamp(factory, "journey") })).Dispose();

        using var workbook = SpreadsheetDocument.Open(new MemoryStream(await ExportAsync(organizer)), false);
        var sheet = SheetText(workbook, "征文：我的脱贫历程");
        Assert.Contains($"{codes[1]}|", sheet, StringComparison.Ordinal);
        Assert.Contains("低于最低分；手动调整（按排名为未获奖）：评审组复议。", sheet, StringComparison.Ordinal);
    }

    private async Task<byte[]> ExportAsync(Browser organizer)
    {
        var before = factory.WithDb(db => db.ExportJobs.Select(j => (int?)j.Id).Max() ?? 0);
        (await organizer.SubmitAsync("/organizer/exports", "/organizer/exports", new Dictionary<string, string> { ["kind"] = "draft-list", ["proposed"] = "true" })).Dispose();
        var job = factory.WithDb(db => db.ExportJobs.Single(j => j.Id > before));
        for (var i = 0; i < 600 && job.Status is ExportStatus.Queued or ExportStatus.Running; i++)
        {
            await Task.Delay(100);
            job = factory.WithDb(db => db.ExportJobs.Single(j => j.Id == job.Id));
        }

        Assert.True(job.Status == ExportStatus.Done, $"{job.Status} {job.Error}");
        Assert.False(job.Proposed);
        Assert.Contains("拟表彰名单（讨论稿）", job.FileName!, StringComparison.Ordinal);
        using var response = await organizer.Client.GetAsync($"/organizer/exports/{job.Id}/download");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static string SheetText(SpreadsheetDocument workbook, string sheetName)
    {
        var part = workbook.WorkbookPart!;
        var sheet = part.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheetName);
        var shared = part.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        var cells = ((WorksheetPart)part.GetPartById(sheet.Id!)).Worksheet.Descendants<Cell>();
        return string.Join("|", cells.Select(c => c.DataType?.Value == CellValues.SharedString ? shared[int.Parse(c.CellValue!.Text, CultureInfo.InvariantCulture)] : c.InnerText));
    }
}
