using System.Globalization;
using System.Net;
using Awards.Web.Data;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Awards.Web.Tests.Infrastructure;

/// <summary>Exports made as the organizer makes them: started on the page, waited for, downloaded; and read back.</summary>
public static class Exported
{
    /// <summary>Starts an export on the export page, waits for its background job, and downloads the file.</summary>
    public static async Task<(ExportJob Job, byte[] Bytes)> RunAsync(AwardsFactory factory, Browser organizer, string kind, bool proposed = false)
    {
        var before = factory.WithDb(db => db.ExportJobs.Select(j => (int?)j.Id).Max() ?? 0);
        var fields = new Dictionary<string, string> { ["kind"] = kind };
        if (proposed)
        {
            fields["proposed"] = "true";
        }

        (await organizer.SubmitAsync("/organizer/exports", "/organizer/exports", fields)).Dispose();
        var job = factory.WithDb(db => db.ExportJobs.Single(j => j.Id > before && j.Kind == kind));
        for (var i = 0; i < 600 && job.Status is ExportStatus.Queued or ExportStatus.Running; i++)
        {
            await Task.Delay(100);
            job = factory.WithDb(db => db.ExportJobs.Single(j => j.Id == job.Id));
        }

        Assert.True(job.Status == ExportStatus.Done, $"{kind}: {job.Status} {job.Error}");
        using var response = await organizer.Client.GetAsync($"/organizer/exports/{job.Id}/download");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (job, await response.Content.ReadAsByteArrayAsync());
    }

    /// <summary>A sheet's cells, in order, joined by "|".</summary>
    public static string SheetText(SpreadsheetDocument workbook, string sheetName)
    {
        var part = workbook.WorkbookPart!;
        var sheet = part.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheetName);
        var shared = part.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        var cells = ((WorksheetPart)part.GetPartById(sheet.Id!)).Worksheet.Descendants<Cell>();
        return string.Join("|", cells.Select(c => c.DataType?.Value == CellValues.SharedString ? shared[int.Parse(c.CellValue!.Text, CultureInfo.InvariantCulture)] : c.InnerText));
    }

    /// <summary>Every sheet's cells, sheet after sheet.</summary>
    public static string AllSheetsText(SpreadsheetDocument workbook) =>
        string.Join("\n", workbook.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => SheetText(workbook, s.Name!.Value!)));
}
