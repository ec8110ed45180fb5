using System.Globalization;
using System.Text.RegularExpressions;
using Awards.Core.Ranking;
using Awards.Web.Features.Results;
using Awards.Web.Tests.Infrastructure;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.Extensions.DependencyInjection;

namespace Awards.Web.Tests.Features.Exports;

/// <summary>
/// The leading group decides on the Outstanding Organization Award too: the draft list gives its
/// units with their points, as suggested before any pick, as the organizer picked them, and as
/// published, with the same status wording as the other awards.
/// </summary>
public sealed class DraftListUnitAwardTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    private const string Page = "/organizer/results/outstanding-organization";

    private const string Sheet = "征文优秀组织奖";

    [Fact]
    public async Task TheDraftList_HasTheUnitsOfTheOutstandingOrganizationAward_SuggestedPickedAndPublished()
    {
        Judged.Score(factory, "journey", [95, 95, 95], [60, 60, 60]);
        Judged.Score(factory, "help-story", [90, 90, 90]);
        IReadOnlyList<UnitStanding> standings;
        using (var scope = factory.Services.CreateScope())
        {
            standings = await scope.ServiceProvider.GetRequiredService<UnitAwardResults>().StandingsAsync(null, CancellationToken.None);
        }

        var names = factory.WithDb(db => db.Units.ToDictionary(u => u.Id, u => u.Name.Zh));
        var quota = factory.WithDb(db => db.AwardLevels.Where(l => db.Tracks.Any(t => t.Id == l.TrackId && t.Code == "outstanding-organization")).Sum(l => l.Quota));
        var suggested = standings.Take(quota).ToList();
        var lower = standings.Last(s => s.Place > standings[0].Place);
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");

        // Nothing picked: the top of the suggested order up to the quota, each with its figures and points, said to be only suggested.
        using (var workbook = await DraftListAsync(organizer))
        {
            Assert.Contains($"{Sheet}|讨论稿（未公示）|优秀组织奖|{suggested.Count}|", Exported.SheetText(workbook, "汇总"), StringComparison.Ordinal);
            var sheet = Exported.SheetText(workbook, Sheet);
            Assert.StartsWith("名次|拟授奖次|单位|参赛征文|已评分|平均分|获奖征文|获奖积分|说明|", sheet, StringComparison.Ordinal);
            Assert.All(suggested, s => Assert.Contains(Row(s, names), sheet, StringComparison.Ordinal));
            Assert.Equal(suggested.Count, Regex.Count(sheet, "尚未选定，按建议顺序"));
        }

        // A lower unit picked, with a reason: only it, marked as leaving the suggested order, with the reason.
        await PickAsync(organizer, [lower.UnitId], "该县组织发动覆盖全部乡镇。");
        using (var workbook = await DraftListAsync(organizer))
        {
            Assert.Contains($"{Sheet}|讨论稿（未公示）|优秀组织奖|1|", Exported.SheetText(workbook, "汇总"), StringComparison.Ordinal);
            var sheet = Exported.SheetText(workbook, Sheet);
            Assert.Contains(Row(lower, names) + "未按建议顺序选定：该县组织发动覆盖全部乡镇。", sheet, StringComparison.Ordinal);
            Assert.DoesNotContain(names[standings[0].UnitId], sheet, StringComparison.Ordinal);
        }

        // The top units picked and on notice: the published units, with the status the other awards say on notice.
        var top = standings.Where(s => s.Place == standings[0].Place).Take(quota).ToList();
        await PickAsync(organizer, top.Select(s => s.UnitId), null);
        (await organizer.SubmitAsync(Page, Page + "/publish", new Dictionary<string, string> { ["days"] = "7" })).Dispose();
        using (var workbook = await DraftListAsync(organizer))
        {
            Assert.Contains($"{Sheet}|拟获奖（公示中）|优秀组织奖|{top.Count}|", Exported.SheetText(workbook, "汇总"), StringComparison.Ordinal);
            var sheet = Exported.SheetText(workbook, Sheet);
            Assert.All(top, s => Assert.Contains(Row(s, names).TrimEnd('|'), sheet, StringComparison.Ordinal));
            Assert.DoesNotContain(names[lower.UnitId], sheet, StringComparison.Ordinal);
        }

        // Final: so it says, and the file still opens in LibreOffice with the units in it.
        factory.Clock.Offset += TimeSpan.FromDays(8);
        (await organizer.PostAsync(Page, Page + "/finalize")).Dispose();
        var (_, bytes) = await Exported.RunAsync(factory, organizer, "draft-list");
        using (var workbook = SpreadsheetDocument.Open(new MemoryStream(bytes), false))
        {
            Assert.Contains($"{Sheet}|最终结果|优秀组织奖|{top.Count}|", Exported.SheetText(workbook, "汇总"), StringComparison.Ordinal);
        }

        if (LibreOffice.IsInstalled)
        {
            var folder = Directory.CreateTempSubdirectory("awards-draft-list-");
            try
            {
                var file = Path.Combine(folder.FullName, "draft-list.xlsx");
                await File.WriteAllBytesAsync(file, bytes);
                var text = Regex.Replace(LibreOffice.ConvertToPdfText(file), @"\s+", string.Empty);
                Assert.Contains(names[top[0].UnitId], text, StringComparison.Ordinal);
                Assert.Contains("获奖积分", text, StringComparison.Ordinal);
            }
            finally
            {
                folder.Delete(recursive: true);
            }
        }
    }

    /// <summary>A unit's row up to its notes: place, level, unit, entries, scored, average, prizes, points.</summary>
    private static string Row(UnitStanding s, Dictionary<int, string> names) =>
        string.Join("|", new object?[] { s.Place, "优秀组织奖", names[s.UnitId], s.Entries, s.Scored, s.AverageScore, s.Prizes, s.PrizePoints }
            .Where(v => v is not null)
            .Select(v => Convert.ToString(v, CultureInfo.InvariantCulture))) + "|";

    private async Task<SpreadsheetDocument> DraftListAsync(Browser organizer)
    {
        var (_, bytes) = await Exported.RunAsync(factory, organizer, "draft-list");
        var workbook = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var errors = new OpenXmlValidator(FileFormatVersions.Office2013).Validate(workbook).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        return workbook;
    }

    private static async Task PickAsync(Browser organizer, IEnumerable<int> units, string? reason)
    {
        var token = await organizer.TokenFromAsync(Page);
        var fields = units.Select(u => new KeyValuePair<string, string>("units", u.ToString(CultureInfo.InvariantCulture)))
            .Append(new("reason", reason ?? string.Empty))
            .Append(new("__RequestVerificationToken", token));
        (await organizer.Client.PostAsync(Page + "/picks", new FormUrlEncodedContent(fields))).Dispose();
    }
}
